/**
 * Payments, ledger entries and business days. Every state change is one TransactWrite whose
 * conditions carry the invariants:
 *
 *   start    payment PROCESSING (new) + pending marker + station in-flight count+1
 *            + day taken: processingCount+1, limitUsed+amount (day open, limit not exceeded)
 *   succeed  payment PROCESSING->SUCCEEDED + marker deleted + in-flight-1 + PAYMENT ledger entry
 *            + the totals of the day it settles (open) + day taken: processingCount-1
 *   fail     payment PROCESSING->FAILED + marker deleted + in-flight-1 + day taken:
 *            processingCount-1, limit released
 *   void     payment SUCCEEDED->VOIDED + VOID ledger entry + totals of its ledger day (open)
 *   close    day OPEN->CLOSED while the station has no payment in flight; the variance is computed
 *            from the stored totals in the same write
 *
 * So a ledger entry exists if and only if its payment succeeded (ID9); no day closes while any
 * payment of the station is in flight, so the day a settlement happens on is always open and the
 * entry posts there; and a closed day never changes.
 */
import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand, type BatchGetCommandOutput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { BILL_TYPE_KEYS, type BillType, type PaymentFailureCode } from '../../shared';
import { AppError } from '../domain/errors';
import { emptyDay, type LedgerDay, type LedgerEntryRecord, type LedgerRepository } from '../domain/payments/ledger-day';
import type { PaymentRecord, PaymentRepository, StartResult } from '../domain/payments/payment';
import { db, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { stripKeys } from './item';
import { INDEX, ledgerKeys, paymentKeys, PENDING_SHARDS, pendingPaymentKeys } from './keys';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

type Item = Record<string, unknown>;
type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string; Item?: Parameters<typeof unmarshall>[0] }> };

const commissionAttribute = (billType: BillType) => `commission_${billType}`;

function paymentItem(p: PaymentRecord) {
  return {
    ...paymentKeys.item(p.id),
    ...paymentKeys.stationDayIndex(p.stationId, p.businessDate, p.createdAt, p.id),
    ...(p.householdId ? paymentKeys.householdIndex(p.householdId, p.createdAt, p.id) : {}),
    entity: 'Payment',
    ...p,
  };
}

const paymentFromItem = (item: Item) => stripKeys<PaymentRecord>(item);
const entryFromItem = (item: Item) => stripKeys<LedgerEntryRecord>(item);

function dayFromItem(stationId: string, date: string, item: Item | undefined): LedgerDay {
  if (!item) return emptyDay(stationId, date);
  const num = (name: string) => Number(item[name] ?? 0);
  const commissionByBillType: Partial<Record<BillType, number>> = {};
  for (const type of BILL_TYPE_KEYS) if (item[commissionAttribute(type)] !== undefined) commissionByBillType[type] = num(commissionAttribute(type));
  return {
    stationId,
    date,
    status: item.status === 'CLOSED' ? 'CLOSED' : 'OPEN',
    cashInFen: num('cashInFen'),
    voidedFen: num('voidedFen'),
    expectedCashFen: num('expectedCashFen'),
    commissionFen: num('commissionFen'),
    commissionByBillType,
    paymentCount: num('paymentCount'),
    voidCount: num('voidCount'),
    processingCount: num('processingCount'),
    limitUsedFen: num('limitUsedFen'),
    close:
      item.status === 'CLOSED'
        ? {
            countedCashFen: num('countedCashFen'),
            varianceFen: num('varianceFen'),
            closedAt: String(item.closedAt),
            closedBy: String(item.closedBy),
            note: (item.note as string | undefined) ?? null,
          }
        : null,
    ...(item.stationCode ? { stationCode: String(item.stationCode) } : {}),
    ...(item.villageName ? { villageName: String(item.villageName) } : {}),
  };
}

const dayIdentity = (p: { stationId: string; stationCode: string; stationVillageName: string; stationVillageCode: string }) => ({
  ':stationId': p.stationId,
  ':stationCode': p.stationCode,
  ':villageName': p.stationVillageName,
  ':villageCode': p.stationVillageCode,
});
const SET_DAY_IDENTITY = 'stationId = :stationId, stationCode = :stationCode, villageName = :villageName, villageCode = :villageCode, #date = :date, entity = :dayEntity';

