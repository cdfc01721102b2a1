/**
 * Orders, and a buyer's addresses and carts (keys: orderKeys, buyerKeys). Placing and releasing an
 * order are each ONE transaction over the order, its listings' stock and the buyer's unpaid counter.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AddressRecord, BuyerRepository, CartRecord, OrderRecord, OrderRepository } from '../domain/market/market';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { buyerKeys, INDEX, listingKeys, nonCashLedgerKeys, ORDER_HOLD_SHARDS, orderFulfilmentKeys, orderKeys } from './keys';
import { queryAll, queryPage } from './query-pages';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';
import { nonCashRefundItems } from './non-cash-ledger-repository';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string; Item?: Parameters<typeof unmarshall>[0] }> };

const orderItem = (o: OrderRecord) => ({
  ...orderKeys.item(o.id),
  ...orderKeys.indexes(o.buyerId, o.stationId, o.createdAt, o.id),
  ...(o.status === 'PENDING_PAYMENT' ? orderKeys.holdIndex(o.id, o.holdUntil) : {}),
  entity: 'Order',
  ...o,
});
const toOrder = (item: Item) => stripKeys<OrderRecord>(item);
const openIndexValues = (order: OrderRecord, paidAt: string) => {
  const index = orderFulfilmentKeys.openIndex(order.stationId, paidAt, order.id);
  return { ':openPk': index.GSI3PK, ':openSk': index.GSI3SK };
};

/** The buyer's unpaid counter moved by `delta`; going up is capped, going down never below 0. */
const counterUpdate = (buyerId: string, delta: 1 | -1, max: number): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: buyerKeys.unpaid(buyerId),
    UpdateExpression: 'SET entity = :entity ADD #count :delta',
    ConditionExpression: delta > 0 ? 'attribute_not_exists(#count) OR #count < :max' : '#count > :zero',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':entity': 'UnpaidOrders', ':delta': delta, ...(delta > 0 ? { ':max': max } : { ':zero': 0 }) },
  },
});

