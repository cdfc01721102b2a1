/**
 * Reading payments and the cash ledger, voiding, and closing a business day. Who may see what:
 * a station's officers and the admins over its region see its payments and ledger; a villager sees
 * the payments of the household they are linked to; everyone else is told "not found".
 */
import type { LedgerResponse, Payment, Reconciliation, StationDay } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { PaymentRepository } from '../../data/payments-repository';
import { AppError, invalidField, notFound } from '../errors';
import { businessDay } from '../stations/opening-hours';
import type { Station, StationRepository } from '../stations/station';
import { assertRegionWithin, canManageStation } from '../stations/station-access';
import type { BillProvider } from './bill-provider';
import { toHouseholdPaymentView, toPaymentView, type LedgerDay, type PaymentRecord } from './payment';

export interface LedgerDeps {
  payments: PaymentRepository;
  now?: () => Date;
}

const today = (deps: LedgerDeps) => businessDay(deps.now?.() ?? new Date());

export async function getPayment(deps: LedgerDeps, caller: Caller, paymentId: string): Promise<Payment> {
  const payment = await deps.payments.get(paymentId);
  if (payment && canManageStation(caller, { id: payment.stationId, villageCode: payment.stationVillageCode })) return toPaymentView(payment);
  if (payment && payment.householdId !== null && caller.householdId === payment.householdId) return toHouseholdPaymentView(payment);
  throw notFound('Payment');
}

export async function listStationPayments(
  deps: LedgerDeps,
  station: Station,
  query: { date?: string; status?: 'PROCESSING'; limit: number; cursor?: string },
) {
  if (query.status === 'PROCESSING') {
    if (query.date) throw invalidField('query.date', 'cannot be combined with status=PROCESSING (pending payments of every day)');
    const page = await deps.payments.listPending({ stationId: station.id, limit: query.limit, cursor: query.cursor });
    const records = await Promise.all(page.paymentIds.map((id) => deps.payments.get(id)));
    return {
      items: records.filter((p): p is PaymentRecord => p !== null && p.status === 'PROCESSING').map(toPaymentView),
      nextCursor: page.nextCursor,
    };
  }
  const date = query.date ?? today(deps);
  const page = await deps.payments.listStationDay(station.id, date, query.limit, query.cursor);
  return { items: page.items.map(toPaymentView), nextCursor: page.nextCursor };
}

export function toTotals(day: LedgerDay) {
  return {
    cashInFen: day.cashInFen,
    voidedFen: day.voidedFen,
    expectedCashFen: day.expectedCashFen,
    commissionFen: day.commissionFen,
    commissionByBillType: day.commissionByBillType as Record<string, number>,
    paymentCount: day.paymentCount,
    voidCount: day.voidCount,
    processingCount: day.processingCount,
    limitUsedFen: day.limitUsedFen,
  };
}

