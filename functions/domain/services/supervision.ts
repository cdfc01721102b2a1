/**
 * Supervision for county, prefecture and province admins (issue 15): a region's figures over a period
 * read from the roll-up's aggregates, never from events. A fixed number of reads whatever the number
 * of events AND of stations: the region and its children (2), the region's days (1 Query), its
 * children's days (1 Query), its coverage and its children's (1 GetItem + 1 Query: stations per last
 * active day, kept by the roll-up), its burst flags (1 Query), the roll-up's freshness (1 GetItem); a
 * township also reads its stations, their last active days and 8 weeks of their days (3 Queries).
 */
import type { Caller } from '../../auth/caller';
import type { SupervisionQuery } from '../../../shared/schemas/services';
import type { Locale } from '../../../shared/locale';
import { serverText } from '../../i18n';
import { invalidField, notFound } from '../errors';
import type { Region, RegionRepository } from '../regions/region';
import type { StationRepository } from '../stations/station';
import { businessDay } from '../stations/opening-hours';
import { assertRegionWithin } from '../stations/station-access';
import { emptyCounters, SERVICE_TARGETS, SUPERVISION_DEFINITIONS, type ServiceCounters } from './service';
import { toFigures } from './service-desk';

/** Stations per last day with a service (a region's coverage item). */
export type LastDays = Map<string, number>;

export interface SupervisionRepository {
  regionPeriod(code: string, from: string, to: string): Promise<{ total: ServiceCounters; days: Array<{ date: string; counters: ServiceCounters }> }>;
  /** Each child's sums over the period (child: a region code, or a township's station id). */
  childrenPeriod(code: string, from: string, to: string): Promise<Map<string, ServiceCounters>>;
  /** Children's days one by one (spikes: a township's stations). */
  childrenDays?(code: string, from: string, to: string): Promise<Array<{ code: string; date: string; services: number }>>;
  /** The stations of the region that ever served, with their latest day with a service (read for a township only). */
  activity(regionCode: string): Promise<Array<{ stationId: string; villageCode: string; lastDate: string }>>;
  /** The region's and each child region's stations per last active day (kept by the roll-up). */
  coverage(code: string): Promise<{ own: LastDays; children: Map<string, LastDays> }>;
  /** The 10-minute windows of the region's stations above the burst threshold, in the period. */
  burstFlags(code: string, from: string, to: string): Promise<Array<{ stationId: string; villageCode: string; bucket: string; services: number }>>;
  freshAt(): Promise<string | null>;
}

