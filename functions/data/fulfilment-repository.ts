/**
 * Fulfilment's stored moves (functions/domain/market/fulfilment.ts). Each is ONE write conditional on the
 * order's stored status (and mode), taken from the state machine's table, never on what was read before.
 */
import { GetCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentRepository } from '../domain/market/fulfilment';
import type { OrderRecord } from '../domain/market/market';
import { ORDER_MOVES } from '../domain/market/order-state';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { consignmentKeys, INDEX, orderFulfilmentKeys, orderKeys, pickupCodeKeys } from './keys';
import { queryAll } from './query-pages';
import { transactWrite } from './transact';
import { serviceItems, serviceItemsOf } from './service-ledger-items';
import { serviceEvents } from '../domain/services/service-events';
import { isConditionFailure } from './transaction-errors';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string }> };

/**
 * Statuses that keep an order in its station's manifest index (orderFulfilmentKeys); a refund request
 * keeps it there too (a refusal puts it back to work), the manifest itself shows only PAID and READY.
 */
const OPEN = ['PAID', 'READY_FOR_PICKUP', 'REFUND_REQUESTED'];

/**
 * `#status IN (:from0, ...) AND #delivery.#mode IN (:mode0, ...)` for a move of the machine, with its
 * names and values; `prefix` keeps the values of several conditions in one expression apart.
 */
export function moveCondition(action: keyof typeof ORDER_MOVES, prefix = '') {
  const move = ORDER_MOVES[action];
  const values: Record<string, unknown> = { [`:${prefix}to`]: move.to };
  move.from.forEach((status, i) => (values[`:${prefix}from${i}`] = status));
  move.modes.forEach((mode, i) => (values[`:${prefix}mode${i}`] = mode));
  return {
    condition: `#status IN (${move.from.map((_, i) => `:${prefix}from${i}`).join(', ')}) AND #delivery.#mode IN (${move.modes.map((_, i) => `:${prefix}mode${i}`).join(', ')})`,
    names: { '#status': 'status', '#delivery': 'delivery', '#mode': 'mode' },
    values,
    to: move.to,
    leavesManifest: !OPEN.includes(move.to),
  };
}

const TIME_FIELD = { markReady: 'readyAt', confirmReceipt: 'receivedAt' } as const;

