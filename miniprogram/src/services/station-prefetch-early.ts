import type { StationProfile } from '@shared/schemas/stations';
import { STATION_PREFETCH_GLOBAL } from './station-prefetch-global';

export interface EarlyRequest {
  code: string;
  answer: Promise<StationProfile | null>;
}

/**
 * The answer to `GET /stations/by-code/<code>` that index.html asked for while the JavaScript was
 * still downloading (H5, a station opened from its link: see config/h5-boot.ts), taken once.
 * Anything else (no early request, another code, a failed or non-200 early answer, the
 * mini-program) asks the API as usual, so errors read exactly as they always do.
 */
export function takeEarlyRequest(code: string): EarlyRequest | undefined {
  if (typeof window === 'undefined') return undefined;
  const holder = window as unknown as Record<string, EarlyRequest | undefined>;
  const early = holder[STATION_PREFETCH_GLOBAL];
  if (!early || early.code !== code) return undefined;
  holder[STATION_PREFETCH_GLOBAL] = undefined;
  return early;
}
