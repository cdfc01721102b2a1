/**
 * A station's non-cash day (keys: nonCashLedgerKeys), read for the day-close page beside the cash day:
 * ONE GetItem. Its totals are moved only by the order transactions (functions/data/orders-repository.ts:
 * markPaid, recordLateRefund; refunds-repository.ts: complete); a day without any is all zeros.
 */
import { GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { NonCashDayReader } from '../domain/payments/ledger';
import { db, tableName } from './client';
import { nonCashLedgerKeys } from './keys';

export const dynamoNonCashLedger: NonCashDayReader = {
  async nonCashDay(stationId, date) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: nonCashLedgerKeys.day(stationId, date), ConsistentRead: true }));
    return {
      paidCount: Number(Item?.count ?? 0),
      paidFen: Number(Item?.amountFen ?? 0),
      refundCount: Number(Item?.refundCount ?? 0),
      refundedFen: Number(Item?.refundedFen ?? 0),
    };
  },
};

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * An order's refund on the station's non-cash day, for the refund's own transaction: the day's refund
 * totals and the refund line, keyed by the order (`attribute_not_exists`: one refund line per order,
 * whether it refunds a late success or an approved request).
 */
export function nonCashRefundItems(
  order: { id: string; stationId: string },
  refund: { businessDate: string; amountFen: number; refundId: string; at: string; transactionId?: string },
  kind: 'late_success_refunded' | 'order_refunded',
): TransactItem[] {
  return [
    {
      Update: {
        TableName: tableName(),
        Key: nonCashLedgerKeys.day(order.stationId, refund.businessDate),
        UpdateExpression: 'SET entity = :entity ADD refundCount :one, refundedFen :amount',
        ExpressionAttributeValues: { ':entity': 'NonCashDay', ':one': 1, ':amount': refund.amountFen },
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...nonCashLedgerKeys.refundEntry(order.stationId, refund.businessDate, order.id),
          entity: 'NonCashLedgerEntry',
          kind,
          orderId: order.id,
          stationId: order.stationId,
          amountFen: refund.amountFen,
          ...(refund.transactionId === undefined ? {} : { transactionId: refund.transactionId }),
          refundId: refund.refundId,
          at: refund.at,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}
