import { NEAR_RADIUS_METERS } from '../../../shared';
import { cellsCoveringCircle, distanceMeters } from './geo';

export interface GeoEntry {
  stationId: string;
  lat: number;
  lng: number;
}

export type GeoPrecision = 3 | 4 | 5;

export interface GeoIndex {
  /** Every entry in one geohash cell of the given precision. */
  listCell(precision: GeoPrecision, cell: string): Promise<GeoEntry[]>;
}

/**
 * Search rings, finest first. Each ring reads every cell covering its circle, so it sees every
 * station within its radius; as soon as one ring holds `limit` stations, the nearest `limit` are all
 * inside it and the answer is exact. The number of cells per ring depends only on radius and cell
 * size (about 9, 12 and 20 cells here), never on the number of stations: at most ~45 Queries.
 *
 *   precision 5 (≈4.9 × 3.9 km cells)  within 3 km
 *   precision 4 (≈19.5 × 31 km cells)  within 25 km
 *   precision 3 (≈156 × 126 km cells)  within 200 km (the contract's limit)
 */
export const NEAREST_RINGS: ReadonlyArray<{ precision: GeoPrecision; radiusMeters: number }> = [
  { precision: 5, radiusMeters: 3_000 },
  { precision: 4, radiusMeters: 25_000 },
  { precision: 3, radiusMeters: NEAR_RADIUS_METERS },
];

export async function findNearest(
  geo: GeoIndex,
  point: { lat: number; lng: number },
  limit: number,
  rings = NEAREST_RINGS,
): Promise<Array<{ stationId: string; distanceMeters: number }>> {
  for (const [i, ring] of rings.entries()) {
    const cells = cellsCoveringCircle(point, ring.radiusMeters, ring.precision);
    const entries = (await Promise.all(cells.map((cell) => geo.listCell(ring.precision, cell)))).flat();
    const within = entries
      .map((e) => ({ stationId: e.stationId, distanceMeters: distanceMeters(point, e) }))
      .filter((e) => e.distanceMeters <= ring.radiusMeters);
    if (within.length >= limit || i === rings.length - 1) {
      return within.sort((a, b) => a.distanceMeters - b.distanceMeters || (a.stationId < b.stationId ? -1 : 1)).slice(0, limit);
    }
  }
  return [];
}