export interface SupervisionDeps {
  supervision: SupervisionRepository;
  regions: RegionRepository;
  stations: Pick<StationRepository, 'listInRegion'>;
  now?: () => Date;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A region's target over a period: its stations × its area type's monthly target, pro rata by days. */
const targetOf = (region: Pick<Region, 'stationCount' | 'areaType'>, days: number) =>
  Math.round(region.stationCount * SERVICE_TARGETS[region.areaType].servicesPerMonth * (days / 30));

export async function regionSupervision(deps: SupervisionDeps, caller: Caller, code: string, query: SupervisionQuery) {
  assertRegionWithin(caller, code);
  if (code.length === 12) throw invalidField('params.code', 'names a village: its station is a row of its township');
  if (query.from > query.to) throw invalidField('query.from', 'is after query.to');
  const days = daysBetween(query.from, query.to);
  if (days > 366) throw invalidField('query.to', 'is more than 366 days after query.from');
  const today = businessDay((deps.now ?? (() => new Date()))());
  const township = code.length === 9;

  const [region, childRegions, period, children, coverage, bursts, activity, freshAt, stations, recent] = await Promise.all([
    deps.regions.get(code),
    township ? Promise.resolve([]) : deps.regions.listChildren(code),
    deps.supervision.regionPeriod(code, query.from, query.to),
    deps.supervision.childrenPeriod(code, query.from, query.to),
    deps.supervision.coverage(code),
    deps.supervision.burstFlags(code, query.from, query.to),
    township ? deps.supervision.activity(code) : Promise.resolve([]),
    deps.supervision.freshAt(),
    township ? deps.stations.listInRegion(code, { limit: 100 }).then((p) => p.items) : Promise.resolve([]),
    township && deps.supervision.childrenDays
      ? deps.supervision.childrenDays(code, addDays(today, -7 * SUPERVISION_DEFINITIONS.spikeMedianWeeks), today)
      : Promise.resolve([]),
  ]);
  if (!region) throw notFound('Region');

  const activeSince = addDays(today, -(SUPERVISION_DEFINITIONS.activeWithinDays - 1));
  const silentBefore = addDays(today, -SUPERVISION_DEFINITIONS.silentAfterDays);
  const active = activity.filter((a) => a.lastDate >= activeSince);
  const sumOf = (days: LastDays | undefined, keep: (date: string) => boolean) => [...(days ?? [])].reduce((n, [d, c]) => n + (keep(d) ? c : 0), 0);
  const activeOf = (days: LastDays | undefined) => sumOf(days, (d) => d >= activeSince);
  const silentOf = (days: LastDays | undefined) => sumOf(days, (d) => d < silentBefore);
  const burstsIn = (prefix: string) => bursts.filter((b) => b.villageCode.startsWith(prefix)).length;

  const rows = township
    ? stations.map((s) => {
        const counters = children.get(s.id) ?? emptyCounters();
        const target = targetOf({ stationCount: 1, areaType: s.areaType }, days);
        return {
          code: s.villageCode,
          name: s.villageName,
          kind: 'station' as const,
          stationId: s.id,
          stationCount: 1,
          activeStations: active.some((a) => a.stationId === s.id) ? 1 : 0,
          silentStations: activity.some((a) => a.stationId === s.id && a.lastDate < silentBefore) ? 1 : 0,
          burstFlags: bursts.filter((b) => b.stationId === s.id).length,
          target,
          attainment: target ? round3(counters.services / target) : 0,
          figures: toFigures(counters),
        };
      })
    : childRegions.map((child) => {
        const counters = children.get(child.code) ?? emptyCounters();
        const target = targetOf(child, days);
        return {
          code: child.code,
          name: child.name,
          kind: 'region' as const,
          stationId: null,
          stationCount: child.stationCount,
          activeStations: activeOf(coverage.children.get(child.code)),
          silentStations: silentOf(coverage.children.get(child.code)),
          burstFlags: burstsIn(child.code),
          target,
          attainment: target ? round3(counters.services / target) : 0,
          figures: toFigures(counters),
        };
      });
  // Weakest first against its target; regions without stations last.
  rows.sort((a, b) => (a.target === 0 ? 1 : 0) - (b.target === 0 ? 1 : 0) || a.attainment - b.attainment || a.code.localeCompare(b.code));

  const target = targetOf(region, days);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    from: query.from,
    to: query.to,
    freshAt,
    coverage: {
      villages: region.villageCount,
      stations: region.stationCount,
      activeStations: activeOf(coverage.own),
      silentStations: silentOf(coverage.own),
      rate: region.villageCount ? round3(activeOf(coverage.own) / region.villageCount) : 0,
    },
    figures: toFigures(period.total),
    acknowledgements: {
      acked: period.total.byType.ack,
      informed: period.total.byType.informed,
      reached: period.total.byType.ack + period.total.byType.informed,
      rate: toFigures(period.total).ackRate,
    },
    /** Each day's services in the period (the trend chart), oldest first. */
    days: period.days.map((d) => ({ date: d.date, services: d.counters.services })).sort((a, b) => a.date.localeCompare(b.date)),
    target,
    attainment: target ? round3(period.total.services / target) : 0,
    children: rows,
    // Each station's own flags: silence and day spikes on a township (above it, its rows count the silent);
    // the 10-minute bursts at every level (rare, and the reason to look closer).
    flags: [
      ...activity
        .filter((a) => a.lastDate < silentBefore)
        .map((a) => ({ kind: 'silent' as const, stationId: a.stationId, villageCode: a.villageCode, detail: `last service ${a.lastDate}` })),
      ...spikes(recent, stations, query),
      ...drops(recent, stations, today, new Set(activity.filter((a) => a.lastDate < silentBefore).map((a) => a.stationId))),
      ...bursts.map((b) => ({
        kind: 'burst' as const,
        stationId: b.stationId,
        villageCode: b.villageCode,
        detail: `${b.bucket.replace('T', ' ')}: ${b.services} services in ${SUPERVISION_DEFINITIONS.burstMinutes} minutes`,
      })),
    ],
    definitions: { ...SUPERVISION_DEFINITIONS, ackRate: ACK_RATE_DEFINITION, targets: SERVICE_TARGETS },
  };
}

/** What the acknowledgement rate divides (shown to admins with the other definitions). */
export const ACK_RATE_DEFINITION =
  'acknowledged by the household in the app / households reached about an alert asking for 收到 (acknowledged + told by the officer by phone or in person)';

