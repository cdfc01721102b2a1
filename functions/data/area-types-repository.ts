/**
 * Area type corrections. The effective area type is kept on every region and station item (what
 * reads need, with no extra lookup), so a correction writes it where it applies.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AreaTypeRepository } from '../domain/regions/area-type';
import { stationIdForVillage } from '../domain/stations/station-identity';
import { db, tableName } from './client';
import { INDEX, regionKeys, stationKeys } from './keys';
import { queryAll } from './query-pages';
import { dynamoRegionRepository } from './regions-repository';
import { isConditionFailure } from './transaction-errors';

const SWEEP_CONCURRENCY = 16;

export const dynamoAreaTypes: AreaTypeRepository = {
  getRegion: (code) => dynamoRegionRepository.get(code),

  async correct(region, correction, byRole) {
    const table = tableName();
    const change = {
      Put: {
        TableName: table,
        Item: {
          ...regionKeys.areaTypeChange(region.code, correction.at, randomBytes(4).toString('hex')),
          entity: 'AreaTypeChange',
          code: region.code,
          before: region.areaType,
          after: correction.areaType,
          byUserId: correction.byUserId,
          byRole,
          at: correction.at,
        },
      },
    };
    const setOwn = {
      Update: {
        TableName: table,
        Key: regionKeys.item(region.code),
        UpdateExpression: 'SET areaType = :type, areaTypeCorrection = :correction',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':type': correction.areaType, ':correction': correction },
      },
    };
    const items: Array<Record<string, unknown>> = [setOwn, change];
    if (region.level === 'village') {
      // Marks the station as corrected on its own, so a later county correction leaves it be.
      const station = stationIdForVillage(region.code);
      if (await stationExists(station)) {
        items.push({
          Update: {
            TableName: table,
            Key: stationKeys.item(station),
            UpdateExpression: 'SET areaType = :type, areaTypeCorrectedAt = :at',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':type': correction.areaType, ':at': correction.at },
          },
        });
      }
    }
    await db().send(new TransactWriteCommand({ TransactItems: items as never }));
    if (region.level === 'county') await sweepCounty(region.code, correction.areaType);
  },
};

async function stationExists(stationId: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: stationKeys.item(stationId), ProjectionExpression: 'PK' }));
  return Item !== undefined;
}

/**
 * Townships, villages and stations of the county take its new type unless corrected on their own.
 * Each write is conditional and idempotent: a sweep cut short is finished by sending the correction again.
 */
async function sweepCounty(countyCode: string, areaType: string): Promise<void> {
  const childrenOf = (code: string) =>
    queryAll(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': regionKeys.childrenOf(code).GSI1PK },
        ProjectionExpression: '#code',
        ExpressionAttributeNames: { '#code': 'code' },
      },
      (item) => String(item.code),
    );
  const townships = await childrenOf(countyCode);
  const villages = (await Promise.all(townships.map(childrenOf))).flat();
  const stations = await queryAll(
    {
      IndexName: INDEX.GSI1,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :county)',
      ExpressionAttributeValues: { ':pk': stationKeys.byRegionPartition(countyCode).GSI1PK, ':county': countyCode },
      ProjectionExpression: '#id',
      ExpressionAttributeNames: { '#id': 'id' },
    },
    (item) => String(item.id),
  );
  const writes = [
    ...[...townships, ...villages].map((code) => ({ key: regionKeys.item(code), unlessCorrected: 'areaTypeCorrection' })),
    ...stations.map((id) => ({ key: stationKeys.item(id), unlessCorrected: 'areaTypeCorrectedAt' })),
  ];
  let next = 0;
  const worker = async () => {
    while (next < writes.length) {
      const { key, unlessCorrected } = writes[next++];
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key,
            UpdateExpression: 'SET areaType = :type',
            ConditionExpression: `attribute_exists(PK) AND attribute_not_exists(${unlessCorrected})`,
            ExpressionAttributeValues: { ':type': areaType },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
}