export const dynamoOrderRepository: OrderRepository = {
  /**
   *   order         attribute_not_exists          (else: this order exists: an idempotent retry)
   *   each listing  ACTIVE, priceFen = as priced, stock >= qty  ──> stock -= qty
   *   counter       count < max                   ──> count += 1
   * The first failed condition says which answer it is (its old item tells short stock from a change).
   */
  async place(order, maxUnpaid) {
    const items: TransactItem[] = [
      { Put: { TableName: tableName(), Item: orderItem(order), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...order.lines.map((line): TransactItem => ({
        Update: {
          TableName: tableName(),
          Key: listingKeys.item(line.listingId),
          UpdateExpression: 'SET stock = stock - :qty',
          ConditionExpression: '#status = :active AND priceFen = :price AND stock >= :qty',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':active': 'ACTIVE', ':price': line.priceFen, ':qty': line.quantity },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      })),
      counterUpdate(order.buyerId, 1, maxUnpaid),
    ];
    try {
      await transactWrite({ TransactItems: items });
      return 'placed';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = (error as Cancelled).CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed === 0) return 'exists';
      if (failed === items.length - 1) return 'limit';
      const old = reasons[failed]?.Item ? unmarshall(reasons[failed].Item!) : null;
      const line = order.lines[failed - 1];
      if (old && old.status === 'ACTIVE' && old.priceFen === line.priceFen && Number(old.stock) < line.quantity) return 'out_of_stock';
      return 'changed';
    }
  },

  async get(id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: orderKeys.item(id), ConsistentRead: true }));
    return Item ? toOrder(Item) : null;
  },

  /**
   *   order    status = PENDING_PAYMENT ──> `to`, closedAt; its hold index removed
   *   listings stock += qty
   *   counter  count -= 1
   * Conditional on the status: the job, a read and a cancel racing release it once.
   */
  async release(order, to, at) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: orderKeys.item(order.id),
              UpdateExpression: 'SET #status = :to, closedAt = :at REMOVE GSI3PK, GSI3SK',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':to': to, ':at': at, ':pending': 'PENDING_PAYMENT' },
            },
          },
          ...order.lines.map((line): TransactItem => ({
            Update: {
              TableName: tableName(),
              Key: listingKeys.item(line.listingId),
              UpdateExpression: 'ADD stock :qty',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':qty': line.quantity },
            },
          })),
          counterUpdate(order.buyerId, -1, 0),
        ],
      });
      return { ...order, status: to, closedAt: at };
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  /**
   *   order    status = PENDING_PAYMENT AND totalFen = paid ──> PAID, paidAt, transactionId; hold index removed
   *   counter  count -= 1
   *   non-cash day  ADD count 1, amountFen; entry (attribute_not_exists: keyed by the order)
   */
  async markPaid(order, payment) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: orderKeys.item(order.id),
              // The hold's GSI3 keys give way to the station's open-fulfilment ones (its manifest: orderFulfilmentKeys).
              UpdateExpression: 'SET #status = :paid, paidAt = :at, transactionId = :tx, GSI3PK = :openPk, GSI3SK = :openSk',
              ConditionExpression: '#status = :pending AND totalFen = :amount',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':paid': 'PAID',
                ':at': payment.at,
                ':tx': payment.transactionId,
                ':pending': 'PENDING_PAYMENT',
                ':amount': payment.amountFen,
                ...openIndexValues(order, payment.at),
              },
            },
          },
          counterUpdate(order.buyerId, -1, 0),
          {
            Update: {
              TableName: tableName(),
              Key: nonCashLedgerKeys.day(order.stationId, payment.businessDate),
              UpdateExpression: 'SET entity = :entity ADD #count :one, amountFen :amount',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':entity': 'NonCashDay', ':one': 1, ':amount': payment.amountFen },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...nonCashLedgerKeys.entry(order.stationId, payment.businessDate, order.id),
                entity: 'NonCashLedgerEntry',
                kind: 'order_paid',
                orderId: order.id,
                stationId: order.stationId,
                amountFen: payment.amountFen,
                transactionId: payment.transactionId,
                at: payment.at,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      });
      return { ...order, status: 'PAID', paidAt: payment.at, transactionId: payment.transactionId };
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  /**
   *   order         status IN (EXPIRED, CANCELLED) AND no refund yet ──> refund
   *   non-cash day  ADD refundCount 1, refundedFen
   *   refund line   attribute_not_exists (keyed by the order)
   */
  async recordLateRefund(order, refund) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: orderKeys.item(order.id),
              UpdateExpression: 'SET refund = :refund',
              ConditionExpression: '#status IN (:expired, :cancelled) AND attribute_not_exists(refund)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':refund': refund, ':expired': 'EXPIRED', ':cancelled': 'CANCELLED' },
            },
          },
          ...nonCashRefundItems(order, refund, 'late_success_refunded'),
        ],
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  ofBuyer: (buyerId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': orderKeys.buyer(buyerId) },
        ScanIndexForward: false,
      },
      page,
      `orders:buyer:${buyerId}`,
      toOrder,
    ),

  ofStation: (stationId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': orderKeys.station(stationId) },
        ScanIndexForward: false,
      },
      page,
      `orders:station:${stationId}`,
      toOrder,
    ),

  async dueHolds(at, limit) {
    const shards = await Promise.all(
      Array.from({ length: ORDER_HOLD_SHARDS }, (_, shard) =>
        db().send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: INDEX.GSI3,
            KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK < :at',
            ExpressionAttributeValues: { ':pk': orderKeys.holdShard(shard), ':at': `${at}#` },
            Limit: limit,
          }),
        ),
      ),
    );
    return shards.flatMap((page) => (page.Items ?? []).map(toOrder));
  },
};

export const dynamoBuyerRepository: BuyerRepository = {
  async addAddress(userId, address, max) {
    try {
      await transactWrite({
        TransactItems: [
          { Put: { TableName: tableName(), Item: { ...buyerKeys.address(userId, address.id), entity: 'Address', ...address } } },
          {
            Update: {
              TableName: tableName(),
              Key: buyerKeys.addressCount(userId),
              UpdateExpression: 'SET entity = :entity ADD #count :one',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':entity': 'AddressCount', ':one': 1, ':max': max },
            },
          },
        ],
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
  addresses: (userId) =>
    queryAll(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': buyerKeys.address(userId, '').PK, ':prefix': buyerKeys.addressPrefix },
      },
      (item) => stripKeys<AddressRecord>(item),
    ),
  async address(userId, id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: buyerKeys.address(userId, id) }));
    return Item ? stripKeys<AddressRecord>(Item) : null;
  },
  async putCart(userId, cart) {
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...buyerKeys.cart(userId, cart.sellerId), entity: 'Cart', ...cart } }));
  },
  async removeCart(userId, sellerId) {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: buyerKeys.cart(userId, sellerId) }));
  },
  carts: (userId) =>
    queryAll(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': buyerKeys.cart(userId, '').PK, ':prefix': buyerKeys.cartPrefix },
      },
      (item) => stripKeys<CartRecord>(item),
    ),
};