/** A station's day in the period above 5x its median day of the 8 weeks before today (a median of at least 1). */
function spikes(
  recent: Array<{ code: string; date: string; services: number }>,
  stations: Array<{ id: string; villageCode: string }>,
  query: SupervisionQuery,
) {
  const weeks = SUPERVISION_DEFINITIONS.spikeMedianWeeks * 7;
  return stations.flatMap((s) => {
    const mine = recent.filter((d) => d.code === s.id);
    const counts = [...mine.map((d) => d.services), ...Array(Math.max(0, weeks - mine.length)).fill(0)].sort((a, b) => a - b);
    const median = Math.max(1, counts[Math.floor(counts.length / 2)] ?? 0);
    return mine
      .filter((d) => d.date >= query.from && d.date <= query.to && d.services > SUPERVISION_DEFINITIONS.spikeTimesMedian * median)
      .map((d) => ({
        kind: 'spike' as const,
        stationId: s.id,
        villageCode: s.villageCode,
        detail: `${d.date}: ${d.services} services, median ${median}`,
      }));
  });
}

/**
 * A station whose last 14 days fell below 30 % of its usual fortnight (the average over the rest of the 8
 * weeks, at least 10 services): dropped sharply, before it goes silent. A silent station is flagged as silent only.
 */
function drops(
  recent: Array<{ code: string; date: string; services: number }>,
  stations: Array<{ id: string; villageCode: string }>,
  today: string,
  silent: Set<string>,
) {
  const d = SUPERVISION_DEFINITIONS;
  const windowStart = addDays(today, -(d.dropWindowDays - 1));
  const baselineDays = d.spikeMedianWeeks * 7 - d.dropWindowDays;
  return stations.flatMap((s) => {
    if (silent.has(s.id)) return [];
    const mine = recent.filter((r) => r.code === s.id);
    const last = mine.filter((r) => r.date >= windowStart).reduce((n, r) => n + r.services, 0);
    const before = mine.filter((r) => r.date < windowStart).reduce((n, r) => n + r.services, 0);
    const usual = (before / baselineDays) * d.dropWindowDays;
    if (usual < d.dropMinBaseline || last >= d.dropShare * usual) return [];
    return [
      {
        kind: 'drop' as const,
        stationId: s.id,
        villageCode: s.villageCode,
        detail: `last ${d.dropWindowDays} days: ${last} services, usually ${Math.round(usual)}`,
      },
    ];
  });
}

const CSV_COLUMNS = [
  'code',
  'name',
  'kind',
  'from',
  'to',
  'stations',
  'activeStations',
  'services',
  'target',
  'attainment',
  'payments',
  'paymentFen',
  'orders',
  'orderFen',
  'acks',
  'informed',
  'ackRate',
  'answers',
  'consultations',
  'trainings',
  'ratings',
  'satisfaction',
] as const;

/** The same figures as CSV, one line for the region and one per child: aggregates only, no person. */
export function supervisionCsv(s: Awaited<ReturnType<typeof regionSupervision>>, locale: Locale): string {
  // The header in the reader's language (the server catalogue); the columns' order is fixed.
  const header = CSV_COLUMNS.map((column) => serverText(locale, `csv.${column}`));
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    // Names are ours (division names), but a leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const line = (r: {
    code: string;
    name: string;
    kind: string;
    stationCount: number;
    activeStations: number;
    target: number;
    attainment: number;
    figures: ReturnType<typeof toFigures>;
  }) =>
    [
      r.code,
      r.name,
      r.kind,
      s.from,
      s.to,
      r.stationCount,
      r.activeStations,
      r.figures.services,
      r.target,
      r.attainment,
      r.figures.byType.payment,
      r.figures.paymentFen,
      r.figures.byType.order,
      r.figures.orderFen,
      r.figures.byType.ack,
      r.figures.byType.informed,
      r.figures.ackRate,
      r.figures.byType.answer,
      r.figures.byType.consultation,
      r.figures.trainings,
      r.figures.ratingCount,
      r.figures.satisfaction,
    ]
      .map(cell)
      .join(',');
  const own = {
    code: s.region.code,
    name: s.region.name,
    kind: 'region',
    stationCount: s.coverage.stations,
    activeStations: s.coverage.activeStations,
    target: s.target,
    attainment: s.attainment,
    figures: s.figures,
  };
  return [header.join(','), line(own), ...s.children.map(line)].join('\n') + '\n';
}
