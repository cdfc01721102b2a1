/**
 * A station's non-cash day (keys: nonCashLedgerKeys), read for the day-close page beside the cash day:
 * ONE GetItem. Its totals are moved only by the order transactions (functions/data/orders-repository.ts:
 * markPaid, recordLateRefund); a day without any is all zeros.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
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
