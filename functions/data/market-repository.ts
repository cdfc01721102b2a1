/**
 * Sellers and listings (keys: sellerKeys, listingKeys). A listing carries its browse index keys only
 * while ACTIVE (sparse GSI1/GSI2), so pausing or ending takes it out of every browse page at once.
 */
import { GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { ListingChangeRecord, ListingRecord, ListingRepository, SellerRecord, SellerRepository } from '../domain/market/market';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, listingKeys, sellerKeys } from './keys';
import { queryAll, queryPage } from './query-pages';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';
import { attachUpload } from './uploads-repository';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const sellerItem = (s: SellerRecord) => ({
  ...sellerKeys.item(s.id),
  ...sellerKeys.ofStationIndex(s.stationId, s.createdAt, s.id),
  entity: 'Seller',
  ...s,
});

export const listingItem = (l: ListingRecord) => ({
  ...listingKeys.item(l.id),
  ...(l.status === 'ACTIVE' ? listingKeys.activeIndex(l.stationVillageCode, l.category, l.createdAt, l.id) : {}),
  ...listingKeys.ofStationIndex(l.stationId, l.createdAt, l.id),
  entity: 'Listing',
  ...l,
});

const changePut = (listingId: string, change: ListingChangeRecord): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: { ...listingKeys.change(listingId, change.at, randomBytes(4).toString('hex')), entity: 'ListingChange', listingId, ...change },
  },
});

export const dynamoSellerRepository: SellerRepository = {
  async create(seller) {
    const items: TransactItem[] = [{ Put: { TableName: tableName(), Item: sellerItem(seller), ConditionExpression: 'attribute_not_exists(PK)' } }];
    if (seller.householdId) {
      items.push({
        Put: {
          TableName: tableName(),
          Item: { ...sellerKeys.household(seller.householdId), entity: 'HouseholdSeller', sellerId: seller.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    try {
      await transactWrite({ TransactItems: items });
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  },
  async get(id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: sellerKeys.item(id) }));
    return Item ? stripKeys<SellerRecord>(Item) : null;
  },
  listOfStation: (stationId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': sellerKeys.ofStation(stationId) },
        ScanIndexForward: false,
      },
      page,
      `sellers:${stationId}`,
      (item) => stripKeys<SellerRecord>(item),
    ),
};

const toListing = (item: Item) => stripKeys<ListingRecord>(item);

export const dynamoListingRepository: ListingRepository = {
  async create(listing, change, newUploadIds, uploaderId) {
    await transactWrite({
      TransactItems: [
        { Put: { TableName: tableName(), Item: listingItem(listing), ConditionExpression: 'attribute_not_exists(PK)' } },
        changePut(listing.id, change),
        ...newUploadIds.map((id) => attachUpload(id, uploaderId, listing.id)),
      ],
    });
  },

  async get(id) {
    // Strongly consistent: the officer edits what is stored, and a buyer's page shows the stock left.
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: listingKeys.item(id), ConsistentRead: true }));
    return Item ? toListing(Item) : null;
  },

  async getMany(ids) {
    if (ids.length === 0) return [];
    return (await batchGet(ids.map((id) => listingKeys.item(id)))).map(toListing);
  },

  /**
   *   price, stock, status as read (orders move stock: an edit on an older reading fails) ──> SET them,
   *   the texts, updatedAt; index keys follow the status (ACTIVE: set; PAUSED/ENDED: removed); + change items
   */
  async update(current, set, changes) {
    const at = changes[changes.length - 1].at;
    const next = { ...current, ...set, updatedAt: at };
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':p0': current.priceFen, ':s0': current.stock, ':st0': current.status };
    const sets: string[] = [];
    Object.entries({ ...set, updatedAt: at }).forEach(([field, value], i) => {
      names[`#f${i}`] = field;
      values[`:v${i}`] = value;
      sets.push(`#f${i} = :v${i}`);
    });
    let remove = '';
    if (set.status !== undefined) {
      if (set.status === 'ACTIVE') {
        Object.entries(listingKeys.activeIndex(current.stationVillageCode, current.category, current.createdAt, current.id)).forEach(([k, v]) => {
          values[`:${k}`] = v;
          sets.push(`${k} = :${k}`);
        });
      } else remove = ' REMOVE GSI1PK, GSI1SK, GSI2PK, GSI2SK';
    }
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: listingKeys.item(current.id),
              UpdateExpression: `SET ${sets.join(', ')}${remove}`,
              ConditionExpression: 'priceFen = :p0 AND stock = :s0 AND #status = :st0',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          ...changes.map((c) => changePut(current.id, c)),
        ],
      });
      return next;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  changes: (id, page) =>
    queryPage(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': listingKeys.item(id).PK, ':prefix': listingKeys.changePrefix },
        ScanIndexForward: false,
      },
      page,
      `listing-changes:${id}`,
      (item) => {
        const { listingId, ...change } = stripKeys<ListingChangeRecord & { listingId: string }>(item);
        void listingId;
        return change;
      },
    ),

  browse: ({ region, category }, page) =>
    queryPage(
      category
        ? {
            IndexName: INDEX.GSI1,
            KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
            ExpressionAttributeValues: { ':pk': listingKeys.byCategory(region, category), ':region': region },
          }
        : {
            IndexName: INDEX.GSI2,
            KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :region)',
            ExpressionAttributeValues: { ':pk': listingKeys.inProvince(region), ':region': region },
          },
      page,
      `listings:${region}:${category ?? ''}`,
      toListing,
    ),

  activeInProvince: (provinceCode) =>
    queryAll(
      { IndexName: INDEX.GSI2, KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': listingKeys.inProvince(provinceCode) } },
      toListing,
    ),

  ofStation: (stationId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI3,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': listingKeys.ofStation(stationId) },
        ScanIndexForward: false,
      },
      page,
      `station-listings:${stationId}`,
      toListing,
    ),
};
