import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Station, StationChangeRecord, StationRepository } from '../domain/stations/station';
import type { GeoIndex } from '../domain/stations/nearest';
import { encodeGeohash } from '../domain/stations/geo';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { geoKeys, INDEX, stationChangeKeys, stationKeys } from './keys';
import { queryAll, queryPage } from './query-pages';
import { isConditionFailure } from './transaction-errors';

export const STATION_ENTITY = 'Station';

export function stationToItem(station: Station) {
  return {
    ...stationKeys.item(station.id),
    ...stationKeys.byRegionIndex(station.villageCode, station.id),
    ...stationKeys.byCode(station.code),
    entity: STATION_ENTITY,
    ...station,
  };
}

export function geoEntryItem(stationId: string, location: { lat: number; lng: number }) {
  return { ...geoKeys.entry(encodeGeohash(location.lat, location.lng, 9), stationId), entity: 'GeoEntry', stationId, ...location };
}

export const stationFromItem = (item: Record<string, unknown>) => stripKeys<Station>(item);

export const dynamoStationRepository: StationRepository = {
  async getById(stationId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: stationKeys.item(stationId) }));
    return Item ? stationFromItem(Item) : null;
  },

  async getByCode(code) {
    // One round trip: the code index holds whole items (projection ALL).
    const { Items } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK = :sk',
        ExpressionAttributeValues: { ':pk': stationKeys.byCode(code).GSI2PK, ':sk': stationKeys.byCode(code).GSI2SK },
        Limit: 1,
      }),
    );
    return Items?.[0] ? stationFromItem(Items[0]) : null;
  },

  /** One BatchGet per 100 ids (bounded retries of unprocessed keys: functions/data/batch-get.ts). */
  async getMany(stationIds) {
    if (stationIds.length === 0) return [];
    const found = new Map((await batchGet(stationIds.map((id) => stationKeys.item(id)))).map((item) => [String(item.id), stationFromItem(item)]));
    return stationIds.map((id) => found.get(id)).filter((s): s is Station => s !== undefined);
  },

  listInRegion: (regionCode, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
        ExpressionAttributeValues: { ':pk': stationKeys.byRegionPartition(regionCode).GSI1PK, ':region': regionCode },
      },
      page,
      `stations-in:${regionCode}`,
      stationFromItem,
    ),

  async update(station, changes, record) {
    //  station v=N ──(condition: version = N)──> station v=N+1 + change record + geo entry moved
    //  anyone else's edit in between bumps the version: this transaction fails, nothing is written
    const next: Station = { ...station, ...changes, version: station.version + 1, updatedAt: record.at };
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: tableName(),
          Item: stationToItem(next),
          ConditionExpression: 'attribute_exists(PK) AND version = :expected',
          ExpressionAttributeValues: { ':expected': station.version },
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...stationChangeKeys.item(station.id, record.at, randomBytes(4).toString('hex')),
            entity: 'StationChange',
            stationId: station.id,
            ...record,
          },
        },
      },
    ];
    const moved = 'location' in changes && JSON.stringify(station.location) !== JSON.stringify(next.location);
    if (moved && station.location) {
      const old = geoEntryItem(station.id, station.location);
      items.push({ Delete: { TableName: tableName(), Key: { PK: old.PK, SK: old.SK } } });
    }
    if (moved && next.location) items.push({ Put: { TableName: tableName(), Item: geoEntryItem(station.id, next.location) } });
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return next;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  listChanges: (stationId, page) =>
    queryPage(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': stationKeys.item(stationId).PK, ':prefix': stationChangeKeys.prefix },
        ScanIndexForward: false,
      },
      page,
      `station-changes:${stationId}`,
      (item) => {
        const { at, byUserId, byRole, fields, before, after } = item as unknown as StationChangeRecord;
        return { at, byUserId, byRole, fields, before, after };
      },
    ),
};

export const dynamoGeoIndex: GeoIndex & { calls: number } = {
  calls: 0,
  async listCell(precision, cell) {
    const key = geoKeys.cell(precision, cell);
    return queryAll(
      {
        IndexName: key.index,
        KeyConditionExpression: `${key.attribute} = :cell`,
        ExpressionAttributeValues: { ':cell': key.value },
        ProjectionExpression: 'stationId, lat, lng',
      },
      (item) => ({ stationId: item.stationId as string, lat: item.lat as number, lng: item.lng as number }),
      () => (dynamoGeoIndex.calls += 1),
    );
  },
};
