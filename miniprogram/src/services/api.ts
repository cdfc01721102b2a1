import Taro from '@tarojs/taro';
import type { ErrorCode } from '@shared/errors';
import type { AccountCodeResponse, LoginResponse, MeResponse, StationOfficersResponse, UserProfile } from '@shared/schemas/accounts';
import type { Household, HouseholdCreateRequest } from '@shared/schemas/households';
import type {
  AccountKind,
  BillLookupResponse,
  BillProviderMode,
  BillType,
  LedgerResponse,
  Payment,
  PaymentCreateRequest,
  Reconciliation,
  RegionDayFilter,
  RegionDaySummary,
  StationDay,
} from '@shared/schemas/payments';
import type { RegionChildrenResponse } from '@shared/schemas/regions';
import type { StationHistoryResponse, StationListResponse, StationProfile, StationUpdateRequest } from '@shared/schemas/stations';
import type * as z from 'zod/mini';
import { ApiError, type ApiErrorDetail } from './api-error';
import { clearSession, currentSession, saveSession } from './session';

export { ApiError, isApiError } from './api-error';
export type { ApiErrorDetail, ClientErrorCode } from './api-error';

/**
 * The one API client of the mini-program. Only types come from @shared (no zod in the bundle):
 * the server validates, the client trusts the contract's shapes.
 *
 * Base URL: TARO_APP_API_BASE at build time (.env.* files or the shell), else per platform:
 * H5 calls the relative `/api`, which the static web server (scripts/web-server.ts) proxies to the
 * API, so the build works on any host and port; the mini-program calls the local stack directly
 * (WeChat DevTools with "不校验合法域名").
 */
export function apiBase(): string {
  const configured = process.env.TARO_APP_API_BASE;
  if (configured) return configured.replace(/\/+$/, '');
  return process.env.TARO_ENV === 'h5' ? '/api' : 'http://127.0.0.1:3000';
}

const REQUEST_TIMEOUT_MS = 15_000;

type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /**
   * true (default): the route needs the signed-in user; the session's token goes along as
   * `Authorization: Bearer`, a call without a session fails with UNAUTHENTICATED before it is
   * sent, and a 401 answer signs the user out. false: a public route, no token is sent.
   */
  auth?: boolean;
  /** Extra headers, e.g. `Idempotency-Key` of a money-moving POST. */
  headers?: Record<string, string>;
}

function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** A code for an error answer that does not carry the contract's body (e.g. a proxy's HTML page). */
export function codeForStatus(status: number): ErrorCode | 'UNKNOWN' {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'DEPENDENCY_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

interface ErrorEnvelope {
  error: { code: string; message: string; requestId?: string; details?: unknown };
}

/** The details worth keeping: entries with a string path and message; anything else is dropped. */
function detailsOf(raw: unknown): ApiErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { path, message, code, existing } = entry as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    const found = existingOf(existing);
    return [{ path, message, ...(typeof code === 'string' ? { code } : {}), ...(found ? { existing: found } : {}) }];
  });
}

/** What a 409 ran into (a household registered already), when the server names it. */
function existingOf(raw: unknown): ApiErrorDetail['existing'] {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { id, label, phoneMasked } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || typeof label !== 'string') return undefined;
  return { id, label, phoneMasked: typeof phoneMasked === 'string' ? phoneMasked : null };
}

function isErrorEnvelope(data: unknown): data is ErrorEnvelope {
  if (typeof data !== 'object' || data === null) return false;
  const error = (data as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Maps a non-2xx answer to an ApiError, trusting the body only when it has the contract's shape. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isErrorEnvelope(data)) {
    const { code, message, requestId, details } = data.error;
    return new ApiError({
      status,
      code,
      message,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      details: detailsOf(details),
    });
  }
  return new ApiError({ status, code: codeForStatus(status), message: `HTTP ${status}` });
}

function toNetworkError(cause: unknown): ApiError {
  const detail =
    typeof cause === 'object' && cause !== null && 'errMsg' in cause
      ? String((cause as { errMsg: unknown }).errMsg)
      : cause instanceof Error
        ? cause.message
        : 'request failed';
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: detail });
}

function signedOutError(): ApiError {
  return new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: 'not signed in' });
}

