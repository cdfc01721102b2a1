/**
 * Refunds' stored moves (functions/domain/market/refunds.ts). Each is ONE write conditional on the stored
 * status (the state machine's row: moveCondition), never on what was read before, so a stale read can
 * never apply an illegal move, and two racing approvals or notifications move the order once.
 */
import { UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { OrderRecord } from '../domain/market/market';
import type { RefundRepository } from '../domain/market/refunds';
import { db, tableName } from './client';
import { moveCondition } from './fulfilment-repository';
import { stripKeys } from './item';
import { listingKeys, orderKeys } from './keys';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';
import { nonCashRefundItems } from './non-cash-ledger-repository';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One conditional UpdateItem of the order answering the order as stored after it, or null when its condition failed. */
async function updateOrder(
  orderId: string,
  update: { expression: string; condition: string; names: Record<string, string>; values: Record<string, unknown> },
) {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: orderKeys.item(orderId),
        UpdateExpression: update.expression,
        ConditionExpression: update.condition,
        ExpressionAttributeNames: update.names,
        ExpressionAttributeValues: update.values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stripKeys<OrderRecord>(Attributes!);
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}

export const dynamoRefundRepository: RefundRepository = {
  /**
   *   #status IN (PAID, READY) AND mode fits ──> REFUND_REQUESTED; refundFrom = the status as it was stored
   * (an update's operands read the item before the update, so a stale `order` cannot name the wrong one)
   */
  request(order, request) {
    const move = moveCondition('requestRefund');
    return updateOrder(order.id, {
      expression: 'SET refundFrom = #status, #status = :to, refundRequest = :request',
      condition: move.condition,
      names: move.names,
      values: { ...move.values, ':request': request },
    });
  },

  /**   #status = REFUND_REQUESTED AND refundFrom IN (PAID, READY) ──> refundFrom, with the decision */
  refuse(order, decision) {
    const move = moveCondition('refuseRefund');
    const { [':to']: _resume, ...values } = move.values;
    return updateOrder(order.id, {
      expression: 'SET #status = refundFrom, refundRequest.decision = :decision',
      condition: `${move.condition} AND refundFrom IN (:paid, :ready)`,
      names: move.names,
      values: { ...values, ':decision': decision, ':paid': 'PAID', ':ready': 'READY_FOR_PICKUP' },
    });
  },

  /**   #status = REFUND_REQUESTED ──> REFUNDING, with the decision; the manifest index leaves with it */
  approve(order, decision) {
    const move = moveCondition('approveRefund');
    return updateOrder(order.id, {
      expression: 'SET #status = :to, refundRequest.decision = :decision REMOVE GSI3PK, GSI3SK',
      condition: move.condition,
      names: move.names,
      values: { ...move.values, ':decision': decision },
    });
  },

  /**
   *   order         #status = REFUNDING ──> REFUNDED, refundRequest.refunded
   *   listings      stock += qty            (the goods never left the station: REFUNDING comes only from before handover)
   *   non-cash day  ADD refundCount 1, refundedFen
   *   refund line   attribute_not_exists (keyed by the order: one per order, like its paid line)
   */
  async complete(order, refunded) {
    const move = moveCondition('completeRefund');
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: orderKeys.item(order.id),
              UpdateExpression: 'SET #status = :to, refundRequest.refunded = :refunded',
              ConditionExpression: move.condition,
              ExpressionAttributeNames: move.names,
              ExpressionAttributeValues: { ...move.values, ':refunded': refunded },
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
          ...nonCashRefundItems(order, refunded, 'order_refunded'),
        ],
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
