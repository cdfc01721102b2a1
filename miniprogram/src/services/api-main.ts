import type { AccountCodeResponse, LoginResponse, MeResponse } from '@shared/schemas/accounts';
import type { FeedLang, FeedSummary } from '@shared/schemas/feeds';
import type { StationProfile } from '@shared/schemas/stations';
import { request } from './api-client';
import { getLocale } from '../i18n';
import { clearSession, saveSession } from './session';

/**
 * The endpoints the main package's pages call (home, station) and 我的 (packages/me): a station by its code, signing
 * in and out, "me", the home station, a station's phone. Everything else is in api.ts, which only
 * subpackage code imports (tests/unit/miniprogram/main-package.test.ts keeps it that way).
 */

/** `GET /stations/by-code/{code}`: a station's public profile (404 NOT_FOUND, 400 VALIDATION_FAILED). */
export function getStationByCode(code: string): Promise<StationProfile> {
  return request<StationProfile>(`/stations/by-code/${encodeURIComponent(code)}`, { auth: false });
}

/**
 * `POST /auth/login`: a `wx.login` code (or `dev:<openid>` on a local stage) for a session, which
 * is stored. 401 bad or used code, 403 blocked account, 429, 503 WeChat unreachable.
 */
export async function signIn(code: string): Promise<LoginResponse> {
  const answer = await request<LoginResponse>('/auth/login', { method: 'POST', body: { code }, auth: false });
  saveSession(answer);
  return answer;
}

/** Forgets the session. Tokens are stateless on the server: there is nothing to call. */
export function signOut(): void {
  clearSession();
}

/** `GET /me`: the signed-in user with their role as the server sees it now, and their station or region. */
export function getMe(): Promise<MeResponse> {
  return request<MeResponse>('/me');
}

/** `PUT /me/home-station`: the station a villager belongs to; answers the updated "me". */
export function setHomeStation(stationId: string): Promise<MeResponse> {
  return request<MeResponse>('/me/home-station', { method: 'PUT', body: { stationId } });
}

/** `GET /stations/{stationId}/phone`: the full number (signed in; 20 an hour; 404 when there is none). */
export function getStationPhone(stationId: string): Promise<{ phone: string }> {
  return request<{ phone: string }>(`/stations/${encodeURIComponent(stationId)}/phone`);
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

/** Who an admin appoints: by their user id, or by the account code they show from "me". */
export type PersonRef = { userId: string } | { accountCode: string };

/** `POST /me/account-code`: a one-time code (digits and QR image) to show an admin who appoints you. */
export function createAccountCode(): Promise<AccountCodeResponse> {
  return request<AccountCodeResponse>('/me/account-code', { method: 'POST' });
}
