/**
 * Reading prices: a product's series at one market (public), the latest per market of a region
 * (public), and a market's individual reports (admins over it, to find outliers).
 */
import { PRICE_SERIES_MAX_DAYS, type PriceSeries } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { invalidField, notFound } from '../errors';
import type { PageRequest } from '../page';
import { businessDay } from '../stations/opening-hours';
import { keepsMarket } from './catalogue';
import { addDays, daysBetween, figuresOf, priceOf, type DayPoint, type PriceCatalogueRepository, type PriceReportRepository } from './price';
import { toReportView } from './report-price';

export interface PriceReadDeps {
  catalogue: Pick<PriceCatalogueRepository, 'all' | 'pair' | 'getMarket'>;
  reports: Pick<PriceReportRepository, 'days' | 'reports'>;
  now?: () => Date;
}

/** The overview shows the latest price of the last 60 days per market (and its week and month changes). */
export const OVERVIEW_DAYS = 60;

/** `from`..`to` (inclusive), by default the year up to today; 400 when reversed or longer than PRICE_SERIES_MAX_DAYS. */
function rangeOf(deps: Pick<PriceReadDeps, 'now'>, query: { from?: string; to?: string }) {
  const to = query.to ?? businessDay(deps.now?.() ?? new Date());
  const from = query.from ?? addDays(to, -364);
  if (from > to) throw invalidField('query.from', 'is after `to`');
  if (daysBetween(from, to) + 1 > PRICE_SERIES_MAX_DAYS) throw invalidField('query.from', `makes a range over ${PRICE_SERIES_MAX_DAYS} days`);
  return { from, to };
}

const pointsOf = (days: DayPoint[]) => days.filter((d) => d.count > 0).map((d) => ({ date: d.date, priceFen: priceOf(d), count: d.count }));

/**
 * A product's daily series at one market: the catalogue pair (one BatchGet) and the days (ONE Query,
 * at most PRICE_SERIES_MAX_DAYS items whatever the number of reports), figures computed from them.
 */
export async function priceSeries(
  deps: PriceReadDeps,
  productId: string,
  marketId: string,
  query: { from?: string; to?: string },
): Promise<PriceSeries> {
  const { from, to } = rangeOf(deps, query);
  const [{ product, market }, days] = await Promise.all([deps.catalogue.pair(productId, marketId), deps.reports.days(productId, marketId, from, to)]);
  if (!product) throw notFound('Product');
  if (!market) throw notFound('Market');
  const points = pointsOf(days);
  return {
    productId,
    marketId,
    unit: product.unit,
    from,
    to,
    days: points.map((p) => daysBetween(from, p.date)),
    pricesFen: points.map((p) => p.priceFen),
    reports: points.map((p) => p.count),
    ...figuresOf(points),
  };
}

/**
 * The latest price of a product at every active market of a region: one Query for the catalogue and
 * one per market (its last OVERVIEW_DAYS days, run together); markets are a short list admins keep.
 */
export async function priceOverview(deps: PriceReadDeps, query: { product: string; region: string }) {
  const { products, markets } = await deps.catalogue.all();
  const product = products.find((p) => p.id === query.product);
  if (!product) throw notFound('Product');
  const inRegion = markets
    .filter((m) => m.active && m.regionCode.startsWith(query.region))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN'));
  const today = businessDay(deps.now?.() ?? new Date());
  const from = addDays(today, -(OVERVIEW_DAYS - 1));
  const series = await Promise.all(inRegion.map((m) => deps.reports.days(product.id, m.id, from, today)));
  return {
    productId: product.id,
    unit: product.unit,
    items: inRegion.map((m, i) => ({ marketId: m.id, marketName: m.name, regionCode: m.regionCode, ...figuresOf(pointsOf(series[i])) })),
    nextCursor: null,
  };
}

/** A market's reports of a product, newest first, for the admins who judge them. */
export async function marketReports(
  deps: PriceReadDeps,
  caller: Caller,
  marketId: string,
  query: { product: string; from?: string; to?: string } & PageRequest,
) {
  const market = await deps.catalogue.getMarket(marketId);
  if (!market || !keepsMarket(caller, market.regionCode)) throw notFound('Market');
  const { from, to } = rangeOf(deps, query);
  const page = await deps.reports.reports(market.id, query.product, from, to, query);
  return { items: page.items.map(toReportView), nextCursor: page.nextCursor };
}
