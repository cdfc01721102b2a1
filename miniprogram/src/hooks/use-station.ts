import type { StationProfile } from '@shared/schemas/stations';
import { ApiError } from '../services/api-error';
import { isStationCode } from '../services/station-code';
import { loadStationByCode } from '../services/station-prefetch';
import { toStationView, type StationView } from '../services/station-view';
import { useResource } from './use-resource';

export type StationState =
  | { status: 'loading' }
  | { status: 'ready'; station: StationProfile & { cachedAt?: number }; view: StationView }
  | { status: 'error'; error: ApiError };

export type StationFetcher = (code: string) => Promise<StationProfile & { cachedAt?: number }>;

/** A missing or malformed code never reaches the API: it reads like the API's own 400. */
const INVALID_CODE = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'invalid station code' });

/**
 * Loads a station's public profile by its code, on `useResource` (an answer for a code the page no
 * longer shows is dropped; `retry()` loads it again after an error). The view the page shows is
 * made once per answer.
 */
export function useStation(code: string | undefined, fetchStation: StationFetcher = loadStationByCode) {
  const valid = code !== undefined && isStationCode(code);
  const { state, retry } = useResource(valid ? code : undefined, async (key) => {
    const station = await fetchStation(key);
    return { station, view: toStationView(station) };
  });
  const station: StationState = !valid
    ? { status: 'error', error: INVALID_CODE }
    : state.status === 'ready'
      ? { status: 'ready', ...state.value }
      : state.status === 'error'
        ? state
        : { status: 'loading' };
  return { state: station, retry };
}
