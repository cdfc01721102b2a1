/**
 * What officers and villagers do with the service ledger: log a consultation in one tap, rate a
 * service once, see one's services (the rating prompt) and the officer's month against its target.
 */
import { createHash } from 'node:crypto';
import type { Caller } from '../../auth/caller';
import type { ConsultationRequest, RatingRequest } from '../../../shared/schemas/services';
import { AppError, notFound } from '../errors';
import type { HouseholdRepository } from '../payments/household';
import type { StationRepository } from '../stations/station';
import { businessDay } from '../stations/opening-hours';
import { managedStation } from '../stations/station-access';
import { serviceEvents } from './service-events';
import {
  addCounters,
  emptyCounters,
  satisfactionOf,
  SERVICE_TARGETS,
  serviceIds,
  type ServiceCounters,
  type ServiceEntry,
  type ServiceLedgerRepository,
} from './service';

export interface ServiceDeskDeps {
  ledger: ServiceLedgerRepository;
  stations: Pick<StationRepository, 'getById'>;
  households: Pick<HouseholdRepository, 'get'>;
  now?: () => Date;
}

const nowOf = (deps: { now?: () => Date }) => (deps.now ?? (() => new Date()))();

export const toServiceView = (e: ServiceEntry & { rating?: number }) => ({
  id: e.id,
  type: e.type,
  stationId: e.stationId,
  at: e.at,
  date: e.date,
  channel: e.channel ?? null,
  rating: e.rating ?? null,
});

export const toFigures = (c: ServiceCounters) => ({
  services: c.services,
  byType: { ...c.byType },
  paymentFen: c.paymentFen,
  orderFen: c.orderFen,
  trainings: c.byType.training,
  /** Households that acknowledged an alert themselves, of those reached (acknowledged + told by the officer); null when none. */
  ackRate: c.byType.ack + c.byType.informed ? Math.round((c.byType.ack / (c.byType.ack + c.byType.informed)) * 1000) / 1000 : null,
  ratingCount: c.ratingCount,
  satisfaction: satisfactionOf(c),
});

/**
 * The entry point every countable event without a transaction of its own goes through (a training
 * attended, a consultation): the entry and its station's day in one transaction, once per id.
 * True when it was recorded now, false when its id was recorded before (a retry).
 */
export function recordService(deps: Pick<ServiceDeskDeps, 'ledger'>, entry: ServiceEntry): Promise<boolean> {
  return deps.ledger.record(entry);
}

/** An officer logs a consultation (phone, WeChat, in person), optionally for a household of the station; a retry with the same key logs nothing more. */
export async function logConsultation(deps: ServiceDeskDeps, caller: Caller, stationId: string, idempotencyKey: string, body: ConsultationRequest) {
  const station = await managedStation(deps.stations, caller, stationId);
  if (caller.role !== 'officer') throw notFound('Station');
  if (body.householdId) {
    const household = await deps.households.get(body.householdId);
    if (!household || household.stationId !== station.id) throw notFound('Household');
  }
  const hash = createHash('sha256').update(`${caller.userId}\n${idempotencyKey}`).digest('base64url').slice(0, 24);
  const entry = serviceEvents.consultation(hash, station.id, caller.userId, body.channel, body.householdId ?? null, nowOf(deps).toISOString());
  if (await recordService(deps, entry)) return toServiceView(entry);
  const existing = await deps.ledger.get(entry.id);
  if (!existing) throw new AppError('CONFLICT', 'The consultation could not be recorded; try again');
  if (existing.channel !== entry.channel || existing.householdId !== entry.householdId) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another consultation');
  }
  return toServiceView(existing);
}

/** The villager served (the user, or a user linked to the household served) rates it 1-5 once. */
export async function rateService(deps: ServiceDeskDeps, caller: Caller, serviceId: string, body: RatingRequest) {
  const service = await deps.ledger.get(serviceId);
  const mine =
    service &&
    service.kind === 'service' &&
    (service.userId === caller.userId || (!!service.householdId && service.householdId === caller.householdId));
  if (!service || !mine) throw notFound('Service');
  const at = nowOf(deps).toISOString();
  const rating: ServiceEntry = {
    id: serviceIds.rating(service.id),
    kind: 'rating',
    type: service.type,
    stationId: service.stationId,
    officerId: service.officerId,
    householdId: service.householdId,
    userId: caller.userId,
    at,
    date: businessDay(new Date(at)),
    count: 0,
    fen: 0,
    rating: body.rating,
    comment: body.comment ?? null,
    serviceId: service.id,
  };
  if (!(await deps.ledger.rate(rating))) throw new AppError('CONFLICT', 'This service has been rated already');
  return { serviceId: service.id, rating: body.rating, at };
}

/** The caller's latest services (their own, and their household's), with their rating if any. */
export async function myServices(deps: ServiceDeskDeps, caller: Caller) {
  const items = await deps.ledger.servicesOfUser(caller.userId, caller.householdId ?? null, 20);
  return { items: items.map(toServiceView) };
}

const monthOf = (date: string) => date.slice(0, 7);
const shiftMonth = (month: string, by: number) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
};
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The officer's month: services against the month's target, satisfaction, six months' trend, the pace still needed. */
export async function officerMonth(deps: ServiceDeskDeps, caller: Caller, stationId: string, query: { month?: string }) {
  const station = await managedStation(deps.stations, caller, stationId);
  const today = businessDay(nowOf(deps));
  const month = query.month ?? monthOf(today);
  const first = shiftMonth(month, -5);
  const days = await deps.ledger.stationDays(station.id, `${first}-01`, lastDayOf(month));
  const byMonth = new Map<string, ServiceCounters>();
  for (const day of days) byMonth.set(monthOf(day.date), addCounters(byMonth.get(monthOf(day.date)) ?? emptyCounters(), day.counters));
  const counters = byMonth.get(month) ?? emptyCounters();
  const target = SERVICE_TARGETS[station.areaType];
  const lastDay = lastDayOf(month);
  const daysLeft =
    today > lastDay ? 0 : Math.round((Date.parse(lastDay) - Date.parse(today < `${month}-01` ? `${month}-01` : today)) / 86_400_000) + 1;
  const toTarget = Math.max(0, target.servicesPerMonth - counters.services);
  return {
    stationId: station.id,
    month,
    areaType: station.areaType,
    target,
    figures: toFigures(counters),
    progress: Math.round((counters.services / target.servicesPerMonth) * 1000) / 1000,
    trend: Array.from({ length: 6 }, (_, i) => shiftMonth(month, i - 5)).map((m) => ({
      month: m,
      services: byMonth.get(m)?.services ?? 0,
      satisfaction: satisfactionOf(byMonth.get(m) ?? emptyCounters()),
    })),
    days: days.filter((d) => monthOf(d.date) === month).map((d) => ({ date: d.date, services: d.counters.services })),
    pending: { servicesToTarget: toTarget, daysLeft, perDayNeeded: daysLeft ? Math.ceil(toTarget / daysLeft) : toTarget },
  };
}
