import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Region, RegionRepository } from '../domain/regions/region';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, regionKeys } from './keys';
import { queryAll } from './query-pages';

export const REGION_ENTITY = 'Region';

export function regionToItem(region: Region) {
  return {
    ...regionKeys.item(region.code),
    ...(region.parentCode ? regionKeys.childIndex(region.parentCode, region.code) : {}),
    entity: REGION_ENTITY,
    ...region,
  };
}

export const regionFromItem = (item: Record<string, unknown>) => stripKeys<Region>(item);

export const dynamoRegionRepository: RegionRepository = {
  async get(code) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: regionKeys.item(code) }));
    return Item ? regionFromItem(Item) : null;
  },

  listChildren: (parentCode) =>
    queryAll(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': regionKeys.childrenOf(parentCode).GSI1PK },
      },
      regionFromItem,
    ),
};
