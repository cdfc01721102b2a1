/**
 * The service ledger (issue 15): every piece of countable work at a station is one immutable ledger
 * entry, written in the SAME transaction as the event it counts (a payment settling, an order handed
 * over, an alert acknowledged or marked informed, a question answered, a consultation logged, a
 * training attended), keyed by the event's id so a retried request or a second settler finds the key
 * taken and counts nothing twice. Three kinds of entries:
 *   service   count +1 (and fen for payments and orders) on the day it happens
 *   reversal  count -1 and -fen on the day a void or refund happens (never rewriting the old day)
 *   rating    the villager's 1-5 for one service, keyed by that service: at most one
 * Each entry moves its station's day counters in the same transaction (a per-station item, never a
 * regional one); region figures are rolled up from the entries afterwards, exactly once each
 * (functions/data/service-rollup.ts), so no province-wide item is ever in an event's transaction.
 */
import type { AreaType } from '../../../shared/schemas/regions';

export const SERVICE_TYPES = ['payment', 'order', 'ack', 'informed', 'answer', 'consultation', 'training'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
/** The types whose entries carry money (integer fen): bill payments and e-commerce turnover. */
export const MONEY_TYPES: readonly ServiceType[] = ['payment', 'order'];
export const CONSULTATION_CHANNELS = ['phone', 'wechat', 'in_person'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

export type ServiceEntryKind = 'service' | 'reversal' | 'rating';

export interface ServiceEntry {
  /** Derived from the event (serviceIds below): the same event always gives the same id. */
  id: string;
  kind: ServiceEntryKind;
  type: ServiceType;
  stationId: string;
  officerId: string | null;
  householdId: string | null;
  /** The villager served, when known (who may rate it, with the household's linked users). */
  userId: string | null;
  /** When it happened, and its Asia/Shanghai day (the day its counts go to). */
  at: string;
  date: string;
  /** +1 for a service, -1 for a reversal, 0 for a rating. */
  count: 1 | -1 | 0;
  fen: number;
  /** Ratings: the score and the service rated; reversals: the service reversed. */
  rating?: number;
  comment?: string | null;
  serviceId?: string;
  channel?: ConsultationChannel;
}

/** The ids of the entries of each event: the idempotency of the whole ledger rests on these. */
export const serviceIds = {
  payment: (paymentId: string) => `pay-${paymentId}`,
  paymentVoid: (paymentId: string) => `void-${paymentId}`,
  orderHandedOver: (orderId: string) => `order-${orderId}`,
  ack: (feedId: string, householdId: string) => `ack-${feedId}-${householdId}`,
  informed: (feedId: string, householdId: string) => `informed-${feedId}-${householdId}`,
  answer: (questionId: string) => `answer-${questionId}`,
  consultation: (hash: string) => `consult-${hash}`,
  training: (sessionId: string, personId: string) => `training-${sessionId}-${personId}`,
  rating: (serviceId: string) => `rating-${serviceId}`,
};

/** The counters of one station (or region) over a day or a period; what every figure is read from. */
export interface ServiceCounters {
  services: number;
  byType: Record<ServiceType, number>;
  paymentFen: number;
  orderFen: number;
  ratingCount: number;
  ratingSum: number;
  /** Ratings of 4 or 5: satisfaction is satisfied / ratingCount (additive, so it rolls up exactly). */
  ratingSatisfied: number;
}

export const emptyCounters = (): ServiceCounters => ({
  services: 0,
  byType: Object.fromEntries(SERVICE_TYPES.map((t) => [t, 0])) as Record<ServiceType, number>,
  paymentFen: 0,
  orderFen: 0,
  ratingCount: 0,
  ratingSum: 0,
  ratingSatisfied: 0,
});

export function addCounters(into: ServiceCounters, more: ServiceCounters): ServiceCounters {
  into.services += more.services;
  for (const t of SERVICE_TYPES) into.byType[t] += more.byType[t];
  into.paymentFen += more.paymentFen;
  into.orderFen += more.orderFen;
  into.ratingCount += more.ratingCount;
  into.ratingSum += more.ratingSum;
  into.ratingSatisfied += more.ratingSatisfied;
  return into;
}

/** What one entry adds to its day's counters (the data layer turns this into ADDs; tests recount with it). */
export function countersOf(entry: Pick<ServiceEntry, 'kind' | 'type' | 'count' | 'fen' | 'rating'>): ServiceCounters {
  const c = emptyCounters();
  if (entry.kind === 'rating') {
    c.ratingCount = 1;
    c.ratingSum = entry.rating ?? 0;
    c.ratingSatisfied = (entry.rating ?? 0) >= SUPERVISION_DEFINITIONS.satisfiedFrom ? 1 : 0;
    return c;
  }
  c.services = entry.count;
  c.byType[entry.type] = entry.count;
  if (entry.type === 'payment') c.paymentFen = entry.fen;
  if (entry.type === 'order') c.orderFen = entry.fen;
  return c;
}

/** Targets are configuration per area type (shown to admins with the definitions). */
export const SERVICE_TARGETS: Record<AreaType, { servicesPerMonth: number; satisfaction: number }> = {
  farming: { servicesPerMonth: 200, satisfaction: 0.9 },
  semi_pastoral: { servicesPerMonth: 150, satisfaction: 0.9 },
  pastoral: { servicesPerMonth: 100, satisfaction: 0.85 },
};

/** The supervision definitions (configuration, shown to admins). */
export const SUPERVISION_DEFINITIONS = {
  activeWithinDays: 30,
  silentAfterDays: 14,
  spikeTimesMedian: 5,
  spikeMedianWeeks: 8,
  burstServices: 30,
  burstMinutes: 10,
  /** Dropped sharply: the last dropWindowDays below dropShare of the same length's average over the rest of the 8 weeks (itself at least dropMinBaseline). */
  dropWindowDays: 14,
  dropShare: 0.3,
  dropMinBaseline: 10,
  /** A rating of 4 or 5 counts as satisfied. */
  satisfiedFrom: 4,
};

/**
 * The clock-aligned window (Asia/Shanghai wall clock, burstMinutes long) a service falls in, named by
 * its start: 2026-11-30T09:17:05Z -> 2026-11-30T17:10. "More than 30 services in 10 minutes" is
 * counted per station and window as the services happen, never by scanning them.
 */
export function burstBucketOf(at: string): string {
  const wall = new Date(Date.parse(at) + 8 * 3_600_000).toISOString();
  const minutes = Number(wall.slice(14, 16));
  const start = minutes - (minutes % SUPERVISION_DEFINITIONS.burstMinutes);
  return `${wall.slice(0, 14)}${String(start).padStart(2, '0')}`;
}

/** The share of ratings of 4 or 5 (null without ratings). */
export const satisfactionOf = (c: Pick<ServiceCounters, 'ratingCount' | 'ratingSatisfied'>) =>
  c.ratingCount === 0 ? null : Math.round((c.ratingSatisfied / c.ratingCount) * 1000) / 1000;

export interface ServiceLedgerRepository {
  /** A logged consultation (or any service without a transaction of its own): false when its id exists already. */
  record(entry: ServiceEntry): Promise<boolean>;
  get(id: string): Promise<ServiceEntry | null>;
  /** The rating, once: false when the service has one already (its id is taken). */
  rate(rating: ServiceEntry): Promise<boolean>;
  /** A station's day counters between two dates (inclusive), one item per day with activity. */
  stationDays(stationId: string, from: string, to: string): Promise<Array<{ date: string; counters: ServiceCounters }>>;
  /** A villager's latest services (newest first), for the rating prompt. */
  servicesOfUser(userId: string, householdId: string | null, limit: number): Promise<ServiceEntry[]>;
  /** The station's latest entries (newest first). */
  stationEntries(stationId: string, limit: number): Promise<ServiceEntry[]>;
}
