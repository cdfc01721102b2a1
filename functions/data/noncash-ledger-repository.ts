/** Reads a station's non-cash ledger day (nonCashLedgerKeys): its totals and lines, one Query. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { NonCashLedgerRepository } from '../domain/payments/noncash-ledger';
import { db, tableName } from './client';
import { nonCashLedgerKeys } from './keys';

export const dynamoNonCashLedgerRepository: NonCashLedgerRepository = {
  async day(stationId, date) {
    // The day item (SK DAY) and its lines (SK ENTRY#...) share the partition; a day holds at most a few hundred lines.
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': nonCashLedgerKeys.day(stationId, date).PK },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const day = items.find((item) => item.SK === 'DAY');
    return {
      count: Number(day?.count ?? 0),
      totalFen: Number(day?.amountFen ?? 0),
      lines: items
        // Refund lines (REFUND#) too: money going back is a line of the day it went back.
        .filter((item) => String(item.SK).startsWith('ENTRY#') || String(item.SK).startsWith('REFUND#'))
        .map((item) => ({
          kind: String(item.kind),
          refId: String(item.orderId ?? item.payRequestId ?? ''),
          amountFen: Number(item.amountFen),
          at: String(item.at),
        }))
        .sort((a, b) => a.at.localeCompare(b.at)),
    };
  },
};