export async function stationLedger(deps: LedgerDeps, station: Station, query: { date?: string; limit: number; cursor?: string }): Promise<LedgerResponse> {
  const date = query.date ?? today(deps);
  if (date > today(deps)) throw invalidField('query.date', 'is in the future');
  const [day, page] = await Promise.all([deps.payments.getDay(station.id, date), deps.payments.listEntries(station.id, date, query.limit, query.cursor)]);
  return {
    stationId: station.id,
    date,
    status: day.status,
    totals: toTotals(day),
    close: day.close,
    items: page.items.map((e) => ({
      id: e.id,
      kind: e.kind,
      paymentId: e.paymentId,
      receiptNo: e.receiptNo,
      billType: e.billType,
      cashFen: e.cashFen,
      commissionFen: e.commissionFen,
      at: e.at,
      officerId: e.officerId,
      reason: e.reason,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Voids a succeeded payment while the provider has not settled it: the provider settles a station's
 * payments when the business day holding them closes, so a payment whose day is still open can be
 * voided; the VOID entry goes on that same day. Three steps, so that no crash between them can
 * leave the provider and the ledger disagreeing:
 *   SUCCEEDED -> VOIDING (in flight: the day cannot close) -> provider.cancel -> VOIDED + VOID entry
 *                                                                     (refused) -> SUCCEEDED
 * A void interrupted after the first step is finished by the settler.
 */
export async function voidPayment(
  deps: LedgerDeps & { provider: BillProvider },
  caller: Caller,
  paymentId: string,
  reason: string,
): Promise<Payment> {
  const payment = await deps.payments.get(paymentId);
  if (!payment || caller.role !== 'officer' || caller.stationId !== payment.stationId) throw notFound('Payment');
  if (payment.status !== 'SUCCEEDED') {
    throw new AppError('CONFLICT', `A ${payment.status.toLowerCase()} payment cannot be voided: only a succeeded one, once`);
  }
  const request = { reason, at: (deps.now?.() ?? new Date()).toISOString(), by: caller.userId };
  await deps.payments.beginVoid(payment, request);
  const voiding: PaymentRecord = { ...payment, status: 'VOIDING', voidRequest: request };
  const finished = await finishVoid(deps, voiding);
  if (finished.status === 'SUCCEEDED') throw new AppError('CONFLICT', 'The provider has settled this payment already and refuses to cancel it');
  return toPaymentView(finished);
}

/** Asks the provider to cancel a VOIDING payment and records its answer (the void route and the settler). */
export async function finishVoid(deps: LedgerDeps & { provider: BillProvider }, payment: PaymentRecord): Promise<PaymentRecord> {
  const answer = await deps.provider.cancel(payment.id);
  const moved = answer.outcome === 'CANCELLED' ? await deps.payments.completeVoid(payment) : await deps.payments.abandonVoid(payment);
  if (!moved) return (await deps.payments.get(payment.id)) ?? payment;
  return answer.outcome === 'CANCELLED'
    ? { ...payment, status: 'VOIDED', voided: payment.voidRequest ?? null, voidRequest: null }
    : { ...payment, status: 'SUCCEEDED', voidRequest: null };
}

export async function closeDay(
  deps: LedgerDeps,
  caller: Caller,
  station: Station,
  input: { date: string; countedCashFen: number; note?: string },
): Promise<Reconciliation> {
  if (input.date > today(deps)) throw invalidField('body.date', 'is in the future: a day closes at its end, or later');
  const note = input.note ? input.note : null;
  // A shortage or a surplus is explained: a close is final. Checked against the day as read here;
  // a payment landing between this read and the close is the officer's own (payments need the day
  // open) and still shows in the stored variance.
  if (note === null) {
    const open = await deps.payments.getDay(station.id, input.date);
    const varianceFen = input.countedCashFen - open.expectedCashFen;
    // A closed day or one with payments in flight is refused below (DAY_CLOSED, CONFLICT) whatever the note.
    if (open.status !== 'CLOSED' && open.processingCount === 0 && varianceFen !== 0) {
      throw new AppError('VALIDATION_FAILED', 'Invalid request: body.note is required when the counted cash differs from the expected cash', [
        { path: 'body.note', message: `is required when the counted cash differs from the expected cash (variance ${varianceFen} fen)`, code: 'note_required' },
      ]);
    }
  }
  const day = await deps.payments.closeDay({
    station,
    date: input.date,
    countedCashFen: input.countedCashFen,
    note,
    closedBy: caller.userId,
    at: (deps.now?.() ?? new Date()).toISOString(),
  });
  return toReconciliation(day, station);
}

/**
 * A region's business day, station by station:
 *   every station (a page at a time, division-code order): one Query for the stations and one
 *     BatchGet for their day items, so the stations that have not closed show up too;
 *   `status=CLOSED`: only the stations that closed, from the closes index (one Query).
 */
export async function regionDays(
  deps: LedgerDeps & { stations: Pick<StationRepository, 'listInRegion'> },
  caller: Caller,
  regionCode: string,
  query: { date: string; status?: 'CLOSED'; limit: number; cursor?: string },
): Promise<{ items: StationDay[]; nextCursor: string | null }> {
  assertRegionWithin(caller, regionCode);
  if (query.date > today(deps)) throw invalidField('query.date', 'is in the future');
  if (query.status === 'CLOSED') {
    const closes = await deps.payments.listRegionCloses(regionCode, query.date, query.limit, query.cursor);
    return {
      items: closes.items.map((day) => ({ ...toReconciliation(day), status: 'CLOSED' as const })),
      nextCursor: closes.nextCursor,
    };
  }
  const page = await deps.stations.listInRegion(regionCode, { limit: query.limit, cursor: query.cursor });
  const days = await deps.payments.getDays(page.items.map((s) => s.id), query.date);
  return {
    items: page.items.map((station, i) => {
      const day = days[i];
      const idle = day.status === 'OPEN' && day.paymentCount === 0 && day.processingCount === 0 && day.limitUsedFen === 0;
      return {
        stationId: station.id,
        stationCode: station.code,
        villageName: station.villageName,
        date: query.date,
        status: day.status === 'CLOSED' ? 'CLOSED' : idle ? 'IDLE' : 'OPEN',
        totals: toTotals(day),
        close: day.close,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/** A station's closed days, newest first. */
export async function stationCloses(deps: LedgerDeps, station: Station, page: { limit: number; cursor?: string }) {
  const closes = await deps.payments.listStationCloses(station.id, page.limit, page.cursor);
  return { items: closes.items.map((day) => toReconciliation(day, station)), nextCursor: closes.nextCursor };
}

export function toReconciliation(day: LedgerDay, station?: { code: string; villageName: string }): Reconciliation {
  return {
    stationId: day.stationId,
    stationCode: station?.code ?? day.stationCode ?? '',
    villageName: station?.villageName ?? day.villageName ?? '',
    date: day.date,
    totals: toTotals(day),
    close: day.close!,
  };
}
