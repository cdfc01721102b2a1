/**
 * A station's cash book: a day's ledger, closing a day, the closed days, and a region's days
 * station by station. A station's officers and the admins over its region see its days; an officer
 * closes them; everyone else is told "not found".
 */
import type { LedgerResponse, NonCashTotals, Reconciliation, RegionDayFilter, RegionDaysPage, StationDay } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { audited, type AuditSink } from '../audit';
import { invalidField } from '../errors';
import type { PageRequest } from '../page';
import { businessDay } from '../stations/opening-hours';
import type { StationRepository } from '../stations/station';
import { assertRegionWithin, managedStation } from '../stations/station-access';
import { toReconciliation, toTotals, type LedgerRepository } from './ledger-day';

/** The station's non-cash day (WeChat Pay orders, functions/data/non-cash-ledger-repository.ts). */
export interface NonCashDayReader {
  nonCashDay(stationId: string, date: string): Promise<NonCashTotals>;
}

export interface LedgerDeps {
  ledger: LedgerRepository;
  stations: Pick<StationRepository, 'getById' | 'listInRegion'>;
  audit?: AuditSink;
  now?: () => Date;
}

const today = (deps: Pick<LedgerDeps, 'now'>) => businessDay(deps.now?.() ?? new Date());

export async function stationLedger(
  deps: LedgerDeps & { nonCash: NonCashDayReader },
  caller: Caller,
  stationId: string,
  query: PageRequest & { date?: string },
): Promise<LedgerResponse> {
  const station = await managedStation(deps.stations, caller, stationId);
  const date = query.date ?? today(deps);
  if (date > today(deps)) throw invalidField('query.date', 'is in the future');
  const [day, page, nonCash] = await Promise.all([
    deps.ledger.getDay(station.id, date),
    deps.ledger.listEntries(station.id, date, { limit: query.limit, cursor: query.cursor }),
    deps.nonCash.nonCashDay(station.id, date),
  ]);
  return {
    stationId: station.id,
    date,
    status: day.status,
    totals: toTotals(day),
    nonCash,
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

export async function closeDay(
  deps: LedgerDeps,
  caller: Caller,
  stationId: string,
  input: { date: string; countedCashFen: number; note?: string },
): Promise<Reconciliation> {
  const station = await managedStation(deps.stations, caller, stationId);
  if (input.date > today(deps)) throw invalidField('body.date', 'is in the future: a day closes at its end, or later');
  // Audited (functions/domain/audit.ts): the counted cash and CLOSED, or what refused the close.
  return audited(
    deps.audit,
    { action: 'day.close', callerId: caller.userId, stationId: station.id, closeId: `${station.id}#${input.date}`, amountFen: input.countedCashFen },
    async () => {
      const day = await deps.ledger.closeDay({
        station,
        date: input.date,
        countedCashFen: input.countedCashFen,
        note: input.note ? input.note : null,
        closedBy: caller.userId,
        at: (deps.now?.() ?? new Date()).toISOString(),
      });
      return toReconciliation(day, station);
    },
    () => ({ outcome: 'CLOSED' }),
  );
}

/** A station's closed days, newest first. */
export async function stationCloses(deps: LedgerDeps, caller: Caller, stationId: string, page: PageRequest) {
  const station = await managedStation(deps.stations, caller, stationId);
  const closes = await deps.ledger.listStationCloses(station.id, { limit: page.limit, cursor: page.cursor });
  return { items: closes.items.map((day) => toReconciliation(day, station)), nextCursor: closes.nextCursor };
}

/**
 * A region's business day, station by station, with the whole region's summary (its counters, one
 * read, not a sum over the page shown):
 *   every station (a page at a time, division-code order): one Query for the stations and one
 *     BatchGet for their day items, so the stations that have not closed show up too;
 *   `status=CLOSED`: only the stations that closed, from the closes index (one Query);
 *   `status=UNCLOSED` / `VARIANCE`: the stations flagged so (one Query, one BatchGet).
 */
export async function regionDays(
  deps: LedgerDeps,
  caller: Caller,
  regionCode: string,
  query: PageRequest & { date: string; status?: RegionDayFilter },
): Promise<RegionDaysPage> {
  assertRegionWithin(caller, regionCode);
  if (query.date > today(deps)) throw invalidField('query.date', 'is in the future');
  const page = { limit: query.limit, cursor: query.cursor };
  const [listed, counters] = await Promise.all([
    listRegionDays(deps, regionCode, query.date, page, query.status),
    deps.ledger.regionCounters(regionCode, query.date),
  ]);
  return {
    ...listed,
    summary: {
      tookPayments: counters.tookPayments,
      closed: counters.closed,
      unclosed: Math.max(0, counters.tookPayments - counters.closedAfterPayments),
      withVariance: counters.withVariance,
    },
  };
}

async function listRegionDays(deps: LedgerDeps, regionCode: string, date: string, page: PageRequest, status?: RegionDayFilter) {
  if (status === 'CLOSED') {
    const closes = await deps.ledger.listRegionCloses(regionCode, date, page);
    return { items: closes.items.map((day) => ({ ...toReconciliation(day), status: 'CLOSED' as const })), nextCursor: closes.nextCursor };
  }
  if (status) {
    const flagged = await deps.ledger.listFlaggedDays(status, regionCode, date, page);
    return {
      items: flagged.items.map((day) => ({
        stationId: day.stationId,
        stationCode: day.stationCode ?? '',
        villageName: day.villageName ?? '',
        date,
        status: day.status === 'CLOSED' ? ('CLOSED' as const) : ('OPEN' as const),
        totals: toTotals(day),
        close: day.close,
      })),
      nextCursor: flagged.nextCursor,
    };
  }
  const stations = await deps.stations.listInRegion(regionCode, page);
  const days = await deps.ledger.getDays(
    stations.items.map((s) => s.id),
    date,
  );
  return {
    items: stations.items.map((station, i): StationDay => {
      const day = days[i];
      const idle = day.status === 'OPEN' && day.paymentCount === 0 && day.processingCount === 0 && day.limitUsedFen === 0;
      return {
        stationId: station.id,
        stationCode: station.code,
        villageName: station.villageName,
        date,
        status: day.status === 'CLOSED' ? 'CLOSED' : idle ? 'IDLE' : 'OPEN',
        totals: toTotals(day),
        close: day.close,
      };
    }),
    nextCursor: stations.nextCursor,
  };
}