export const dynamoPaymentRepository: PaymentRepository = {
  /** How many partitions the pending markers are spread over (`listPending({ shard })` for each). */
  pendingShards: PENDING_SHARDS,

  /** Records a new PROCESSING payment and reserves its amount on the day; DAY_CLOSED / LIMIT_EXCEEDED otherwise. */
  async start(payment: PaymentRecord, perDayMaxFen: number): Promise<StartResult> {
    const table = tableName();
    try {
      await transactWrite({
          TransactItems: [
            { Put: { TableName: table, Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(PK)' } },
            ...enterFlight(table, payment),
            {
              Update: {
                TableName: table,
                Key: ledgerKeys.day(payment.stationId, payment.businessDate),
                UpdateExpression: `SET ${SET_DAY_IDENTITY}, #status = if_not_exists(#status, :open) ADD processingCount :one, limitUsedFen :amount`,
                ConditionExpression: '(attribute_not_exists(#status) OR #status = :open) AND (attribute_not_exists(limitUsedFen) OR limitUsedFen <= :headroom)',
                ExpressionAttributeNames: { '#status': 'status', '#date': 'date' },
                ExpressionAttributeValues: {
                  ...dayIdentity(payment),
                  ':date': payment.businessDate,
                  ':dayEntity': 'LedgerDay',
                  ':open': 'OPEN',
                  ':one': 1,
                  ':amount': payment.amountFen,
                  ':headroom': perDayMaxFen - payment.amountFen,
                },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        });
      return { kind: 'started' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [paymentReason, , , dayReason] = (error as Cancelled).CancellationReasons ?? [];
      if (paymentReason?.Code === 'ConditionalCheckFailed') {
        const existing = await this.get(payment.id);
        if (existing) return { kind: 'exists', payment: existing };
      }
      if (dayReason?.Code === 'ConditionalCheckFailed') {
        const day = dayReason.Item ? unmarshall(dayReason.Item) : {};
        if (day.status === 'CLOSED') throw new AppError('DAY_CLOSED', `The business day ${payment.businessDate} is closed: no more payments today`);
        const used = Number(day.limitUsedFen ?? 0);
        throw new AppError(
          'LIMIT_EXCEEDED',
          `This payment would take the station over its daily limit (${used} of ${perDayMaxFen} fen used today)`,
          [{ path: 'body.amountFen', message: `at most ${Math.max(0, perDayMaxFen - used)} fen left today`, code: 'station_daily_limit' }],
        );
      }
      throw new AppError('CONFLICT', 'The payment could not be recorded; try again');
    }
  },

  /**
   * PROCESSING -> SUCCEEDED, with its ledger entry on the business day the settlement happens (the
   * day the payment was taken, unless the provider answered after midnight); false when it had
   * settled already (someone else won).
   */
  async succeed(payment: PaymentRecord, providerRef: string, at: string, ledgerDate: string): Promise<boolean> {
    const table = tableName();
    const entry: LedgerEntryRecord = {
      id: `le${payment.id.slice(2)}`,
      kind: 'PAYMENT',
      stationId: payment.stationId,
      date: ledgerDate,
      paymentId: payment.id,
      receiptNo: payment.receiptNo,
      billType: payment.billType,
      cashFen: payment.amountFen,
      commissionFen: payment.commissionFen,
      at,
      officerId: payment.officerId,
      reason: null,
    };
    const sameDay = ledgerDate === payment.businessDate;
    const totals = {
      Update: {
        TableName: table,
        Key: ledgerKeys.day(payment.stationId, ledgerDate),
        UpdateExpression:
          `SET ${SET_DAY_IDENTITY}, #status = if_not_exists(#status, :open) ` +
          `ADD cashInFen :amount, expectedCashFen :amount, commissionFen :commission, #typeCommission :commission, paymentCount :one` +
          (sameDay ? ', processingCount :minusOne' : ''),
        // Holds by construction (no day closes while a payment is in flight); checked all the same.
        ConditionExpression: 'attribute_not_exists(#status) OR #status = :open',
        ExpressionAttributeNames: { '#status': 'status', '#date': 'date', '#typeCommission': commissionAttribute(payment.billType) },
        ExpressionAttributeValues: {
          ...dayIdentity(payment),
          ':date': ledgerDate,
          ':dayEntity': 'LedgerDay',
          ':open': 'OPEN',
          ':one': 1,
          ':amount': payment.amountFen,
          ':commission': payment.commissionFen,
          ...(sameDay ? { ':minusOne': -1 } : {}),
        },
      },
    };
    return settle([
      {
        Update: {
          TableName: table,
          Key: paymentKeys.item(payment.id),
          UpdateExpression: 'SET #status = :succeeded, settledAt = :at, providerRef = :ref, ledgerDate = :ledgerDate',
          ConditionExpression: '#status = :processing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ':processing': 'PROCESSING', ':at': at, ':ref': providerRef, ':ledgerDate': ledgerDate },
        },
      },
      ...leaveFlight(table, payment),
      {
        Put: {
          TableName: table,
          Item: { ...ledgerKeys.entry(payment.stationId, ledgerDate, at, entry.id), entity: 'LedgerEntry', ...entry },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      totals,
      ...(sameDay
        ? []
        : [
            {
              Update: {
                TableName: table,
                Key: ledgerKeys.day(payment.stationId, payment.businessDate),
                UpdateExpression: 'ADD processingCount :minusOne',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':minusOne': -1 },
              },
            },
          ]),
    ]);
  },

  /** PROCESSING -> FAILED, releasing the amount it held on the day's limit; false when it had settled already. */
  async fail(payment: PaymentRecord, failureCode: PaymentFailureCode, at: string): Promise<boolean> {
    const table = tableName();
    return settle([
      {
        Update: {
          TableName: table,
          Key: paymentKeys.item(payment.id),
          UpdateExpression: 'SET #status = :failed, settledAt = :at, failureCode = :code',
          ConditionExpression: '#status = :processing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'FAILED', ':processing': 'PROCESSING', ':at': at, ':code': failureCode },
        },
      },
      ...leaveFlight(table, payment),
      {
        Update: {
          TableName: table,
          Key: ledgerKeys.day(payment.stationId, payment.businessDate),
          UpdateExpression: 'ADD processingCount :minusOne, limitUsedFen :release',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':minusOne': -1, ':release': -payment.amountFen },
        },
      },
    ]);
  },

  /** The settler asked and the provider does not know yet. */
  async recordStatusCheck(paymentId: string, at: string): Promise<void> {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: paymentKeys.item(paymentId),
        UpdateExpression: 'ADD statusChecks :one SET lastCheckedAt = :at',
        ConditionExpression: '#status = :processing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':at': at, ':processing': 'PROCESSING' },
      }),
    ).catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
  },

  /**
   * SUCCEEDED -> VOIDING, before the provider is asked to cancel: the payment counts as in flight
   * (its day cannot close meanwhile) and gets a pending marker, so the settler finishes a void whose
   * request died between the provider's answer and our write.
   */
  async beginVoid(payment: PaymentRecord, request: { reason: string; at: string; by: string }): Promise<void> {
    const table = tableName();
    const date = payment.ledgerDate ?? payment.businessDate;
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: paymentKeys.item(payment.id),
              UpdateExpression: 'SET #status = :voiding, voidRequest = :request',
              ConditionExpression: '#status = :succeeded',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':voiding': 'VOIDING', ':succeeded': 'SUCCEEDED', ':request': request },
            },
          },
          ...enterFlight(table, payment),
          {
            ConditionCheck: {
              TableName: table,
              Key: ledgerKeys.day(payment.stationId, date),
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'OPEN' },
            },
          },
        ],
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [paymentReason, , , dayReason] = (error as Cancelled).CancellationReasons ?? [];
      if (paymentReason?.Code === 'ConditionalCheckFailed') throw new AppError('CONFLICT', 'Only a succeeded payment can be voided, once');
      if (dayReason?.Code === 'ConditionalCheckFailed') throw new AppError('DAY_CLOSED', `The business day ${date} is closed: its payments cannot be voided`);
      throw new AppError('CONFLICT', 'The void could not be recorded; try again');
    }
  },

  /** VOIDING -> VOIDED once the provider cancelled: a VOID entry returns the cash on the payment's ledger day. */
  async completeVoid(payment: PaymentRecord): Promise<boolean> {
    const table = tableName();
    const date = payment.ledgerDate ?? payment.businessDate;
    const request = payment.voidRequest!;
    const entry: LedgerEntryRecord = {
      id: `lv${payment.id.slice(2)}`,
      kind: 'VOID',
      stationId: payment.stationId,
      date,
      paymentId: payment.id,
      receiptNo: payment.receiptNo,
      billType: payment.billType,
      cashFen: -payment.amountFen,
      commissionFen: -payment.commissionFen,
      at: request.at,
      officerId: request.by,
      reason: request.reason,
    };
    return settle([
      {
        Update: {
          TableName: table,
          Key: paymentKeys.item(payment.id),
          UpdateExpression: 'SET #status = :voided, voided = voidRequest REMOVE voidRequest',
          ConditionExpression: '#status = :voiding',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':voided': 'VOIDED', ':voiding': 'VOIDING' },
        },
      },
      ...leaveFlight(table, payment),
      {
        Put: {
          TableName: table,
          Item: { ...ledgerKeys.entry(payment.stationId, date, request.at, entry.id), entity: 'LedgerEntry', ...entry },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName: table,
          Key: ledgerKeys.day(payment.stationId, date),
          UpdateExpression: 'ADD voidedFen :amount, expectedCashFen :minusAmount, commissionFen :minusCommission, #typeCommission :minusCommission, voidCount :one',
          // Holds by construction (the void is in flight: the day cannot close); checked all the same.
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status', '#typeCommission': commissionAttribute(payment.billType) },
          ExpressionAttributeValues: {
            ':open': 'OPEN',
            ':one': 1,
            ':amount': payment.amountFen,
            ':minusAmount': -payment.amountFen,
            ':minusCommission': -payment.commissionFen,
          },
        },
      },
    ]);
  },

  /** VOIDING -> SUCCEEDED: the provider refused to cancel (it had settled the payment). */
  async abandonVoid(payment: PaymentRecord): Promise<boolean> {
    const table = tableName();
    return settle([
      {
        Update: {
          TableName: table,
          Key: paymentKeys.item(payment.id),
          UpdateExpression: 'SET #status = :succeeded REMOVE voidRequest',
          ConditionExpression: '#status = :voiding',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ':voiding': 'VOIDING' },
        },
      },
      ...leaveFlight(table, payment),
    ]);
  },

  async get(paymentId: string): Promise<PaymentRecord | null> {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: paymentKeys.item(paymentId), ConsistentRead: true }));
    return Item ? paymentFromItem(Item) : null;
  },

  async listStationDay(stationId, date, { limit, cursor }) {
    const scope = `payments:${stationId}:${date}`;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.stationDay(stationId, date).GSI1PK },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { items: Items.map(paymentFromItem), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },

  async listHousehold(householdId, { limit, cursor }) {
    const scope = `household-payments:${householdId}`;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.household(householdId).GSI2PK },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { items: Items.map(paymentFromItem), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },

  /** Pending markers: of one station (oldest first), or of one shard of every station's (the settler reads all shards). */
  async listPending(options) {
    const station = 'stationId' in options ? options.stationId : undefined;
    const scope = station ? `pending:${station}` : `pending-shard:${'shard' in options ? options.shard : ''}`;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: station ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
        ExpressionAttributeValues: station
          ? { ':pk': pendingPaymentKeys.ofStation(station), ':prefix': pendingPaymentKeys.stationPrefix(station) }
          : { ':pk': pendingPaymentKeys.shard((options as { shard: number }).shard) },
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, scope),
      }),
    );
    return { paymentIds: Items.map((item) => String(item.paymentId)), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },
};

