/**
 * A payment's life, each arrow one TransactWrite whose conditions carry the invariants:
 *
 *   start    payment PROCESSING (new) + pending marker + station in-flight count+1 + day reserved
 *   succeed  payment PROCESSING->SUCCEEDED + marker deleted + in-flight-1 + PAYMENT ledger entry
 *            + the totals of the day it settles (open)
 *   fail     payment PROCESSING->FAILED + marker deleted + in-flight-1 + the day's limit released
 *   void     payment SUCCEEDED->VOIDING (+ marker, in-flight+1; its day open) -> provider cancels
 *            -> VOIDED + VOID ledger entry + totals of its ledger day (or back to SUCCEEDED)
 *
 * So a ledger entry exists if and only if its payment succeeded (ID9); no day closes while any
 * payment of the station is in flight (functions/data/ledger-repository.ts), so the day a
 * settlement happens on is always open and the entry posts there; and a closed day never changes.
 * What each step does to the day item is in functions/data/ledger-items.ts.
 */
import { GetCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { AppError } from '../domain/errors';
import type { LedgerEntryRecord } from '../domain/payments/ledger-day';
import type { PaymentRecord, PaymentRepository } from '../domain/payments/payment';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { ledgerKeys, paymentKeys, pendingPaymentKeys } from './keys';
import { dayMustBeOpen, entryPut, releaseOnDay, reserveOnDay, settleOnDay, voidOnDay } from './ledger-items';
import { firstPaymentOfDay } from './region-day-counters';
import { serviceItems } from './service-ledger-items';
import { serviceEvents } from '../domain/services/service-events';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string; Item?: Parameters<typeof unmarshall>[0] }> };
type Transitions = Pick<PaymentRepository, 'start' | 'succeed' | 'fail' | 'recordStatusCheck' | 'beginVoid' | 'completeVoid' | 'abandonVoid'>;

export function paymentItem(p: PaymentRecord) {
  return {
    ...paymentKeys.item(p.id),
    ...paymentKeys.stationDayIndex(p.stationId, p.businessDate, p.createdAt, p.id),
    ...(p.householdId ? paymentKeys.householdIndex(p.householdId, p.createdAt, p.id) : {}),
    entity: 'Payment',
    ...p,
  };
}

export const paymentFromItem = (item: Record<string, unknown>) => stripKeys<PaymentRecord>(item);

const stationOf = (p: PaymentRecord) => ({
  id: p.stationId,
  villageCode: p.stationVillageCode,
  code: p.stationCode,
  villageName: p.stationVillageName,
});

async function readDayItem(p: PaymentRecord) {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: ledgerKeys.day(p.stationId, p.businessDate), ConsistentRead: true }),
  );
  return Item;
}

export async function readPayment(paymentId: string): Promise<PaymentRecord | null> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: paymentKeys.item(paymentId), ConsistentRead: true }));
  return Item ? paymentFromItem(Item) : null;
}

/**
 * The payment's move out of the state it is in (the first item of every transaction here):
 * `SET #status = :to` and then `rest` of the update expression, conditional on `from`.
 */
function move(table: string, payment: PaymentRecord, from: string, to: string, rest = '', values: Record<string, unknown> = {}) {
  return {
    Update: {
      TableName: table,
      Key: paymentKeys.item(payment.id),
      UpdateExpression: `SET #status = :to${rest}`,
      ConditionExpression: '#status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':from': from, ':to': to, ...values },
    },
  };
}

