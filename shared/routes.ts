/**
 * The route table: every route of the HTTP API, declared once. The HTTP pipeline, serverless.yml's
 * events (tests/unit/serverless-routes.test.ts checks they match), the OpenAPI document and the
 * auth/BOLA test matrices all derive from it. A route missing here does not exist.
 */
import type * as z from 'zod/mini';
import { DocumentResponse, HealthResponse } from './schemas/common';
import { RegionChildrenResponse, RegionPathParams } from './schemas/regions';
import {
  HomeStationRequest,
  StationCodeParams,
  StationHistoryResponse,
  StationIdParams,
  StationListQuery,
  StationListResponse,
  StationPhoneResponse,
  StationProfile,
  StationUpdateRequest,
} from './schemas/stations';
import { PageQuery } from './schemas/common';
import {
  BillLookupRequest,
  BillLookupResponse,
  BillTypesResponse,
  CloseDayRequest,
  LedgerQuery,
  LedgerResponse,
  Payment,
  PaymentCreateRequest,
  PaymentPage,
  PaymentParams,
  Reconciliation,
  ReconciliationPage,
  RegionDaysPage,
  RegionReconciliationsQuery,
  StationPaymentsQuery,
  VoidRequest,
} from './schemas/payments';
import {
  BillBookParams,
  BillBookRequest,
  Household,
  HouseholdCreateRequest,
  HouseholdListQuery,
  HouseholdPage,
  HouseholdParams,
  LinkCodeResponse,
  LinkHouseholdRequest,
  LinkHouseholdResponse,
  MyPaymentsResponse,
} from './schemas/households';
import { ADMIN_ROLES, ROLES, type Role } from './roles';
import {
  AppointOfficerRequest,
  LoginRequest,
  LoginResponse,
  MeResponse,
  OfficerParams,
  OfficerResponse,
  StationOfficersResponse,
} from './schemas/accounts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The Lambda function that serves a route (one per route group). `fallback` serves no route: it answers
 * every request API Gateway matched to no declared route with the contract's 404. */
export type FunctionName = 'system' | 'auth' | 'admin' | 'regions' | 'stations' | 'payments' | 'fallback';

/** What limits the objects a caller may touch (the BOLA matrix is generated from it). */
export type RouteScope =
  /** only their own station's objects (officers), or those of stations inside their region (admins) */
  | 'station'
  /** only objects inside their region (admins) */
  | 'region'
  /** only their own: the route names no other user's object */
  | 'self';

/**
 * Every route open to signed-in users declares its scope, or says why it has none (a catalogue, a
 * deliberately public fact behind a rate limit): a route cannot forget it (tests/unit/shared/route-table.test.ts).
 */
type RouteAccess =
  | { access: 'public'; scope?: undefined; scopeReason?: undefined }
  | { access: readonly Role[]; scope: RouteScope; scopeReason?: undefined }
  | { access: readonly Role[]; scope: 'none'; scopeReason: string };

interface RouteBase {
  operationId: string;
  method: HttpMethod;
  /** API Gateway syntax: `/stations/{stationId}`. */
  path: string;
  function: FunctionName;
  summary: string;
  /** `public`, or the roles that may ever call it (others get 403). */
  access: 'public' | readonly Role[];
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Routes answering something else than JSON (an SVG poster). */
  responseMediaType?: string;
  successStatus?: 200 | 201 | 204;
  /** Moves money: an `Idempotency-Key` header is required (400 without one), scoped to the caller. */
  idempotent?: true;
}

export type RouteDef = RouteBase & RouteAccess;

const defineRoutes = <T extends Record<string, RouteDef>>(table: T) => table;