export const dynamoLedgerRepository: LedgerRepository = {

  async getDay(stationId, date) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: ledgerKeys.day(stationId, date), ConsistentRead: true }));
    return dayFromItem(stationId, date, Item);
  },

  /** The day items of many stations for one date (BatchGet, 100 keys a call); missing days are empty. */
  async getDays(stationIds, date) {
    const found = new Map<string, Item>();
    for (let i = 0; i < stationIds.length; i += 100) {
      let keys: Array<Record<string, unknown>> | undefined = stationIds.slice(i, i + 100).map((id) => ledgerKeys.day(id, date));
      // BatchGet may leave keys unprocessed under load: ask again for those (bounded).
      for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
        const result: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
        for (const item of result.Responses?.[tableName()] ?? []) found.set(String(item.stationId), item);
        keys = result.UnprocessedKeys?.[tableName()]?.Keys;
        if (keys?.length) await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
      if (keys?.length) throw new AppError('DEPENDENCY_UNAVAILABLE', 'The database is busy; retry shortly', undefined, 2);
    }
    return stationIds.map((id) => dayFromItem(id, date, found.get(id)));
  },

  async listEntries(stationId, date, { limit, cursor }) {
    const scope = `ledger:${stationId}:${date}`;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': ledgerKeys.day(stationId, date).PK, ':prefix': ledgerKeys.entryPrefix },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { items: Items.map(entryFromItem), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },

  /**
   * OPEN -> CLOSED while the station has no payment in flight (of any day: its settlement will post
   * to the day it happens, which must still be open); the variance is computed from the stored
   * totals in the same write.
   */
  async closeDay(input) {
    const { station, date } = input;
    const table = tableName();
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
              ConditionExpression: 'attribute_not_exists(#status) OR #status = :open',
              ExpressionAttributeNames: { '#status': 'status', '#date': 'date' },
              ExpressionAttributeValues: {
                ':stationId': station.id,
                ':stationCode': station.code,
                ':villageName': station.villageName,
                ':villageCode': station.villageCode,
                ':date': date,
                ':dayEntity': 'LedgerDay',
                ':open': 'OPEN',
                ':closed': 'CLOSED',
                ':counted': input.countedCashFen,
                ':zero': 0,
                ':at': input.at,
                ':by': input.closedBy,
                ':note': input.note,
                ...Object.fromEntries(Object.entries(ledgerKeys.closeIndex(date, station.villageCode, station.id)).map(([k, v]) => [`:${k.toLowerCase()}`, v])),
              },
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
        ],
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [dayReason, inFlightReason] = (error as Cancelled).CancellationReasons ?? [];
      if (dayReason?.Code === 'ConditionalCheckFailed') throw new AppError('DAY_CLOSED', `The business day ${date} is closed already`);
      const count = inFlightReason?.Item ? Number(unmarshall(inFlightReason.Item).inFlight ?? 0) : 0;
      throw new AppError('CONFLICT', `${count} payment(s) are still processing: a day can close once the provider has answered for them`, [
        { path: 'body.date', message: 'the station has payments still processing', code: 'payments_processing' },
      ]);
    }
    return this.getDay(station.id, date);
  },

  async listStationCloses(stationId, { limit, cursor }) {
    const scope = `closes:${stationId}`;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': ledgerKeys.stationCloses(stationId).GSI2PK },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { items: Items.map((item) => dayFromItem(String(item.stationId), String(item.date), item)), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },

  /** Every close of one date inside a region: one Query on the province's partition, by village-code prefix. */
  async listRegionCloses(regionCode, date, { limit, cursor }) {
    const scope = `region-closes:${regionCode}:${date}`;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
        ExpressionAttributeValues: { ':pk': ledgerKeys.closesOn(date, regionCode).GSI1PK, ':region': regionCode },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { items: Items.map((item) => dayFromItem(String(item.stationId), String(item.date), item)), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
  },
};

/** A payment entering PROCESSING or VOIDING: a pending marker for the settler, the station's in-flight count up. */
function enterFlight(table: string, payment: PaymentRecord) {
  return [
    { Put: { TableName: table, Item: { ...pendingPaymentKeys.item(payment.stationId, payment.createdAt, payment.id), entity: 'PendingPayment', paymentId: payment.id } } },
    inFlightChange(table, payment.stationId, 1),
  ];
}

/** A payment leaving PROCESSING or VOIDING: its pending marker goes, the station's in-flight count drops. */
function leaveFlight(table: string, payment: PaymentRecord) {
  return [
    { Delete: { TableName: table, Key: pendingPaymentKeys.item(payment.stationId, payment.createdAt, payment.id) } },
    inFlightChange(table, payment.stationId, -1),
  ];
}

/** The station's count of payments in flight (PROCESSING, VOIDING), moved in the same transactions as the payments. */
function inFlightChange(table: string, stationId: string, by: 1 | -1) {
  return {
    Update: {
      TableName: table,
      Key: ledgerKeys.inFlight(stationId),
      UpdateExpression: 'ADD inFlight :by SET entity = :entity',
      ExpressionAttributeValues: { ':by': by, ':entity': 'PaymentsInFlight' },
    },
  };
}

/**
 * Runs a settling transaction (its first item moves the payment out of the state it is in); false
 * when the payment had left that state already (settled by someone else). Any other failed
 * condition is a broken invariant, not a race: it is thrown, and the payment stays where it was.
 */
async function settle(TransactItems: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<boolean> {
  try {
    await transactWrite({ TransactItems });
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const reasons = (error as Cancelled).CancellationReasons ?? [];
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
    throw new Error(`Settling transaction refused by a condition other than the payment's state: ${reasons.map((r) => r.Code).join(',')}`);
  }
}
