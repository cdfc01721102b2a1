import { useCallback, useEffect, useState } from 'react';
import type { StationProfile } from '@shared/schemas/stations';
import { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';
import { isStationCode } from '../services/station-code';
import { loadStationByCode } from '../services/station-prefetch';
import { toStationView, type StationView } from '../services/station-view';

export type StationState =
  | { status: 'loading' }
  | { status: 'ready'; station: StationProfile; view: StationView }
  | { status: 'error'; error: ApiError };

export type StationFetcher = (code: string) => Promise<StationProfile>;

/** A missing or malformed code never reaches the API: it reads like the API's own 400. */
function invalidCodeError(): ApiError {
  return new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'invalid station code' });
}

/**
 * Loads a station's public profile by its code. `retry()` loads it again (after a network error).
 * An answer for a code the page no longer shows is dropped, so a slow first request cannot
 * overwrite a newer one.
 */
export function useStation(code: string | undefined, fetchStation: StationFetcher = loadStationByCode) {
  const [state, setState] = useState<StationState>(() =>
    code !== undefined && isStationCode(code) ? { status: 'loading' } : { status: 'error', error: invalidCodeError() },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (code === undefined || !isStationCode(code)) {
      setState({ status: 'error', error: invalidCodeError() });
      return undefined;
    }
    let current = true;
    setState({ status: 'loading' });
    fetchStation(code).then(
      (station) => {
        if (current) setState({ status: 'ready', station, view: toStationView(station) });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toApiErrorLike(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [code, attempt, fetchStation]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, retry };
}
