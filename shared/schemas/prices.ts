/**
 * Market prices (公益服务, issue 12): a catalogue of products and markets that admins keep, prices
 * officers report (integer fen per the product's unit), and the series anyone reads per product and
 * market (one point per day: the mean of that day's valid reports).
 */
import * as z from 'zod/mini';
import { cursor, freeText, pageLimit, pageOf } from './common';
import { businessDate } from './payments';
import { regionCode } from './regions';

/** Units a price is quoted in: per head (活畜), per jin (斤, 500 g) or per kilogram. */
export const PRICE_UNITS = ['head', 'jin', 'kg'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];
export const PRICE_UNIT_NAMES: Record<PriceUnit, string> = { head: '头', jin: '斤', kg: '公斤' };

/** A report is dated on a business day from this many days ago up to today (an offline queue may replay late). */
export const PRICE_REPORT_MAX_AGE_DAYS = 30;
/** A series read covers at most two years (731 daily points: one Query, far under DynamoDB's 1 MB page). */
export const PRICE_SERIES_MAX_DAYS = 731;
/** A price above 1,000,000 yuan per unit is a typing error, never a market price. */
export const PRICE_MAX_FEN = 100_000_000;

const catalogueId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9a-z-]+$/, 'must be a catalogue id'));
export const productId = catalogueId;
export const marketId = catalogueId;
export const priceReportId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be a report id'));

export const ProductParams = z.strictObject({ productId });
export const MarketParams = z.strictObject({ marketId });
export const SeriesParams = z.strictObject({ productId, marketId });
export const PriceReportParams = z.strictObject({ reportId: priceReportId });

export const ProductCreateRequest = z.strictObject({ name: freeText(1, 30), unit: z.enum(PRICE_UNITS) });
/** Rename, retire (`active: false`) or bring back; the unit never changes (the series would mix units). */
export const ProductUpdateRequest = z.strictObject({ name: z.optional(freeText(1, 30)), active: z.optional(z.boolean()) });
/** A market at a named place inside a county or township (`regionCode` of 6 or 9 digits). */
export const MarketCreateRequest = z.strictObject({ name: freeText(1, 30), regionCode });
export const MarketUpdateRequest = z.strictObject({ name: z.optional(freeText(1, 30)), active: z.optional(z.boolean()) });
export type ProductUpdateRequest = z.infer<typeof ProductUpdateRequest>;
export type MarketUpdateRequest = z.infer<typeof MarketUpdateRequest>;

const CatalogueChange = z.object({
  action: z.enum(['created', 'renamed', 'retired', 'restored']),
  name: z.string(),
  at: z.string(),
  /** Who, as the role they acted in and the last characters of their id (never a full user id: AZ5). */
  byRole: z.string(),
  byIdTail: z.string(),
});
export const Product = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.enum(PRICE_UNITS),
  unitName: z.string(),
  active: z.boolean(),
  history: z.array(CatalogueChange),
});
export type Product = z.infer<typeof Product>;
export const Market = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  active: z.boolean(),
  history: z.array(CatalogueChange),
});
export type Market = z.infer<typeof Market>;
export const ProductList = pageOf(Product);
export const MarketList = pageOf(Market);
export const MarketListQuery = z.strictObject({ region: z.optional(regionCode) });

export const PriceReportRequest = z.strictObject({
  productId,
  marketId,
  date: businessDate,
  priceFen: z.number().check(z.int(), z.gte(1), z.lte(PRICE_MAX_FEN)),
});
export type PriceReportRequest = z.infer<typeof PriceReportRequest>;

export const PriceReport = z.object({
  id: z.string(),
  productId: z.string(),
  marketId: z.string(),
  date: z.string(),
  unit: z.enum(PRICE_UNITS),
  priceFen: z.number(),
  stationId: z.string(),
  status: z.enum(['VALID', 'WRONG']),
  /** Every mark and unmark, oldest first: who (by role), when, why. */
  marks: z.array(z.object({ wrong: z.boolean(), reason: z.nullable(z.string()), at: z.string(), byRole: z.string(), byIdTail: z.string() })),
  createdAt: z.string(),
});
export type PriceReport = z.infer<typeof PriceReport>;
export const PriceReportPage = pageOf(PriceReport);
export const MarkReportRequest = z.strictObject({ wrong: z.boolean(), reason: z.optional(freeText(1, 200)) });
export type MarkReportRequest = z.infer<typeof MarkReportRequest>;

export const SeriesQuery = z.strictObject({ from: z.optional(businessDate), to: z.optional(businessDate) });
export const MarketReportsQuery = z.strictObject({
  product: productId,
  from: z.optional(businessDate),
  to: z.optional(businessDate),
  limit: pageLimit,
  cursor: z.optional(cursor),
});
export const OverviewQuery = z.strictObject({ product: productId, region: z._default(regionCode, '63') });

/** Figures of a series: latest day, min and max of the range, change against a week and a month before the latest day. */
const Change = z.nullable(z.object({ sinceDate: z.string(), fromFen: z.number(), diffFen: z.number(), pct: z.number() }));
const Figures = {
  latest: z.nullable(z.object({ date: z.string(), priceFen: z.number() })),
  minFen: z.nullable(z.number()),
  maxFen: z.nullable(z.number()),
  weekChange: Change,
  monthChange: Change,
};

/**
 * A compact series: `days[i]` is the day offset from `from` of the i-th point and `pricesFen[i]` its
 * price (the day's mean of valid reports, rounded to a fen); `reports[i]` how many reports it averages.
 */
export const PriceSeries = z.object({
  productId: z.string(),
  marketId: z.string(),
  unit: z.enum(PRICE_UNITS),
  from: z.string(),
  to: z.string(),
  days: z.array(z.number()),
  pricesFen: z.array(z.number()),
  reports: z.array(z.number()),
  ...Figures,
});
export type PriceSeries = z.infer<typeof PriceSeries>;

export const PriceOverview = z.object({
  productId: z.string(),
  unit: z.enum(PRICE_UNITS),
  /** Each active market of the region with its latest price of the last 60 days (null when none). */
  items: z.array(z.object({ marketId: z.string(), marketName: z.string(), regionCode: z.string(), ...Figures })),
  nextCursor: z.null(),
});