/** The Bearer header of the stored session, or UNAUTHENTICATED before anything is sent. */
export function authHeader(): { Authorization: string } {
  const token = currentSession()?.token;
  if (!token) throw signedOutError();
  return { Authorization: `Bearer ${token}` };
}

/** The full URL of an API path (for downloads that do not go through `request`). */
export function apiUrl(path: string, query?: Query): string {
  return `${apiBase()}${path}${toQueryString(query)}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, auth = true, headers } = options;
  const header: Record<string, string> = { Accept: 'application/json', ...headers };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  // Read per request: the session may have expired or changed since the page was opened.
  const token = auth ? currentSession()?.token : undefined;
  if (auth && !token) throw signedOutError();
  if (token) header.Authorization = `Bearer ${token}`;
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: apiUrl(path, query),
      method,
      data: body,
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (cause) {
    throw toNetworkError(cause);
  }
  const { statusCode, data } = response;
  // The server no longer accepts this token (expired, user gone, secret rotated): sign out, so
  // every page shows the signed-out state instead of failing call after call.
  if (statusCode === 401 && token) clearSession(token);
  if (statusCode >= 200 && statusCode < 300) {
    // A 2xx whose body is not JSON (a misrouted HTML page) is not an answer of the API.
    if (statusCode !== 204 && (typeof data !== 'object' || data === null)) {
      throw new ApiError({ status: statusCode, code: 'UNKNOWN', message: 'response is not JSON' });
    }
    return data as T;
  }
  throw toApiError(statusCode, data);
}

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

/** Who an admin appoints: by their user id, or by the account code they show from "me". */
export type PersonRef = { userId: string } | { accountCode: string };

/** `POST /admin/officers`: makes the person an officer of the station (admins, within their region). */
export function appointOfficer(stationId: string, person: PersonRef): Promise<{ user: UserProfile }> {
  return request<{ user: UserProfile }>('/admin/officers', { method: 'POST', body: { stationId, ...person } });
}

/** `POST /me/account-code`: a one-time code (digits and QR image) to show an admin who appoints you. */
export function createAccountCode(): Promise<AccountCodeResponse> {
  return request<AccountCodeResponse>('/me/account-code', { method: 'POST' });
}

/** `DELETE /admin/officers/{userId}`: the officer becomes a villager again. */
export function removeOfficer(userId: string): Promise<{ user: UserProfile }> {
  return request<{ user: UserProfile }>(`/admin/officers/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

/** `GET /stations/{stationId}/officers`: the station's officers (its own officers, admins over it). */
export function getStationOfficers(stationId: string): Promise<StationOfficersResponse> {
  return request<StationOfficersResponse>(`/stations/${encodeURIComponent(stationId)}/officers`);
}

const stationPath = (stationId: string, rest = '') => `/stations/${encodeURIComponent(stationId)}${rest}`;

/** `GET /stations/{stationId}`: a station's public profile. */
export function getStationById(stationId: string): Promise<StationProfile> {
  return request<StationProfile>(stationPath(stationId), { auth: false });
}

/** `GET /regions/{code}/children`: a region, its chain (breadcrumbs) and its children with station counts. */
export function getRegionChildren(code: string): Promise<RegionChildrenResponse> {
  return request<RegionChildrenResponse>(`/regions/${encodeURIComponent(code)}/children`, { auth: false });
}

/** Exactly one of region (browse), q (search) or near (`lat,lng`, nearest first within 200 km). */
export type StationListFilter = { region: string } | { q: string } | { near: { lat: number; lng: number } };

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** Decimal degrees as the API's `near=` accepts them: at most 8 decimals (about a millimetre). */
export function nearParam(point: { lat: number; lng: number }): string {
  const fixed = (value: number) => String(Number(value.toFixed(6)));
  return `${fixed(point.lat)},${fixed(point.lng)}`;
}

/** `GET /stations?region=|q=|near=`: a page of stations (`nextCursor` null on the last one). */
export function listStations(filter: StationListFilter, page: PageRequest = {}): Promise<StationListResponse> {
  const query: Query = { limit: page.limit, cursor: page.cursor };
  if ('region' in filter) query.region = filter.region;
  else if ('q' in filter) query.q = filter.q;
  else query.near = nearParam(filter.near);
  return request<StationListResponse>('/stations', { query, auth: false });
}

/** `GET /stations/{stationId}/phone`: the full number (signed in; 20 an hour; 404 when there is none). */
export function getStationPhone(stationId: string): Promise<{ phone: string }> {
  return request<{ phone: string }>(stationPath(stationId, '/phone'));
}

/**
 * `PATCH /stations/{stationId}`: officers change location, hours and phone; admins over its region
 * also type and capabilities (403 with details for the rest, 409 when it kept changing meanwhile).
 */
export function updateStation(stationId: string, changes: StationUpdateRequest): Promise<StationProfile> {
  return request<StationProfile>(stationPath(stationId), { method: 'PATCH', body: changes });
}

/** The history schema has no exported type of its own: inferred here, types only. */
export type StationHistoryPage = z.infer<typeof StationHistoryResponse>;
export type StationChange = StationHistoryPage['items'][number];

/** `GET /stations/{stationId}/history`: who changed what, newest first. */
export function getStationHistory(stationId: string, page: PageRequest = {}): Promise<StationHistoryPage> {
  return request<StationHistoryPage>(stationPath(stationId, '/history'), { query: { limit: page.limit, cursor: page.cursor } });
}

/** `PUT /me/home-station`: the station a villager belongs to; answers the updated "me". */
export function setHomeStation(stationId: string): Promise<MeResponse> {
  return request<MeResponse>('/me/home-station', { method: 'PUT', body: { stationId } });
}

/** Where `GET /stations/{stationId}/qr` (the A4 SVG poster, officers and admins over it) is fetched from. */
export function stationPosterUrl(stationId: string): string {
  return apiUrl(stationPath(stationId, '/qr'));
}

// ───────────────────────────── convenience payments (代缴) ─────────────────────────────

/** The contract's shapes without their own exported type: spelled here, types only. */
export type BillTypesAnswer = {
  items: Array<{ billType: BillType; kind: 'postpaid' | 'prepaid'; accountKind: AccountKind; minFen: number; maxFen: number; commissionFen: number }>;
  stationLimits: { perPaymentMaxFen: number; perDayMaxFen: number };
  provider: { mode: BillProviderMode };
};
export type BillTypeInfo = BillTypesAnswer['items'][number];
export interface PaymentPage {
  items: Payment[];
  nextCursor: string | null;
}
export interface HouseholdPage {
  items: Household[];
  nextCursor: string | null;
}
export interface ReconciliationPage {
  items: Reconciliation[];
  nextCursor: string | null;
}
export interface RegionDaysPage {
  items: StationDay[];
  nextCursor: string | null;
  /** The whole region's day (its counters), not the page's. */
  summary: RegionDaySummary;
}
export interface MyPaymentsAnswer {
  household: { id: string; headName: string; stationId: string } | null;
  items: Payment[];
  nextCursor: string | null;
}
export interface LinkCodeAnswer {
  code: string;
  expiresAt: string;
}

const paymentPath = (paymentId: string, rest = '') => `/payments/${encodeURIComponent(paymentId)}${rest}`;
const householdPath = (householdId: string, rest = '') => `/households/${encodeURIComponent(householdId)}${rest}`;

/** `GET /bill-types`: the bills a station can pay, their amount ranges and commissions, and the station limits. */
export function getBillTypes(): Promise<BillTypesAnswer> {
  return request<BillTypesAnswer>('/bill-types');
}

/** `POST /bills/lookup`: whose account it is (masked) and, postpaid, what is due. 404 unknown account. */
export function lookupBill(billType: BillType, account: { accountNo: string } | { householdId: string }): Promise<BillLookupResponse> {
  return request<BillLookupResponse>('/bills/lookup', { method: 'POST', body: { billType, ...account } });
}

/**
 * `POST /payments` with the attempt's `Idempotency-Key`: the same key for every retry of one
 * attempt (services/payment-attempt.ts), so a lost answer or a double tap never pays twice.
 * 201 SUCCEEDED | PROCESSING | FAILED; 409 IDEMPOTENCY_IN_PROGRESS, 422 IDEMPOTENCY_KEY_REUSED,
 * 429 LIMIT_EXCEEDED, 409 DAY_CLOSED.
 */
export function createPayment(body: PaymentCreateRequest, idempotencyKey: string): Promise<Payment> {
  return request<Payment>('/payments', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** `GET /payments/{id}`: one payment, its receipt. */
export function getPayment(paymentId: string): Promise<Payment> {
  return request<Payment>(paymentPath(paymentId));
}

/** `POST /payments/{id}/void`: a succeeded payment of an open day, with a reason; answers it VOIDED. */
export function voidPayment(paymentId: string, reason: string): Promise<Payment> {
  return request<Payment>(paymentPath(paymentId, '/void'), { method: 'POST', body: { reason } });
}

/** `GET /stations/{id}/payments`: one business day's payments (`date`), or the pending ones of every day. */
export function getStationPayments(
  stationId: string,
  filter: { date?: string; status?: 'PROCESSING' },
  page: PageRequest = {},
): Promise<PaymentPage> {
  return request<PaymentPage>(stationPath(stationId, '/payments'), {
    query: { date: filter.date, status: filter.status, limit: page.limit, cursor: page.cursor },
  });
}

/** `GET /stations/{id}/ledger`: one business day (default today, Asia/Shanghai): totals, close, entries. */
export function getStationLedger(stationId: string, date?: string, page: PageRequest = {}): Promise<LedgerResponse> {
  return request<LedgerResponse>(stationPath(stationId, '/ledger'), { query: { date, limit: page.limit, cursor: page.cursor } });
}

/** `POST /stations/{id}/reconciliations`: closes a day with the counted cash. 409 CONFLICT while payments are processing. */
export function closeDay(stationId: string, body: { date: string; countedCashFen: number; note?: string }): Promise<Reconciliation> {
  return request<Reconciliation>(stationPath(stationId, '/reconciliations'), { method: 'POST', body });
}

/** `GET /stations/{id}/reconciliations`: the station's closed days, newest first. */
export function getStationReconciliations(stationId: string, page: PageRequest = {}): Promise<ReconciliationPage> {
  return request<ReconciliationPage>(stationPath(stationId, '/reconciliations'), { query: { limit: page.limit, cursor: page.cursor } });
}

/**
 * `GET /regions/{code}/reconciliations?date=`: the region's stations with their day (admins):
 * `status: 'CLOSED'` only the stations that closed it (each with its close), else every station
 * (CLOSED, OPEN or IDLE; `close` null unless CLOSED).
 */
export function getRegionReconciliations(regionCode: string, date: string, page: PageRequest = {}, status?: RegionDayFilter): Promise<RegionDaysPage> {
  return request<RegionDaysPage>(`/regions/${encodeURIComponent(regionCode)}/reconciliations`, {
    query: { date, status, limit: page.limit, cursor: page.cursor },
  });
}

/** `POST /stations/{id}/households`: registers a household (consent must be true). */
export function createHousehold(stationId: string, body: HouseholdCreateRequest): Promise<Household> {
  return request<Household>(stationPath(stationId, '/households'), { method: 'POST', body });
}

/** `GET /stations/{id}/households`: the households the station serves, newest first. */
export function getStationHouseholds(stationId: string, page: PageRequest = {}): Promise<HouseholdPage> {
  return request<HouseholdPage>(stationPath(stationId, '/households'), { query: { limit: page.limit, cursor: page.cursor } });
}

/** `GET /households/{id}`: one household with its bill book (masked). */
export function getHousehold(householdId: string): Promise<Household> {
  return request<Household>(householdPath(householdId));
}

/** `PUT /households/{id}/bill-book/{billType}`: saves (or replaces) the account for that bill type. */
export function saveBillBookEntry(householdId: string, billType: BillType, accountNo: string): Promise<Household> {
  return request<Household>(householdPath(householdId, `/bill-book/${encodeURIComponent(billType)}`), { method: 'PUT', body: { accountNo } });
}

/** `POST /households/{id}/links`: links the villager who shows this 6-digit code to the household. */
export function linkHousehold(householdId: string, code: string): Promise<{ household: Household }> {
  return request<{ household: Household }>(householdPath(householdId, '/links'), { method: 'POST', body: { code } });
}

/** `POST /me/household-link-code`: a one-time code (10 minutes) to show the officer. */
export function createHouseholdLinkCode(): Promise<LinkCodeAnswer> {
  return request<LinkCodeAnswer>('/me/household-link-code', { method: 'POST' });
}

/** `GET /me/payments`: the payments of the household the villager is linked to (household null when none). */
export function getMyPayments(page: PageRequest = {}): Promise<MyPaymentsAnswer> {
  return request<MyPaymentsAnswer>('/me/payments', { query: { limit: page.limit, cursor: page.cursor } });
}
