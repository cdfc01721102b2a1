import { isInServedArea, NEAR_RADIUS_METERS } from '../../../shared';
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
 * inside it and the answer is exact.
 *
 *   precision 5 (≈4.9 × 3.9 km cells)  within 3 km
 *   precision 4 (≈19.5 × 31 km cells)  within 25 km
 *   precision 3 (≈156 × 126 km cells)  within 200 km (the contract's limit)
 *
 * The bound on reads. A ring's covering box is 2·dLat high and 2·dLng wide, with
 * dLng = dLat / cos(its latitude nearest a pole): it widens without limit towards a pole (at 90°N it
 * is every longitude, ~10,000 cells). So only points in the area served (SERVED_AREA, China's box,
 * at most 53.6°) are searched; any other point answers an empty list before any read. Inside the box
 * the widest covering is at its northern edge, and the cells per ring are at most
 * 3 × 4 = 12 (precision 5), 4 × 4 = 16 (precision 4) and 4 × 6 = 24 (precision 3):
 *
 *   at most NEAREST_MAX_CELLS = 52 cells per search, anywhere on Earth (0 outside the box),
 *
 * each one Query unless a single cell holds over 1 MB of index entries (tens of thousands of
 * stations in one cell: not the case for China's villages). Widening SERVED_AREA towards a pole
 * breaks this bound: tests/unit/functions/geo.test.ts pins it at the box's corners.
 */
export const NEAREST_MAX_CELLS = 52;

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
  if (!isInServedArea(point)) return [];
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
