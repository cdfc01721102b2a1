/**
 * The service ledger, satisfaction, the officer's month and supervision (issue 15). Figures are
 * aggregates only: no person, household or phone ever appears in a supervision answer or export.
 */
import * as z from 'zod/mini';
import { freeText } from './common';
import { businessDate, householdId } from './payments';
import { regionCode } from './regions';
import { stationId } from './stations';

export const SERVICE_TYPE_VALUES = ['payment', 'order', 'ack', 'informed', 'answer', 'consultation', 'training'] as const;
export const serviceId = z.string().check(z.regex(/^(pay|order|ack|informed|answer|consult|training)-[A-Za-z0-9_-]{1,120}$/, 'must be a service id'));
export const serviceMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'));

export const ConsultationRequest = z.strictObject({
  channel: z.enum(['phone', 'wechat', 'in_person']),
  householdId: z.optional(householdId),
});
export type ConsultationRequest = z.infer<typeof ConsultationRequest>;

export const Service = z.object({
  id: z.string(),
  type: z.enum(SERVICE_TYPE_VALUES),
  stationId: z.string(),
  at: z.string(),
  date: z.string(),
  channel: z.nullable(z.string()),
  rating: z.nullable(z.number()),
});
export const ServiceList = z.object({ items: z.array(Service) });

export const ServiceParams = z.strictObject({ serviceId });
export const RatingRequest = z.strictObject({
  rating: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.optional(freeText(1, 200)),
});
export type RatingRequest = z.infer<typeof RatingRequest>;
export const RatingResponse = z.object({ serviceId: z.string(), rating: z.number(), at: z.string() });

const byType = z.object(
  Object.fromEntries(SERVICE_TYPE_VALUES.map((t) => [t, z.number()])) as Record<(typeof SERVICE_TYPE_VALUES)[number], z.ZodMiniNumber>,
);
export const Figures = z.object({
  services: z.number(),
  byType,
  paymentFen: z.number(),
  orderFen: z.number(),
  trainings: z.number(),
  /** Acknowledged in the app / reached (acknowledged + told by the officer); null when none reached. */
  ackRate: z.nullable(z.number()),
  ratingCount: z.number(),
  satisfaction: z.nullable(z.number()),
});

export const OfficerMonthQuery = z.strictObject({ month: z.optional(serviceMonth) });
export const OfficerMonthParams = z.strictObject({ stationId });
export const OfficerMonth = z.object({
  stationId: z.string(),
  month: z.string(),
  areaType: z.string(),
  target: z.object({ servicesPerMonth: z.number(), satisfaction: z.number() }),
  figures: Figures,
  progress: z.number(),
  trend: z.array(z.object({ month: z.string(), services: z.number(), satisfaction: z.nullable(z.number()) })),
  days: z.array(z.object({ date: z.string(), services: z.number() })),
  pending: z.object({ servicesToTarget: z.number(), daysLeft: z.number(), perDayNeeded: z.number() }),
});

export const SupervisionQuery = z.strictObject({ from: businessDate, to: businessDate });
export type SupervisionQuery = z.infer<typeof SupervisionQuery>;
export const SupervisionParams = z.strictObject({ code: regionCode });
const Row = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['region', 'station']),
  stationId: z.nullable(z.string()),
  stationCount: z.number(),
  activeStations: z.number(),
  /** Stations without a service for silentAfterDays (from the roll-up's coverage items). */
  silentStations: z.number(),
  /** 10-minute windows above the burst threshold in the period. */
  burstFlags: z.number(),
  target: z.number(),
  attainment: z.number(),
  figures: Figures,
});
export const Supervision = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  from: z.string(),
  to: z.string(),
  freshAt: z.nullable(z.string()),
  coverage: z.object({ villages: z.number(), stations: z.number(), activeStations: z.number(), silentStations: z.number(), rate: z.number() }),
  figures: Figures,
  acknowledgements: z.object({ acked: z.number(), informed: z.number(), reached: z.number(), rate: z.nullable(z.number()) }),
  days: z.array(z.object({ date: z.string(), services: z.number() })),
  target: z.number(),
  attainment: z.number(),
  children: z.array(Row),
  flags: z.array(
    z.object({ kind: z.enum(['silent', 'spike', 'burst', 'drop']), stationId: z.string(), villageCode: z.string(), detail: z.string() }),
  ),
  definitions: z.object({
    activeWithinDays: z.number(),
    silentAfterDays: z.number(),
    spikeTimesMedian: z.number(),
    spikeMedianWeeks: z.number(),
    burstServices: z.number(),
    burstMinutes: z.number(),
    dropWindowDays: z.number(),
    dropShare: z.number(),
    dropMinBaseline: z.number(),
    satisfiedFrom: z.number(),
    ackRate: z.string(),
    targets: z.record(z.string(), z.object({ servicesPerMonth: z.number(), satisfaction: z.number() })),
  }),
});
export type Supervision = z.infer<typeof Supervision>;
