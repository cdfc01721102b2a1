import type { FeedLang, FeedSummary } from '@shared/schemas/feeds';
import type { StationProfile } from '@shared/schemas/stations';
import { request } from './api-client';
import { getLocale } from '../i18n';

/**
 * The endpoints the main package's pages call (home, station): a station by its code and its latest
 * feed items. The account's (sign-in, "me", the home station, a station's phone) are in
 * api-account.ts, everything else in api.ts: only subpackage code imports those
 * (tests/unit/miniprogram/main-package.test.ts keeps it that way).
 */

/** `GET /stations/by-code/{code}`: a station's public profile (404 NOT_FOUND, 400 VALIDATION_FAILED). */
export function getStationByCode(code: string): Promise<StationProfile> {
  return request<StationProfile>(`/stations/by-code/${encodeURIComponent(code)}`, { auth: false });
}

/**
 * The feed language of the reader's locale: the API answers each item in it when the item has that
 * version, else in Chinese. Only Chinese exists in the app so far; Tibetan (`bo`) readers come next.
 */
export function feedLang(): FeedLang {
  return getLocale().startsWith('bo') ? 'bo' : 'zh';
}

/** `GET /feeds?region=&limit=`: the newest items a place sees (pinned alerts first); the station page shows three. */
export function getLatestFeeds(region: string, limit: number): Promise<{ items: FeedSummary[]; nextCursor: string | null }> {
  return request<{ items: FeedSummary[]; nextCursor: string | null }>('/feeds', { query: { region, limit, lang: feedLang() }, auth: false });
}
