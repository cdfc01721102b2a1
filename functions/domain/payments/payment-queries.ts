/**
 * Reading payments. Who may see what: a station's officers and the admins over its region see its
 * payments; a villager sees the payments of the household they are linked to; everyone else is
 * told "not found".
 */
import type { Payment } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { invalidField, notFound } from '../errors';
import type { PageRequest } from '../page';
import { businessDay } from '../stations/opening-hours';
import type { StationRepository } from '../stations/station';
import { canManageStation, managedStation } from '../stations/station-access';
import type { HouseholdRepository } from './household';
import { toHouseholdPaymentView, toPaymentView, type PaymentRecord, type PaymentRepository } from './payment';

export async function getPayment(deps: { payments: PaymentRepository }, caller: Caller, paymentId: string): Promise<Payment> {
  const payment = await deps.payments.get(paymentId);
  if (payment && canManageStation(caller, { id: payment.stationId, villageCode: payment.stationVillageCode })) return toPaymentView(payment);
  if (payment && payment.householdId !== null && caller.householdId === payment.householdId) return toHouseholdPaymentView(payment);
  throw notFound('Payment');
}

/** A station's payments of one business day (today by default), or those still pending of every day. */
export async function listStationPayments(
  deps: { payments: PaymentRepository; stations: Pick<StationRepository, 'getById'>; now?: () => Date },
  caller: Caller,
  stationId: string,
  query: PageRequest & { date?: string; status?: 'PROCESSING' },
) {
  const station = await managedStation(deps.stations, caller, stationId);
  if (query.status === 'PROCESSING') {
    if (query.date) throw invalidField('query.date', 'cannot be combined with status=PROCESSING (pending payments of every day)');
    const page = await deps.payments.listPending({ stationId: station.id, limit: query.limit, cursor: query.cursor });
    const records = await Promise.all(page.paymentIds.map((id) => deps.payments.get(id)));
    return {
      items: records.filter((p): p is PaymentRecord => p !== null && p.status === 'PROCESSING').map(toPaymentView),
      nextCursor: page.nextCursor,
    };
  }
  const date = query.date ?? businessDay(deps.now?.() ?? new Date());
  const page = await deps.payments.listStationDay(station.id, date, { limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(toPaymentView), nextCursor: page.nextCursor };
}

/** "me": the payments of the household the villager is linked to (an empty list until they are). */
export async function myPayments(
  deps: { payments: PaymentRepository; households: Pick<HouseholdRepository, 'get'> },
  caller: Caller,
  query: PageRequest,
) {
  const household = caller.householdId ? await deps.households.get(caller.householdId) : null;
  if (!household) return { household: null, items: [], nextCursor: null };
  const page = await deps.payments.listHousehold(household.id, { limit: query.limit, cursor: query.cursor });
  return {
    household: { id: household.id, headName: household.headName, stationId: household.stationId },
    items: page.items.map(toHouseholdPaymentView),
    nextCursor: page.nextCursor,
  };
}