export const dynamoFulfilmentRepository: FulfilmentRepository = {
  async move(order, action, at, extra = {}) {
    const move = moveCondition(action);
    const set = ['#status = :to'];
    const values: Record<string, unknown> = { ...move.values };
    if (action !== 'ship') {
      set.push(`${TIME_FIELD[action]} = :at`);
      values[':at'] = at;
    }
    if (extra.shipment) {
      set.push('shipment = :shipment');
      values[':shipment'] = extra.shipment;
    }
    if (extra.receivedBy) {
      set.push('receivedBy = :by');
      values[':by'] = extra.receivedBy;
    }
    const update = {
      TableName: tableName(),
      Key: orderKeys.item(order.id),
      UpdateExpression: `SET ${set.join(', ')}${move.leavesManifest ? ' REMOVE GSI3PK, GSI3SK' : ''}`,
      ConditionExpression: move.condition,
      ExpressionAttributeNames: move.names,
      ExpressionAttributeValues: values,
    };
    try {
      if (action === 'ship') {
        // Shipped from the station: counted as its service (e-commerce turnover) in the same transaction.
        await transactWrite({
          TransactItems: [{ Update: update }, ...serviceItems(tableName(), serviceEvents.orderHandedOver(order, at, extra.by ?? null))],
        });
        return { ...order, status: 'SHIPPED', shipment: extra.shipment };
      }
      const { Attributes } = await db().send(new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }));
      return stripKeys<OrderRecord>(Attributes!);
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  /**
   *   code item   attribute_not_exists          (else: another order's code at this station: draw again)
   *   order       no pickupCode yet, PAID|READY, pickup ──> pickupCode = code
   */
  async issuePickupCode(order, code, at) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...pickupCodeKeys.item(order.stationId, code),
                entity: 'PickupCode',
                orderId: order.id,
                stationId: order.stationId,
                createdAt: at,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: orderKeys.item(order.id),
              UpdateExpression: 'SET pickupCode = :code',
              ConditionExpression: 'attribute_not_exists(pickupCode) AND #status IN (:paid, :ready) AND #delivery.#mode = :pickup',
              ExpressionAttributeNames: { '#status': 'status', '#delivery': 'delivery', '#mode': 'mode' },
              ExpressionAttributeValues: { ':code': code, ':paid': 'PAID', ':ready': 'READY_FOR_PICKUP', ':pickup': 'pickup' },
            },
          },
        ],
      });
      return 'issued';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reasons = (error as Cancelled).CancellationReasons ?? [];
      return reasons[0]?.Code === 'ConditionalCheckFailed' ? 'code_taken' : 'refused';
    }
  },

  async orderIdOfCode(stationId, code) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: pickupCodeKeys.item(stationId, code), ConsistentRead: true }));
    return Item ? String(Item.orderId) : null;
  },

  /**
   *   code item   exists, names this order  ──> deleted (a code works once)
   *   order       PAID|READY, pickup, this code ──> HANDED_OVER, handedOverAt; out of the manifest
   */
  async handOver(order, code, at, by) {
    const move = moveCondition('handOver');
    try {
      await transactWrite({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: pickupCodeKeys.item(order.stationId, code),
              ConditionExpression: 'attribute_exists(PK) AND orderId = :orderId',
              ExpressionAttributeValues: { ':orderId': order.id },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: orderKeys.item(order.id),
              UpdateExpression: 'SET #status = :to, handedOverAt = :at REMOVE GSI3PK, GSI3SK',
              ConditionExpression: `${move.condition} AND pickupCode = :code`,
              ExpressionAttributeNames: move.names,
              ExpressionAttributeValues: { ...move.values, ':at': at, ':code': code },
            },
          },
          ...serviceItems(tableName(), serviceEvents.orderHandedOver(order, at, by ?? null)),
        ],
      });
      return { ...order, status: 'HANDED_OVER', handedOverAt: at };
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },

  openOrders: (stationId) =>
    queryAll(
      {
        IndexName: INDEX.GSI3,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': orderFulfilmentKeys.open(stationId) },
      },
      (item) => stripKeys<OrderRecord>(item),
    ),

  /**
   *   consignment  attribute_not_exists
   *   each order   PAID, shipping, of THIS station, to THIS province and city ──> SHIPPED with the consignment's shipment
   */
  async consign(consignment, orders) {
    const move = moveCondition('ship');
    const shipment = {
      carrier: consignment.carrier,
      trackingNo: consignment.trackingNo,
      shippedAt: consignment.createdAt,
      consignmentId: consignment.id,
    };
    const items: TransactItem[] = [
      {
        Put: {
          TableName: tableName(),
          Item: { ...consignmentKeys.item(consignment.id), entity: 'Consignment', ...consignment },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...orders.map((order): TransactItem => ({
        Update: {
          TableName: tableName(),
          Key: orderKeys.item(order.id),
          UpdateExpression: 'SET #status = :to, shipment = :shipment REMOVE GSI3PK, GSI3SK',
          ConditionExpression: `${move.condition} AND stationId = :station AND #delivery.#address.province = :province AND #delivery.#address.city = :city`,
          ExpressionAttributeNames: { ...move.names, '#address': 'address' },
          ExpressionAttributeValues: {
            ...move.values,
            ':shipment': shipment,
            ':station': consignment.stationId,
            ':province': consignment.province,
            ':city': consignment.city,
          },
        },
      })),
      ...serviceItemsOf(
        tableName(),
        orders.map((order) => serviceEvents.orderHandedOver(order, consignment.createdAt, consignment.createdBy)),
      ),
    ];
    try {
      await transactWrite({ TransactItems: items });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
