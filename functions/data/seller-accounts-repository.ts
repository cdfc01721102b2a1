/**
 * Seller accounts (functions/domain/market/seller-account.ts): cooperative link codes and links
 * (keys: sellerLinkCodeKeys, sellerKeys.userLink), and what a seller reads of its own listings and
 * paid orders, from its station's listing and order indexes filtered to the seller.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ListingRecord, OrderRecord } from '../domain/market/market';
import type { SellerAccountRepository } from '../domain/market/seller-account';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, listingKeys, orderKeys, sellerKeys, sellerLinkCodeKeys } from './keys';
import { putOneTimeCodeOf } from './one-time-codes';
import { queryAll } from './query-pages';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

export const dynamoSellerAccountRepository: SellerAccountRepository = {
  putLinkCode: (code, sellerId, expiresAtMs, nowMs) =>
    putOneTimeCodeOf(sellerLinkCodeKeys.item(code), 'SellerLinkCode', { sellerId }, expiresAtMs, nowMs),

  /**
   *   code  still the seller's and live ──> deleted      (a second redeemer finds it gone: null)
   *   link  USER#<user> SELLER_LINK#<seller> put (again, if the user was linked already)
   */
  async redeemLinkCode(code, userId, nowMs, at) {
    const key = sellerLinkCodeKeys.item(code);
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    // DynamoDB's TTL deletes late (DynamoDB Local never): the expiry is checked here and in the condition.
    if (!Item || Number(Item.expiresAtMs) < nowMs) return null;
    const sellerId = String(Item.sellerId);
    try {
      await transactWrite({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: key,
              ConditionExpression: 'sellerId = :seller AND expiresAtMs >= :now',
              ExpressionAttributeValues: { ':seller': sellerId, ':now': nowMs },
            },
          },
          { Put: { TableName: tableName(), Item: { ...sellerKeys.userLink(userId, sellerId), entity: 'SellerLink', sellerId, linkedAt: at } } },
        ],
      });
      return { sellerId };
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  linkedSellerIds: (userId) =>
    queryAll(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': sellerKeys.userLink(userId, '').PK, ':prefix': sellerKeys.userLinkPrefix },
        ConsistentRead: true,
      },
      (item) => String(item.sellerId),
    ),

  async sellerOfHousehold(householdId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: sellerKeys.household(householdId) }));
    return Item ? String(Item.sellerId) : null;
  },

  listingsOf: (seller) =>
    queryAll(
      {
        IndexName: INDEX.GSI3,
        KeyConditionExpression: 'GSI3PK = :pk',
        FilterExpression: 'sellerId = :seller',
        ExpressionAttributeValues: { ':pk': listingKeys.ofStation(seller.stationId), ':seller': seller.id },
        ScanIndexForward: false,
      },
      (item) => stripKeys<ListingRecord>(item),
    ),

  // An order that was paid keeps its paidAt whatever fulfilment does with it next.
  paidOrdersOf: (seller) =>
    queryAll(
      {
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        FilterExpression: 'sellerId = :seller AND attribute_exists(paidAt)',
        ExpressionAttributeValues: { ':pk': orderKeys.station(seller.stationId), ':seller': seller.id },
      },
      (item) => stripKeys<OrderRecord>(item),
    ),
};