export const routes = defineRoutes({
  health: {
    operationId: 'health',
    method: 'GET',
    path: '/health',
    function: 'system',
    summary: 'Liveness: 200 once the stack can serve requests',
    access: 'public',
    response: HealthResponse,
  },
  openapi: {
    operationId: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    function: 'system',
    summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
    access: 'public',
    response: DocumentResponse,
    responseMediaType: 'application/json',
  },
  login: {
    operationId: 'login',
    method: 'POST',
    path: '/auth/login',
    function: 'auth',
    summary: 'Exchange a wx.login code for a session token (the server asks WeChat who it is)',
    access: 'public',
    body: LoginRequest,
    response: LoginResponse,
  },
  me: {
    operationId: 'me',
    method: 'GET',
    path: '/me',
    function: 'auth',
    summary: 'The signed-in user, their role and their station or region',
    access: ROLES,
    scope: 'self',
    response: MeResponse,
  },
  appointOfficer: {
    operationId: 'appointOfficer',
    method: 'POST',
    path: '/admin/officers',
    function: 'admin',
    summary: 'Appoint a user as officer of a station inside the admin’s region',
    access: ADMIN_ROLES,
    scope: 'region',
    body: AppointOfficerRequest,
    response: OfficerResponse,
  },
  removeOfficer: {
    operationId: 'removeOfficer',
    method: 'DELETE',
    path: '/admin/officers/{userId}',
    function: 'admin',
    summary: 'Remove an officer of a station inside the admin’s region (they become a villager)',
    access: ADMIN_ROLES,
    scope: 'region',
    params: OfficerParams,
    response: OfficerResponse,
  },
  stationOfficers: {
    operationId: 'stationOfficers',
    method: 'GET',
    path: '/stations/{stationId}/officers',
    function: 'admin',
    summary: "A station's officers: for its own officers and for admins over its region",
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    response: StationOfficersResponse,
  },
  billTypes: {
    operationId: 'billTypes',
    method: 'GET',
    path: '/bill-types',
    function: 'payments',
    summary: 'The bills a station can pay, with their amount limits and commissions, and the station limits',
    access: ROLES,
    scope: 'none',
    scopeReason: 'the catalogue of bill types and limits: the same for everyone, it names no object',
    response: BillTypesResponse,
  },
  billLookup: {
    operationId: 'billLookup',
    method: 'POST',
    path: '/bills/lookup',
    function: 'payments',
    summary: 'Ask the provider what an account owes, and whose it is (name masked)',
    access: ['officer'],
    scope: 'station',
    body: BillLookupRequest,
    response: BillLookupResponse,
  },
  createPayment: {
    operationId: 'createPayment',
    method: 'POST',
    path: '/payments',
    function: 'payments',
    summary:
      'Pay a villager’s bill with the cash they handed over (Idempotency-Key). 201 with status SUCCEEDED, PROCESSING (the provider has not answered: settled later) or FAILED; any 4xx means no payment exists',
    access: ['officer'],
    scope: 'station',
    body: PaymentCreateRequest,
    response: Payment,
    successStatus: 201,
    idempotent: true,
  },
  getPayment: {
    operationId: 'getPayment',
    method: 'GET',
    path: '/payments/{paymentId}',
    function: 'payments',
    summary: 'One payment (its receipt): for its station’s officers, admins over its region and the villagers linked to its household',
    access: ROLES,
    scope: 'station',
    params: PaymentParams,
    response: Payment,
  },
  voidPayment: {
    operationId: 'voidPayment',
    method: 'POST',
    path: '/payments/{paymentId}/void',
    function: 'payments',
    summary: 'Void a succeeded payment the provider has not settled yet (its day is still open), with a reason: a ledger entry that returns the cash',
    access: ['officer'],
    scope: 'station',
    params: PaymentParams,
    body: VoidRequest,
    response: Payment,
  },
  myPayments: {
    operationId: 'myPayments',
    method: 'GET',
    path: '/me/payments',
    function: 'payments',
    summary: 'The payments of the household the signed-in villager is linked to, newest first',
    access: ROLES,
    scope: 'self',
    query: HouseholdListQuery,
    response: MyPaymentsResponse,
  },
  stationPayments: {
    operationId: 'stationPayments',
    method: 'GET',
    path: '/stations/{stationId}/payments',
    function: 'payments',
    summary: 'A station’s payments of one business day (`date=`, default today), or its pending ones of every day (`status=PROCESSING`)',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    query: StationPaymentsQuery,
    response: PaymentPage,
  },
  stationLedger: {
    operationId: 'stationLedger',
    method: 'GET',
    path: '/stations/{stationId}/ledger',
    function: 'payments',
    summary: 'A station’s cash ledger for one Asia/Shanghai business day: totals, close and entries',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    query: LedgerQuery,
    response: LedgerResponse,
  },
  closeDay: {
    operationId: 'closeDay',
    method: 'POST',
    path: '/stations/{stationId}/reconciliations',
    function: 'payments',
    summary: 'Close a business day with the counted cash; records the variance. 409 DAY_CLOSED when closed already, CONFLICT while payments are processing',
    access: ['officer'],
    scope: 'station',
    params: StationIdParams,
    body: CloseDayRequest,
    response: Reconciliation,
    successStatus: 201,
  },
  stationReconciliations: {
    operationId: 'stationReconciliations',
    method: 'GET',
    path: '/stations/{stationId}/reconciliations',
    function: 'payments',
    summary: 'A station’s closed days, newest first',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    query: HouseholdListQuery,
    response: ReconciliationPage,
  },
  regionReconciliations: {
    operationId: 'regionReconciliations',
    method: 'GET',
    path: '/regions/{code}/reconciliations',
    function: 'payments',
    summary:
      'Every station of a region (division-code order, paginated) with its business day: CLOSED with its variance, OPEN (not closed yet) or IDLE (admins over that region)',
    access: ADMIN_ROLES,
    scope: 'region',
    params: RegionPathParams,
    query: RegionReconciliationsQuery,
    response: RegionDaysPage,
  },
  createHousehold: {
    operationId: 'createHousehold',
    method: 'POST',
    path: '/stations/{stationId}/households',
    function: 'payments',
    summary: 'Register a household the station serves, with the villagers’ consent (phone answered masked)',
    access: ['officer'],
    scope: 'station',
    params: StationIdParams,
    body: HouseholdCreateRequest,
    response: Household,
    successStatus: 201,
  },
  stationHouseholds: {
    operationId: 'stationHouseholds',
    method: 'GET',
    path: '/stations/{stationId}/households',
    function: 'payments',
    summary: 'The households a station serves, newest first',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    query: HouseholdListQuery,
    response: HouseholdPage,
  },
  getHousehold: {
    operationId: 'getHousehold',
    method: 'GET',
    path: '/households/{householdId}',
    function: 'payments',
    summary: 'One household with its bill book (account numbers masked)',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: HouseholdParams,
    response: Household,
  },
  saveBillBookEntry: {
    operationId: 'saveBillBookEntry',
    method: 'PUT',
    path: '/households/{householdId}/bill-book/{billType}',
    function: 'payments',
    summary: 'Save (or replace) the household’s account for one bill type',
    access: ['officer'],
    scope: 'station',
    params: BillBookParams,
    body: BillBookRequest,
    response: Household,
  },
  linkHousehold: {
    operationId: 'linkHousehold',
    method: 'POST',
    path: '/households/{householdId}/links',
    function: 'payments',
    summary: 'Link the WeChat user showing this one-time code to the household (the villager is present)',
    access: ['officer'],
    scope: 'station',
    params: HouseholdParams,
    body: LinkHouseholdRequest,
    response: LinkHouseholdResponse,
    successStatus: 201,
  },
  householdLinkCode: {
    operationId: 'householdLinkCode',
    method: 'POST',
    path: '/me/household-link-code',
    function: 'payments',
    summary: 'A one-time 6-digit code (10 minutes) the villager shows the officer to be linked to their household',
    access: ROLES,
    scope: 'self',
    response: LinkCodeResponse,
    successStatus: 201,
  },
  regionChildren: {
    operationId: 'regionChildren',
    method: 'GET',
    path: '/regions/{code}/children',
    function: 'regions',
    summary: 'Child regions with their station and village counts (not paginated)',
    access: 'public',
    params: RegionPathParams,
    response: RegionChildrenResponse,
  },
  stationByCode: {
    operationId: 'stationByCode',
    method: 'GET',
    path: '/stations/by-code/{code}',
    function: 'stations',
    summary: "A station's public profile by its QR code (case-insensitive)",
    access: 'public',
    params: StationCodeParams,
    response: StationProfile,
  },
  stationById: {
    operationId: 'stationById',
    method: 'GET',
    path: '/stations/{stationId}',
    function: 'stations',
    summary: "A station's public profile",
    access: 'public',
    params: StationIdParams,
    response: StationProfile,
  },
  stationList: {
    operationId: 'stationList',
    method: 'GET',
    path: '/stations',
    function: 'stations',
    summary:
      'Stations: `region=` in a region and its descendants (one Query per page); `q=` by village, township or county name in Chinese or pinyin; `near=lat,lng` nearest first within 200 km',
    access: 'public',
    query: StationListQuery,
    response: StationListResponse,
  },
  stationUpdate: {
    operationId: 'stationUpdate',
    method: 'PATCH',
    path: '/stations/{stationId}',
    function: 'stations',
    summary: 'Edit a station: its officers set location, hours and phone; admins over its region also type and capabilities. Audited.',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    body: StationUpdateRequest,
    response: StationProfile,
  },
  stationHistory: {
    operationId: 'stationHistory',
    method: 'GET',
    path: '/stations/{stationId}/history',
    function: 'stations',
    summary: 'Who changed what on a station, and when, newest first',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    query: PageQuery,
    response: StationHistoryResponse,
  },
  stationPhone: {
    operationId: 'stationPhone',
    method: 'GET',
    path: '/stations/{stationId}/phone',
    function: 'stations',
    summary: "The station's full phone number, for a signed-in user who taps to call (rate limited)",
    access: ROLES,
    scope: 'none',
    scopeReason: 'a station’s phone is public by design (any signed-in user may call any station): only rate limited, per user',
    params: StationIdParams,
    response: StationPhoneResponse,
  },
  stationQr: {
    operationId: 'stationQr',
    method: 'GET',
    path: '/stations/{stationId}/qr',
    function: 'stations',
    summary: 'A printable A4 poster (SVG) with the station’s name, code and QR code',
    access: ['officer', ...ADMIN_ROLES],
    scope: 'station',
    params: StationIdParams,
    response: DocumentResponse,
    responseMediaType: 'image/svg+xml',
  },
  homeStation: {
    operationId: 'homeStation',
    method: 'PUT',
    path: '/me/home-station',
    function: 'auth',
    summary: 'Bind (or change) the signed-in user’s home station',
    access: ROLES,
    scope: 'self',
    body: HomeStationRequest,
    response: MeResponse,
  },
});

export type RouteName = keyof typeof routes;
export const routeList: Array<RouteDef & { name: RouteName }> = Object.entries(routes).map(
  ([name, def]) => ({ ...(def as RouteDef), name: name as RouteName }),
);