export const paymentTransitions: Transitions = {
  async start(payment, perDayMaxFen) {
    const table = tableName();
    // The day's first payment also counts the station in its regions' counters (one more shape of
    // the same transaction); which shape is read first and held by the day's condition.
    for (let attempt = 1; ; attempt++) {
      const first = !(await readDayItem(payment))?.tookPaymentsAt;
      try {
        await transactWrite({
          TransactItems: [
            { Put: { TableName: table, Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(PK)' } },
            ...enterFlight(table, payment),
            reserveOnDay(table, payment, perDayMaxFen, first),
            ...(first ? firstPaymentOfDay(table, stationOf(payment), payment.businessDate) : []),
          ],
        });
        return { kind: 'started' };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const [paymentReason, , , dayReason] = (error as Cancelled).CancellationReasons ?? [];
        if (paymentReason?.Code === 'ConditionalCheckFailed') {
          const existing = await readPayment(payment.id);
          if (existing) return { kind: 'exists', payment: existing };
        }
        if (dayReason?.Code === 'ConditionalCheckFailed') {
          const day = dayReason.Item ? unmarshall(dayReason.Item) : {};
          if (day.status === 'CLOSED') throw new AppError('DAY_CLOSED', `The business day ${payment.businessDate} is closed: no more payments today`);
          const used = Number(day.limitUsedFen ?? 0);
          if (used > perDayMaxFen - payment.amountFen) {
            throw new AppError(
              'LIMIT_EXCEEDED',
              `This payment would take the station over its daily limit (${used} of ${perDayMaxFen} fen used today)`,
              [{ path: 'body.amountFen', message: `at most ${Math.max(0, perDayMaxFen - used)} fen left today`, code: 'station_daily_limit' }],
            );
          }
          // Another payment was the day's first meanwhile: try again the other way.
          if (attempt < 3) continue;
        }
        throw new AppError('CONFLICT', 'The payment could not be recorded; try again');
      }
    }
  },

  async succeed(payment, providerRef, at, ledgerDate) {
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
    return settle([
      move(table, payment, 'PROCESSING', 'SUCCEEDED', ', settledAt = :at, providerRef = :ref, ledgerDate = :ledgerDate', {
        ':at': at,
        ':ref': providerRef,
        ':ledgerDate': ledgerDate,
      }),
      ...leaveFlight(table, payment),
      entryPut(table, entry),
      ...settleOnDay(table, payment, ledgerDate),
      // Counted as a service with its settlement (the move above makes it happen once).
      ...serviceItems(table, serviceEvents.paymentSettled(payment, at)),
    ]);
  },

  async fail(payment, failureCode, at) {
    const table = tableName();
    return settle([
      move(table, payment, 'PROCESSING', 'FAILED', ', settledAt = :at, failureCode = :code', { ':at': at, ':code': failureCode }),
      ...leaveFlight(table, payment),
      releaseOnDay(table, payment),
    ]);
  },

  async recordStatusCheck(paymentId, at) {
    await db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: paymentKeys.item(paymentId),
          UpdateExpression: 'ADD statusChecks :one SET lastCheckedAt = :at',
          ConditionExpression: '#status = :processing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':at': at, ':processing': 'PROCESSING' },
        }),
      )
      .catch((error) => {
        if (!isConditionFailure(error)) throw error;
      });
  },

  /**
   * SUCCEEDED -> VOIDING, before the provider is asked to cancel: the payment counts as in flight
   * (its day cannot close meanwhile) and gets a pending marker, so the settler finishes a void whose
   * request died between the provider's answer and our write.
   */
  async beginVoid(payment, request) {
    const table = tableName();
    const date = payment.ledgerDate ?? payment.businessDate;
    try {
      await transactWrite({
        TransactItems: [
          move(table, payment, 'SUCCEEDED', 'VOIDING', ', voidRequest = :request', { ':request': request }),
          ...enterFlight(table, payment),
          dayMustBeOpen(table, payment.stationId, date),
        ],
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [paymentReason, , , dayReason] = (error as Cancelled).CancellationReasons ?? [];
      if (paymentReason?.Code === 'ConditionalCheckFailed') throw new AppError('CONFLICT', 'Only a succeeded payment can be voided, once');
      if (dayReason?.Code === 'ConditionalCheckFailed')
        throw new AppError('DAY_CLOSED', `The business day ${date} is closed: its payments cannot be voided`);
      throw new AppError('CONFLICT', 'The void could not be recorded; try again');
    }
  },

  async completeVoid(payment) {
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
      move(table, payment, 'VOIDING', 'VOIDED', ', voided = voidRequest REMOVE voidRequest'),
      ...leaveFlight(table, payment),
      entryPut(table, entry),
      voidOnDay(table, payment, date),
      // Subtracted from the day the void happens.
      ...serviceItems(table, serviceEvents.paymentVoided(payment, request.at, request.by)),
    ]);
  },

  async abandonVoid(payment) {
    const table = tableName();
    return settle([move(table, payment, 'VOIDING', 'SUCCEEDED', ' REMOVE voidRequest'), ...leaveFlight(table, payment)]);
  },
};

/** A payment entering PROCESSING or VOIDING: a pending marker for the settler, the station's in-flight count up. */
function enterFlight(table: string, payment: PaymentRecord) {
  return [
    {
      Put: {
        TableName: table,
        Item: { ...pendingPaymentKeys.item(payment.stationId, payment.createdAt, payment.id), entity: 'PendingPayment', paymentId: payment.id },
      },
    },
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
