import type {
  CheckinRequest,
  CheckinResponse,
  SignupRequest,
  Training,
  TrainingAttendance,
  TrainingCreateRequest,
  TrainingHours,
  TrainingUpdateRequest,
} from '@shared/schemas/training';
import type { Household } from '@shared/schemas/households';
import { request } from './api-client';
import { currentSession } from './session';

/** Training sessions (培训体验): only packages/training imports this file. */
export type { CheckinResponse, Training, TrainingAttendance, TrainingCreateRequest, TrainingHours, TrainingUpdateRequest };
export interface TrainingPage {
  items: Training[];
  nextCursor: string | null;
}

const sessionPath = (id: string, rest = '') => `/trainings/${encodeURIComponent(id)}${rest}`;

/** `GET /trainings?stationId=&when=`: public; upcoming soonest first, or past latest first. */
export function listTrainings(stationId: string, when: 'upcoming' | 'past', cursor?: string): Promise<TrainingPage> {
  return request<TrainingPage>('/trainings', { auth: false, query: { stationId, when, ...(cursor ? { cursor } : {}) } });
}

/** `GET /trainings/{id}`: public; signed in, it also says the caller's own sign-up and check-in. */
export function getTraining(id: string): Promise<Training> {
  return request<Training>(sessionPath(id), { auth: currentSession() !== undefined });
}

export function createTraining(body: TrainingCreateRequest): Promise<Training> {
  return request<Training>('/trainings', { method: 'POST', body });
}

export function updateTraining(id: string, body: TrainingUpdateRequest): Promise<Training> {
  return request<Training>(sessionPath(id), { method: 'PATCH', body });
}

export function cancelTraining(id: string, reason: string): Promise<Training> {
  return request<Training>(sessionPath(id, '/cancel'), { method: 'POST', body: { reason } });
}

export function getAttendance(id: string): Promise<TrainingAttendance> {
  return request<TrainingAttendance>(sessionPath(id, '/attendance'));
}

/** An empty body signs up the caller; an officer's names a household member. */
export function signUp(id: string, body: SignupRequest = {}): Promise<Training> {
  return request<Training>(sessionPath(id, '/signups'), { method: 'POST', body });
}

export function cancelMySignup(id: string): Promise<Training> {
  return request<Training>(sessionPath(id, '/signups/mine'), { method: 'DELETE' });
}

export function checkIn(id: string, body: CheckinRequest): Promise<CheckinResponse> {
  return request<CheckinResponse>(sessionPath(id, '/checkins'), { method: 'POST', body });
}

export function getMyTrainingHours(): Promise<TrainingHours> {
  return request<TrainingHours>('/me/training-hours');
}

/** The check-in page's address to show beside the QR code: the full address on H5 (a phone's camera opens it), the mini-program path on weapp. */
export function checkinAddress(path: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') return `${window.location.origin}${window.location.pathname}#${path}`;
  return path;
}

/** `GET /stations/{id}/households`: the station's households, for the officer to pick whom they sign up or check in. */
export function getStationHouseholds(stationId: string, limit = 50): Promise<{ items: Household[]; nextCursor: string | null }> {
  return request<{ items: Household[]; nextCursor: string | null }>(`/stations/${encodeURIComponent(stationId)}/households`, { query: { limit } });
}
