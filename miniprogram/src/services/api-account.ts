import type { AccountCodeResponse, LoginResponse, MeResponse } from '@shared/schemas/accounts';
import { request } from './api-client';
import { clearSession, saveSession } from './session';

/**
 * The account's endpoints: signing in and out, "me", the home station, a station's full phone number,
 * the account code. 我的 (packages/me), the station's details (packages/station) and the role gates
 * of other subpackages call them; the main package's pages do not (they keep to api-main.ts).
 */

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

/** Who an admin appoints: by their user id, or by the account code they show from "me". */
export type PersonRef = { userId: string } | { accountCode: string };

/** `POST /me/account-code`: a one-time code (digits and QR image) to show an admin who appoints you. */
export function createAccountCode(): Promise<AccountCodeResponse> {
  return request<AccountCodeResponse>('/me/account-code', { method: 'POST' });
}
