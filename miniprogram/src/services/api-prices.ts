import type * as z from 'zod/mini';
import type {
  Market,
  MarkReportRequest,
  PriceOverview,
  PriceReport,
  PriceReportPage,
  PriceReportRequest,
  PriceSeries,
  Product,
} from '@shared/schemas/prices';
import { request } from './api-client';

/**
 * Market prices' endpoints (公益服务 市场行情) for the subpackages: the overview and a series (the
 * prices subpackage, anyone), 报价格 (officer), a market's reports and their marks (admin).
 */

export type { Market, PriceReport, PriceSeries, Product };
export type Overview = z.infer<typeof PriceOverview>;
export type OverviewRow = Overview['items'][number];
export type ReportPage = z.infer<typeof PriceReportPage>;

/** `GET /price-products`: every product with its unit (retired ones too: `active` tells). */
export function listPriceProducts(): Promise<{ items: Product[]; nextCursor: string | null }> {
  return request<{ items: Product[]; nextCursor: string | null }>('/price-products', { auth: false });
}

/** `GET /price-markets?region=`: the markets inside a region (all of them without one). */
export function listPriceMarkets(region?: string): Promise<{ items: Market[]; nextCursor: string | null }> {
  return request<{ items: Market[]; nextCursor: string | null }>('/price-markets', { query: { region }, auth: false });
}

/** `GET /market-prices?product=&region=`: the product's latest price at every active market of the region. */
export function getMarketPrices(product: string, region?: string): Promise<Overview> {
  return request<Overview>('/market-prices', { query: { product, region }, auth: false });
}

/** `GET /market-prices/{productId}/{marketId}?from=&to=`: the daily series as compact arrays with its figures. */
export function getPriceSeries(productId: string, marketId: string, range: { from?: string; to?: string } = {}): Promise<PriceSeries> {
  const path = `/market-prices/${encodeURIComponent(productId)}/${encodeURIComponent(marketId)}`;
  return request<PriceSeries>(path, { query: { from: range.from, to: range.to }, auth: false });
}

/** `POST /price-reports` with the attempt's `Idempotency-Key`: every retry of one report carries the same key. */
export function reportPrice(body: PriceReportRequest, idempotencyKey: string): Promise<PriceReport> {
  return request<PriceReport>('/price-reports', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** `GET /price-markets/{marketId}/reports?product=`: a market's reports of one product, newest first (admins over its region). */
export function listMarketReports(marketId: string, product: string, cursor?: string): Promise<ReportPage> {
  return request<ReportPage>(`/price-markets/${encodeURIComponent(marketId)}/reports`, { query: { product, cursor, limit: 50 } });
}

/** `PUT /price-reports/{id}/wrong`: mark a report wrong (it leaves the series) or undo it. */
export function markPriceReport(reportId: string, body: MarkReportRequest): Promise<PriceReport> {
  return request<PriceReport>(`/price-reports/${encodeURIComponent(reportId)}/wrong`, { method: 'PUT', body });
}
