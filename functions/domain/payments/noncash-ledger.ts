/**
 * The station's non-cash ledger (WeChat Pay: paid orders, bills paid through a pay link), per
 * Asia/Shanghai business day and apart from the cash day: a callback at any hour never touches a
 * closed cash day, and the officer counts cash against the cash ledger alone.
 */
import type { NonCashLedgerResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { businessDay } from '../stations/opening-hours';
import type { StationRepository } from '../stations/station';
import { managedStation } from '../stations/station-access';

export interface NonCashLedgerRepository {
  day(stationId: string, date: string): Promise<{ count: number; totalFen: number; lines: NonCashLedgerResponse['items'] }>;
}

export async function stationNonCashLedger(
  deps: { ledger: NonCashLedgerRepository; stations: Pick<StationRepository, 'getById'>; now?: () => Date },
  caller: Caller,
  stationId: string,
  query: { date?: string },
): Promise<NonCashLedgerResponse> {
  const station = await managedStation(deps.stations, caller, stationId);
  const date = query.date ?? businessDay(deps.now?.() ?? new Date());
  const day = await deps.ledger.day(station.id, date);
  return { date, count: day.count, totalFen: day.totalFen, items: day.lines };
}
