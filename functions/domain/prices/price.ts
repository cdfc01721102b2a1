/**
 * Market prices: the catalogue admins keep (products, markets), the reports officers send and the
 * daily series everyone reads.
 *
 *   report (officer) ──> VALID ──mark wrong (admin over the market's region)──> WRONG
 *                          ^                                                   │
 *                          └────────────── unmark (same admins) ───────────────┘
 *
 * A day's point is the mean of its VALID reports. It is kept as a sum and a count on one item per
 * product, market and day, moved in the same transaction as the report's write or mark, so the series
 * never disagrees with the reports and a year is read as at most 366 items with one Query.
 */
import type { MarketUpdateRequest, PriceUnit, ProductUpdateRequest } from '../../../shared';
import type { Page, PageRequest } from '../page';

export interface CatalogueChange {
  action: 'created' | 'renamed' | 'retired' | 'restored';
  /** The name after the change. */
  name: string;
  at: string;
  byUserId: string;
  byRole: string;
}

export interface ProductRecord {
  id: string;
  name: string;
  unit: PriceUnit;
  active: boolean;
  history: CatalogueChange[];
  createdAt: string;
  updatedAt: string;
}

export interface MarketRecord {
  id: string;
  name: string;
  /** The county or township the market is in: admins over it keep the market and judge its reports. */
  regionCode: string;
  active: boolean;
  history: CatalogueChange[];
  createdAt: string;
  updatedAt: string;
}

export interface ReportMark {
  wrong: boolean;
  reason: string | null;
  at: string;
  byUserId: string;
  byRole: string;
}

export interface PriceReportRecord {
  id: string;
  productId: string;
  marketId: string;
  /** The market's region when reported: who may judge the report. */
  regionCode: string;
  date: string;
  unit: PriceUnit;
  priceFen: number;
  officerId: string;
  stationId: string;
  status: 'VALID' | 'WRONG';
  marks: ReportMark[];
  createdAt: string;
}

/** One day of a series: the sum and count of its valid reports. */
export interface DayPoint {
  date: string;
  sumFen: number;
  count: number;
}

export interface PriceCatalogueRepository {
  /** The whole catalogue, one Query (a few dozen items). */
  all(): Promise<{ products: ProductRecord[]; markets: MarketRecord[] }>;
  /** A product and a market, one BatchGet; null for either that does not exist. */
  pair(productId: string, marketId: string): Promise<{ product: ProductRecord | null; market: MarketRecord | null }>;
  getProduct(id: string): Promise<ProductRecord | null>;
  getMarket(id: string): Promise<MarketRecord | null>;
  /** Conditional on the id being free; false when it is taken. */
  createProduct(product: ProductRecord): Promise<boolean>;
  createMarket(market: MarketRecord): Promise<boolean>;
  /**
   * Renames and/or retires or restores in one conditional write (on `active` being the opposite of
   * the change, when there is one); appends `changes` to the history. Null when the condition failed.
   */
  updateProduct(id: string, set: ProductUpdateRequest, changes: CatalogueChange[]): Promise<ProductRecord | null>;
  updateMarket(id: string, set: MarketUpdateRequest, changes: CatalogueChange[]): Promise<MarketRecord | null>;
}

export interface PriceReportRepository {
  /** The report and its day's sum and count, one transaction; `exists` when a report of that id is stored already. */
  record(report: PriceReportRecord): Promise<'stored' | 'exists'>;
  get(id: string): Promise<PriceReportRecord | null>;
  /**
   * Marks (wrong) or unmarks the report and moves its day's sum and count, one transaction conditional
   * on the report's current status; null when it was already in that status.
   */
  mark(report: PriceReportRecord, mark: ReportMark): Promise<PriceReportRecord | null>;
  /** The days of a series from `from` to `to` (inclusive), oldest first: ONE Query, at most PRICE_SERIES_MAX_DAYS items. */
  days(productId: string, marketId: string, from: string, to: string): Promise<DayPoint[]>;
  /** A market's reports of a product between two dates, newest first, valid and wrong. */
  reports(marketId: string, productId: string, from: string, to: string, page: PageRequest): Promise<Page<PriceReportRecord>>;
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A day's price: the mean of its valid reports, rounded to the fen. */
export const priceOf = (day: DayPoint) => Math.round(day.sumFen / day.count);

export interface Change {
  sinceDate: string;
  fromFen: number;
  diffFen: number;
  /** Percent, one decimal. */
  pct: number;
}

/** Latest, min, max and the change since a week and a month (30 days) before the latest day, from points oldest first. */
export function figuresOf(points: Array<{ date: string; priceFen: number }>) {
  if (points.length === 0) return { latest: null, minFen: null, maxFen: null, weekChange: null, monthChange: null };
  const latest = points[points.length - 1];
  const since = (days: number): Change | null => {
    const cutoff = addDays(latest.date, -days);
    // The last point on or before the cutoff: "a week ago" is the price known then.
    let base: { date: string; priceFen: number } | undefined;
    for (const point of points) {
      if (point.date > cutoff) break;
      base = point;
    }
    if (!base) return null;
    const diffFen = latest.priceFen - base.priceFen;
    return { sinceDate: base.date, fromFen: base.priceFen, diffFen, pct: Math.round((diffFen / base.priceFen) * 1000) / 10 };
  };
  const prices = points.map((p) => p.priceFen);
  return {
    latest: { date: latest.date, priceFen: latest.priceFen },
    minFen: Math.min(...prices),
    maxFen: Math.max(...prices),
    weekChange: since(7),
    monthChange: since(30),
  };
}

/** The last characters of a user id: enough to tell two admins apart, never the id itself (AZ5). */
export const idTail = (userId: string) => userId.slice(-4);
