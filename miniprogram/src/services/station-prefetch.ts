import type { StationProfile } from '@shared/schemas/stations';
import { getStationByCode } from './api-main';
import { loadOrCached } from './offline-cache';
import { takeEarlyRequest } from './station-prefetch-early';

/** The last station the station page loaded, so its details page (opened from it) shows at once. */
let lastLoaded: StationProfile | undefined;

/** A station; without signal, the one this phone saw last, with `cachedAt` (when it was received). */
export async function loadStationByCode(code: string): Promise<StationProfile & { cachedAt?: number }> {
  const early = takeEarlyRequest(code);
  const station = await loadOrCached(`station.${code}`, async () => (early ? await early.answer.catch(() => null) : null) ?? getStationByCode(code));
  lastLoaded = station;
  return station;
}

/**
 * The details page's loader: the station the station page has just shown when it is this code (a
 * few seconds old at most: the details page opens from it), else asked afresh (a details page
 * opened from a link or reloaded on H5).
 */
export async function loadStationDetailsByCode(code: string): Promise<StationProfile> {
  if (lastLoaded?.code === code) return lastLoaded;
  return loadStationByCode(code);
}
