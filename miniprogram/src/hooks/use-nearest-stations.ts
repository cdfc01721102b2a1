import { useCallback, useRef, useState } from 'react';
import type { StationProfile } from '@shared/schemas/stations';
import { listStations, type ApiError } from '../services/api';
import { toApiErrorLike } from '../services/errors';
import { locate, type GeoPointLike, type LocateOutcome } from '../services/location';

/** How many stations the page lists. */
export const NEAREST_LIMIT = 20;

export type NearestState =
  | { status: 'intro' }
  | { status: 'locating' }
  | { status: 'loading'; point: GeoPointLike }
  | { status: 'ready'; point: GeoPointLike; stations: StationProfile[] }
  | { status: 'denied' }
  | { status: 'unavailable' }
  | { status: 'error'; error: ApiError };

export interface NearestDeps {
  locate: () => Promise<LocateOutcome>;
  list: (point: GeoPointLike) => Promise<{ items: StationProfile[] }>;
}

const defaultDeps: NearestDeps = {
  locate,
  list: (point) => listStations({ near: point }, { limit: NEAREST_LIMIT }),
};

/**
 * "Nearest stations": nothing happens until the user has read why the location is needed and
 * taps; then one position, then the stations nearest first (empty beyond 200 km). A refusal is a
 * state of its own, with the ways to find a station without a location.
 */
export function useNearestStations(deps: NearestDeps = defaultDeps) {
  const [state, setState] = useState<NearestState>({ status: 'intro' });
  const run = useRef(0);

  const start = useCallback(async () => {
    const mine = ++run.current;
    setState({ status: 'locating' });
    const outcome = await deps.locate();
    if (run.current !== mine) return;
    if (outcome.kind === 'denied') return setState({ status: 'denied' });
    if (outcome.kind === 'unavailable') return setState({ status: 'unavailable' });
    const { point } = outcome;
    setState({ status: 'loading', point });
    try {
      const { items } = await deps.list(point);
      if (run.current === mine) setState({ status: 'ready', point, stations: items.slice(0, NEAREST_LIMIT) });
    } catch (error) {
      if (run.current === mine) setState({ status: 'error', error: toApiErrorLike(error) });
    }
  }, [deps]);

  return { state, start };
}
