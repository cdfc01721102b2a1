import type * as z from 'zod/mini';
import type {
  AckRatesResponse,
  FeedAckResponse,
  MyFeedAckResponse,
  FeedCategory,
  FeedItem,
  FeedSummary,
  InformedResponse,
  StationAcksResponse,
} from '@shared/schemas/feeds';
import { request } from './api-client';
import { feedLang } from './api-main';

/**
 * The information feed's endpoints (公益服务) for the subpackages that read it: the feed and an item
 * (packages/feed), who at a station has acknowledged an alert (officer), the rates per station
 * (admin). The station page's latest three come from api-main.ts (getLatestFeeds).
 */

export type FeedPage = { items: FeedSummary[]; nextCursor: string | null };
export type FeedCategoryTab = { key: FeedCategory; name: string; nameBo: string };
export type StationAcks = z.infer<typeof StationAcksResponse>;
export type HouseholdAck = StationAcks['items'][number];
export type AckRatesPage = z.infer<typeof AckRatesResponse>;
export type StationAckRate = AckRatesPage['items'][number];
export type Informed = z.infer<typeof InformedResponse>;
export type InformedHow = Informed['how'];

const feedPath = (id: string, rest = '') => `/feeds/${encodeURIComponent(id)}${rest}`;

/** `GET /feed-categories`: the feed's tabs. */
export function getFeedCategories(): Promise<{ items: FeedCategoryTab[] }> {
  return request<{ items: FeedCategoryTab[] }>('/feed-categories', { auth: false });
}

/** `GET /feeds?region=&category=`: what a place sees, pinned alerts first on the first page, then newest first. */
export function listFeeds(region: string, options: { category?: FeedCategory; cursor?: string; limit?: number } = {}): Promise<FeedPage> {
  return request<FeedPage>('/feeds', {
    query: { region, category: options.category, lang: feedLang(), limit: options.limit, cursor: options.cursor },
    auth: false,
  });
}

/** `GET /regions/{code}/ack-alerts`: the alerts asking for 收到 that reach into an admin's region (targeted inside it, at it or above), newest first. */
export function listRegionAckAlerts(code: string, options: { cursor?: string; limit?: number } = {}): Promise<FeedPage> {
  return request<FeedPage>(`/regions/${encodeURIComponent(code)}/ack-alerts`, { query: { cursor: options.cursor, limit: options.limit } });
}

/** `GET /feeds/{id}`: one published item, its body and images (404 once retracted or expired). */
export function getFeedItem(id: string): Promise<FeedItem> {
  return request<FeedItem>(feedPath(id), { query: { lang: feedLang() }, auth: false });
}

/** `POST /feeds/{id}/ack`: 收到, for the caller's household (once; asking again answers the first time). */
export function ackFeed(id: string): Promise<z.infer<typeof FeedAckResponse>> {
  return request<z.infer<typeof FeedAckResponse>>(feedPath(id, '/ack'), { method: 'POST' });
}

/** `GET /feeds/{id}/ack`: whether the caller's household acknowledged already (or was told by the officer). */
export function getMyFeedAck(id: string): Promise<z.infer<typeof MyFeedAckResponse>> {
  return request<z.infer<typeof MyFeedAckResponse>>(feedPath(id, '/ack'));
}

const stationFeedPath = (stationId: string, id: string, rest: string) => `/stations/${encodeURIComponent(stationId)}${feedPath(id, rest)}`;

/** `GET /stations/{stationId}/feeds/{id}/acks`: the station's households with their ack or how they were told, and the totals. */
export function getStationFeedAcks(stationId: string, id: string, cursor?: string): Promise<StationAcks> {
  return request<StationAcks>(stationFeedPath(stationId, id, '/acks'), { query: { cursor } });
}

/** `POST /stations/{stationId}/feeds/{id}/informed`: the officer told the household by phone or in person (409 when it acknowledged meanwhile). Sent through the officer's offline queue (hooks/use-informed-marks.ts). */
export const informedPath = (stationId: string, id: string) => stationFeedPath(stationId, id, '/informed');

/** `GET /regions/{code}/feeds/{id}/ack-rates`: per station the item reaches in the region, households, acked, informed. */
export function getAckRates(code: string, id: string, cursor?: string): Promise<AckRatesPage> {
  return request<AckRatesPage>(`/regions/${encodeURIComponent(code)}${feedPath(id, '/ack-rates')}`, { query: { cursor } });
}
