/**
 * A station's business day in the cash book: its lines (a PAYMENT entry when a payment succeeds, a
 * VOID entry when it is voided), its running totals, and its close (counted cash, variance). A
 * closed day never changes.
 */
import type { BillType, Reconciliation } from '../../../shared';
import type { Page, PageRequest } from '../page';

/** A ledger line as stored. */
export interface LedgerEntryRecord {
  id: string;
  kind: 'PAYMENT' | 'VOID';
  stationId: string;
  date: string;
  paymentId: string;
  receiptNo: string;
  billType: BillType;
  cashFen: number;
  commissionFen: number;
  at: string;
  officerId: string;
  reason: string | null;
}

/** The running totals of one station's business day, with its close once it has one. */
export interface LedgerDay {
  stationId: string;
  date: string;
  status: 'OPEN' | 'CLOSED';
  cashInFen: number;
  voidedFen: number;
  expectedCashFen: number;
  commissionFen: number;
  commissionByBillType: Partial<Record<BillType, number>>;
  paymentCount: number;
  voidCount: number;
  processingCount: number;
  limitUsedFen: number;
  close: { countedCashFen: number; varianceFen: number; closedAt: string; closedBy: string; note: string | null } | null;
  stationCode?: string;
  villageName?: string;
}

export const emptyDay = (stationId: string, date: string): LedgerDay => ({
  stationId,
  date,
  status: 'OPEN',
  cashInFen: 0,
  voidedFen: 0,
  expectedCashFen: 0,
  commissionFen: 0,
  commissionByBillType: {},
  paymentCount: 0,
  voidCount: 0,
  processingCount: 0,
  limitUsedFen: 0,
  close: null,
});

/** A close as asked for: the station (its identity is kept on the day), the day and the cash counted. */
export interface DayCloseRequest {
  station: { id: string; code: string; villageCode: string; villageName: string };
  date: string;
  countedCashFen: number;
  note: string | null;
  closedBy: string;
  at: string;
}

/** Where ledger days and entries are kept (functions/data implements it); payments move them in their own transactions. */
/** A region's business day counted at its level (functions/data/region-day-counters.ts). */
export interface RegionDayCounters {
  tookPayments: number;
  closed: number;
  closedAfterPayments: number;
  withVariance: number;
}

export interface LedgerRepository {
  getDay(stationId: string, date: string): Promise<LedgerDay>;
  /** The days of many stations for one date, in the order asked; a day nothing happened on is empty. */
  getDays(stationIds: string[], date: string): Promise<LedgerDay[]>;
  /** The day's lines, oldest first. */
  listEntries(stationId: string, date: string, page: PageRequest): Promise<Page<LedgerEntryRecord>>;
  /** OPEN -> CLOSED while the station has no payment in flight; throws DAY_CLOSED / CONFLICT. */
  closeDay(request: DayCloseRequest): Promise<LedgerDay>;
  /** A station's closed days, newest first. */
  listStationCloses(stationId: string, page: PageRequest): Promise<Page<LedgerDay>>;
  /** Every close of one date inside a region. */
  listRegionCloses(regionCode: string, date: string, page: PageRequest): Promise<Page<LedgerDay>>;
  /** The region's counters of one date (one read, whatever the region's size). */
  regionCounters(regionCode: string, date: string): Promise<RegionDayCounters>;
  /** The days of a region's stations flagged on a date: took payments and not closed, or closed with a variance. */
  listFlaggedDays(flag: 'UNCLOSED' | 'VARIANCE', regionCode: string, date: string, page: PageRequest): Promise<Page<LedgerDay>>;
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
