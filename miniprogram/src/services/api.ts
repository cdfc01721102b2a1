import type { StationOfficersResponse, UserProfile } from '@shared/schemas/accounts';
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
import { apiUrl, request, type Query } from './api-client';
import type { PersonRef } from './api-account';

export * from './api-client';
export * from './api-main';
export * from './api-account';

/**
 * The API's endpoints for the subpackages (find, officer, admin, receipt), on the one client of
 * api-client.ts; with it and api-main.ts re-exported, so code outside the main package imports
 * everything from here. The main package's pages import api-main.ts instead: importing this module
 * from them would bring all of it into the package a villager downloads on the first scan.
 */

/** `POST /admin/officers`: makes the person an officer of the station (admins, within their region). */
export function appointOfficer(stationId: string, person: PersonRef): Promise<{ user: UserProfile }> {
  return request<{ user: UserProfile }>('/admin/officers', { method: 'POST', body: { stationId, ...person } });
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
export function getRegionReconciliations(
  regionCode: string,
  date: string,
  page: PageRequest = {},
  status?: RegionDayFilter,
): Promise<RegionDaysPage> {
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
