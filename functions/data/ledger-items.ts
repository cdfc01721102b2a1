/**
 * A station's business day as stored (LEDGER#<station>#<date> / DAY, its totals and its close) and
 * its lines (the ENTRY# items of the same partition), with the changes a payment makes to them
 * inside its own transactions (functions/data/payment-transitions.ts):
 *
 *   start     reserveOnDay         processingCount+1, limitUsed+amount (day open, limit not exceeded)
 *   succeed   settleOnDay + entry  totals of the day it settles on (open); processingCount-1
 *   fail      releaseOnDay         processingCount-1, limit released
 *   void      dayMustBeOpen, then voidOnDay + entry: the cash returns on the payment's ledger day
 */
import { BILL_TYPE_KEYS, type BillType } from '../../shared';
import { emptyDay, type LedgerDay, type LedgerEntryRecord } from '../domain/payments/ledger-day';
import type { PaymentRecord } from '../domain/payments/payment';
import { stripKeys } from './item';
import { ledgerKeys } from './keys';

type Item = Record<string, unknown>;

export const commissionAttribute = (billType: BillType) => `commission_${billType}`;

export const entryFromItem = (item: Item) => stripKeys<LedgerEntryRecord>(item);

export function dayFromItem(stationId: string, date: string, item: Item | undefined): LedgerDay {
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

/** A day item carries its station's identity, so a region's closes list without reading the stations. */
export const SET_DAY_IDENTITY =
  'stationId = :stationId, stationCode = :stationCode, villageName = :villageName, villageCode = :villageCode, #date = :date, entity = :dayEntity';

export const dayIdentity = (station: { id: string; code: string; villageName: string; villageCode: string }, date: string) => ({
  ':stationId': station.id,
  ':stationCode': station.code,
  ':villageName': station.villageName,
  ':villageCode': station.villageCode,
  ':date': date,
  ':dayEntity': 'LedgerDay',
});

const identityOf = (p: PaymentRecord, date: string) =>
  dayIdentity({ id: p.stationId, code: p.stationCode, villageName: p.stationVillageName, villageCode: p.stationVillageCode }, date);

/**
 * The payment's amount held on the day it is taken; fails when the day is closed or the limit would
 * be passed. `first`: the caller read the day as having taken no payment yet, and adds the region
 * counters to the same transaction; the condition holds it to that reading (a concurrent first
 * payment makes it fail, and the caller retries the other way), so a station is counted once a day.
 */
export function reserveOnDay(table: string, payment: PaymentRecord, perDayMaxFen: number, first: boolean) {
  return {
    Update: {
      TableName: table,
      Key: ledgerKeys.day(payment.stationId, payment.businessDate),
      UpdateExpression:
        `SET ${SET_DAY_IDENTITY}, #status = if_not_exists(#status, :open)` +
        (first ? ', tookPaymentsAt = :at' : '') +
        ' ADD processingCount :one, limitUsedFen :amount',
      ConditionExpression:
        '(attribute_not_exists(#status) OR #status = :open) AND (attribute_not_exists(limitUsedFen) OR limitUsedFen <= :headroom) AND ' +
        (first ? 'attribute_not_exists(tookPaymentsAt)' : 'attribute_exists(tookPaymentsAt)'),
      ExpressionAttributeNames: { '#status': 'status', '#date': 'date' },
      ExpressionAttributeValues: {
        ...identityOf(payment, payment.businessDate),
        ':open': 'OPEN',
        ':one': 1,
        ':amount': payment.amountFen,
        ':headroom': perDayMaxFen - payment.amountFen,
        ...(first ? { ':at': payment.createdAt } : {}),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

/**
 * A succeeded payment's totals on the day it settles (`ledgerDate`), and its amount no longer in
 * flight on the day it was taken: one item when that is the same day, two when it settled after midnight.
 */
export function settleOnDay(table: string, payment: PaymentRecord, ledgerDate: string) {
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
        ...identityOf(payment, ledgerDate),
        ':open': 'OPEN',
        ':one': 1,
        ':amount': payment.amountFen,
        ':commission': payment.commissionFen,
        ...(sameDay ? { ':minusOne': -1 } : {}),
      },
    },
  };
  if (sameDay) return [totals];
  const takenDay = {
    Update: {
      TableName: table,
      Key: ledgerKeys.day(payment.stationId, payment.businessDate),
      UpdateExpression: 'ADD processingCount :minusOne',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':minusOne': -1 },
    },
  };
  return [totals, takenDay];
}

/** A failed payment no longer in flight, and its amount back in the day's limit. */
export function releaseOnDay(table: string, payment: PaymentRecord) {
  return {
    Update: {
      TableName: table,
      Key: ledgerKeys.day(payment.stationId, payment.businessDate),
      UpdateExpression: 'ADD processingCount :minusOne, limitUsedFen :release',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':minusOne': -1, ':release': -payment.amountFen },
    },
  };
}

export function dayMustBeOpen(table: string, stationId: string, date: string) {
  return {
    ConditionCheck: {
      TableName: table,
      Key: ledgerKeys.day(stationId, date),
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'OPEN' },
    },
  };
}

/** A voided payment's cash and commission returned on its ledger day. */
export function voidOnDay(table: string, payment: PaymentRecord, date: string) {
  return {
    Update: {
      TableName: table,
      Key: ledgerKeys.day(payment.stationId, date),
      UpdateExpression:
        'ADD voidedFen :amount, expectedCashFen :minusAmount, commissionFen :minusCommission, #typeCommission :minusCommission, voidCount :one',
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
  };
}

/** A ledger line, written once (its id derives from the payment's: a second write fails the transaction). */
export function entryPut(table: string, entry: LedgerEntryRecord) {
  return {
    Put: {
      TableName: table,
      Item: { ...ledgerKeys.entry(entry.stationId, entry.date, entry.at, entry.id), entity: 'LedgerEntry', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
