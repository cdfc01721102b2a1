/**
 * Ledger days as the domain reads and closes them (functions/domain/payments/ledger-day.ts declares
 * the repository). Payments move the days in their own transactions (payment-transitions.ts).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { AppError } from '../domain/errors';
import type { LedgerDay, LedgerRepository } from '../domain/payments/ledger-day';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { INDEX, ledgerKeys, regionDayKeys } from './keys';
import { dayFromItem, dayIdentity, entryFromItem, SET_DAY_IDENTITY } from './ledger-items';
import { queryPage } from './query-pages';
import { closeOfDay, readRegionCounters } from './region-day-counters';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

type Item = Record<string, unknown>;
type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string; Item?: Parameters<typeof unmarshall>[0] }> };

const closedDayFromItem = (item: Item) => dayFromItem(String(item.stationId), String(item.date), item);

async function getDay(stationId: string, date: string): Promise<LedgerDay> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: ledgerKeys.day(stationId, date), ConsistentRead: true }));
  return dayFromItem(stationId, date, Item);
}

export const dynamoLedgerRepository: LedgerRepository = {
  getDay,

  /** One BatchGet per 100 stations; a station with no day item has an empty day. */
  async getDays(stationIds, date) {
    const found = new Map((await batchGet(stationIds.map((id) => ledgerKeys.day(id, date)))).map((item) => [String(item.stationId), item]));
    return stationIds.map((id) => dayFromItem(id, date, found.get(id)));
  },

  listEntries: (stationId, date, page) =>
    queryPage(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': ledgerKeys.day(stationId, date).PK, ':prefix': ledgerKeys.entryPrefix },
      },
      page,
      `ledger:${stationId}:${date}`,
      entryFromItem,
    ),

  /**
   * OPEN -> CLOSED while the station has no payment in flight (of any day: its settlement will post
   * to the day it happens, which must still be open); the variance is computed from the stored
   * totals in the same write.
   */
  async closeDay(input) {
    const { station, date } = input;
    const table = tableName();
    // The close also moves the region counters, which need to know whether the day took payments and
    // its variance: both read first and held by the day's condition (a payment landing in between
    // fails it, and the close is tried again on the new figures).
    for (let attempt = 1; ; attempt++) {
      const [{ Item: before }, { Item: flight }] = await Promise.all([
        db().send(new GetCommand({ TableName: table, Key: ledgerKeys.day(station.id, date), ConsistentRead: true })),
        db().send(new GetCommand({ TableName: table, Key: ledgerKeys.inFlight(station.id), ConsistentRead: true })),
      ]);
      const expectedFen = Number(before?.expectedCashFen ?? 0);
      const tookPayments = Boolean(before?.tookPaymentsAt);
      // Refused in the contract's order (DAY_CLOSED, payments in flight, then an unexplained variance);
      // what was read here is held by the transaction's conditions below.
      if (before?.status === 'CLOSED') throw new AppError('DAY_CLOSED', `The business day ${date} is closed already`);
      if (Number(flight?.inFlight ?? 0) > 0) throw paymentsInFlight(Number(flight?.inFlight));
      if (input.note === null && input.countedCashFen !== expectedFen) {
        // A shortage or a surplus must be explained: a close is final.
        throw new AppError('VALIDATION_FAILED', 'Invalid request: body.note is required when the counted cash differs from the expected cash', [
          {
            path: 'body.note',
            message: `is required when the counted cash differs from the expected cash (variance ${input.countedCashFen - expectedFen} fen)`,
            code: 'note_required',
          },
        ]);
      }
      try {
        await transactWrite({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: ledgerKeys.day(station.id, date),
                UpdateExpression:
                  `SET ${SET_DAY_IDENTITY}, #status = :closed, countedCashFen = :counted, varianceFen = :counted - if_not_exists(expectedCashFen, :zero), ` +
                  'closedAt = :at, closedBy = :by, note = :note, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk',
                ConditionExpression:
                  '(attribute_not_exists(#status) OR #status = :open) AND ' +
                  (expectedFen === 0 ? '(attribute_not_exists(expectedCashFen) OR expectedCashFen = :expected)' : 'expectedCashFen = :expected') +
                  (tookPayments ? ' AND attribute_exists(tookPaymentsAt)' : ' AND attribute_not_exists(tookPaymentsAt)'),
                ExpressionAttributeNames: { '#status': 'status', '#date': 'date' },
                ExpressionAttributeValues: {
                  ...dayIdentity(station, date),
                  ':open': 'OPEN',
                  ':closed': 'CLOSED',
                  ':counted': input.countedCashFen,
                  ':zero': 0,
                  ':expected': expectedFen,
                  ':at': input.at,
                  ':by': input.closedBy,
                  ':note': input.note,
                  ...Object.fromEntries(
                    Object.entries(ledgerKeys.closeIndex(date, station.villageCode, station.id)).map(([k, v]) => [`:${k.toLowerCase()}`, v]),
                  ),
                },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            {
              ConditionCheck: {
                TableName: table,
                Key: ledgerKeys.inFlight(station.id),
                ConditionExpression: 'attribute_not_exists(PK) OR inFlight = :zero',
                ExpressionAttributeValues: { ':zero': 0 },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            ...closeOfDay(table, station, date, { tookPayments, varianceFen: input.countedCashFen - expectedFen }),
          ],
        });
        return getDay(station.id, date);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const [dayReason, inFlightReason] = (error as Cancelled).CancellationReasons ?? [];
        if (dayReason?.Code === 'ConditionalCheckFailed') {
          const day = dayReason.Item ? unmarshall(dayReason.Item) : {};
          if (day.status === 'CLOSED') throw new AppError('DAY_CLOSED', `The business day ${date} is closed already`);
          // The day moved between the read and the close (a payment settled): close on the new figures.
          if (attempt < 3) continue;
          throw new AppError('CONFLICT', 'The day kept changing while it was being closed; try again');
        }
        throw paymentsInFlight(inFlightReason?.Item ? Number(unmarshall(inFlightReason.Item).inFlight ?? 0) : 0);
      }
    }
  },

  regionCounters: readRegionCounters,

  /** Flagged stations of a region (one Query on the province's flags, by village-code prefix), then their days (one BatchGet). */
  async listFlaggedDays(flag, regionCode, date, page) {
    const flagged = await queryPage(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': regionDayKeys.flagPartition(date, regionCode), ':prefix': regionDayKeys.flagPrefix(flag, regionCode) },
      },
      page,
      `day-flags:${flag}:${regionCode}:${date}`,
      (item) => String(item.stationId),
    );
    const days = await this.getDays(flagged.items, date);
    return { items: days, nextCursor: flagged.nextCursor };
  },

  listStationCloses: (stationId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': ledgerKeys.stationCloses(stationId).GSI2PK },
        ScanIndexForward: false,
      },
      page,
      `closes:${stationId}`,
      closedDayFromItem,
    ),

  /** Every close of one date inside a region: one Query on the province's partition, by village-code prefix. */
  listRegionCloses: (regionCode, date, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
        ExpressionAttributeValues: { ':pk': ledgerKeys.closesOn(date, regionCode).GSI1PK, ':region': regionCode },
      },
      page,
      `region-closes:${regionCode}:${date}`,
      closedDayFromItem,
    ),
};

function paymentsInFlight(count: number): AppError {
  return new AppError('CONFLICT', `${count} payment(s) are still processing: a day can close once the provider has answered for them`, [
    { path: 'body.date', message: 'the station has payments still processing', code: 'payments_processing' },
  ]);
}
