import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Station, StationRepository } from '../domain/stations/station';
import { db, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { stripKeys } from './item';
import { INDEX, stationKeys } from './keys';

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

  async listInRegion(regionCode, { limit, cursor }) {
    const scope = `stations-in:${regionCode}`;
    const { Items, LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
        ExpressionAttributeValues: { ':pk': stationKeys.byRegionPartition(regionCode).GSI1PK, ':region': regionCode },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { items: (Items ?? []).map(stationFromItem), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },
};
