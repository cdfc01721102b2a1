/**
 * The route table: every route of the HTTP API, declared once. The HTTP pipeline, serverless.yml's
 * events (tests/unit/serverless-routes.test.ts checks they match), the OpenAPI document and the
 * auth/BOLA test matrices all derive from it. A route missing here does not exist.
 */
import type * as z from 'zod/mini';
import { HealthResponse } from './schemas/common';
import { RegionChildrenResponse, RegionPathParams } from './schemas/regions';
import {
  StationCodeParams,
  StationIdParams,
  StationListQuery,
  StationListResponse,
  StationProfile,
} from './schemas/stations';
import type { Role } from './roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The Lambda function that serves a route (one per route group). `fallback` serves no route: it answers
 * every request API Gateway matched to no declared route with the contract's 404. */
export type FunctionName = 'system' | 'regions' | 'stations' | 'fallback';

export interface RouteDef {
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
  /** Raw (non-JSON) responses such as the OpenAPI document's own media type. */
  responseMediaType?: string;
  successStatus?: 200 | 201 | 204;
}

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
    response: HealthResponse, // replaced by the document itself; see functions/handlers/system.ts
    responseMediaType: 'application/json',
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
    summary: 'Stations in a region and all its descendants, by division code, one Query per page',
    access: 'public',
    query: StationListQuery,
    response: StationListResponse,
  },
});

export type RouteName = keyof typeof routes;
export const routeList: Array<RouteDef & { name: RouteName }> = Object.entries(routes).map(
  ([name, def]) => ({ ...(def as RouteDef), name: name as RouteName }),
);
