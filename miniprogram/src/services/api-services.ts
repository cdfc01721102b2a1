import type * as z from 'zod/mini';
import type { ConsultationRequest, OfficerMonth, Service, Supervision } from '@shared/schemas/services';
import { request } from './api-client';

/** The service ledger (issue 15): the officer's one-tap consultation and month. */
export type ServiceMonth = z.infer<typeof OfficerMonth>;
export type ServiceRecord = z.infer<typeof Service>;

const stationPath = (stationId: string, rest: string) => `/stations/${encodeURIComponent(stationId)}${rest}`;

/** `GET /stations/{id}/service-month`: services against the month's target, satisfaction, trend, pace. */
export function getServiceMonth(stationId: string): Promise<ServiceMonth> {
  return request<ServiceMonth>(stationPath(stationId, '/service-month'));
}

/** `POST /stations/{id}/consultations` with the tap's key: a retry with the same key logs nothing more. */
export function logConsultation(stationId: string, body: ConsultationRequest, idempotencyKey: string): Promise<ServiceRecord> {
  return request<ServiceRecord>(stationPath(stationId, '/consultations'), { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** `GET /me/services`: the caller's and their household's latest services, with their rating (null: not rated yet). */
export function getMyServices(): Promise<{ items: ServiceRecord[] }> {
  return request<{ items: ServiceRecord[] }>('/me/services');
}

/** `POST /services/{id}/rating`: the villager served rates it 1-5, once (409 after). */
export function rateService(
  serviceId: string,
  body: { rating: number; comment?: string },
): Promise<{ serviceId: string; rating: number; at: string }> {
  return request(`/services/${encodeURIComponent(serviceId)}/rating`, { method: 'POST', body });
}

export type SupervisionView = z.infer<typeof Supervision>;

/** `GET /regions/{code}/supervision?from=&to=`: a region's figures from aggregates, its children weakest first. */
export function getSupervision(code: string, from: string, to: string): Promise<SupervisionView> {
  return request<SupervisionView>(`/regions/${encodeURIComponent(code)}/supervision`, { query: { from, to } });
}
