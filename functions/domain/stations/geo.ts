/**
 * Geohash cells and great-circle distances for the nearest-station search. A geohash of precision
 * p splits longitude into ceil(5p/2) bits and latitude into floor(5p/2) bits; neighbouring points
 * share prefixes, so a cell is one DynamoDB partition key.
 */
const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const EARTH_RADIUS_M = 6_371_008.8;

export function encodeGeohash(lat: number, lng: number, precision: number): string {
  let latRange = [-90, 90];
  let lngRange = [-180, 180];
  let hash = '';
  let bit = 0;
  let ch = 0;
  let evenBit = true; // longitude first
  while (hash.length < precision) {
    const range = evenBit ? lngRange : latRange;
    const value = evenBit ? lng : lat;
    const mid = (range[0] + range[1]) / 2;
    if (value >= mid) {
      ch = (ch << 1) | 1;
      if (evenBit) lngRange = [mid, lngRange[1]];
      else latRange = [mid, latRange[1]];
    } else {
      ch <<= 1;
      if (evenBit) lngRange = [lngRange[0], mid];
      else latRange = [latRange[0], mid];
    }
    evenBit = !evenBit;
    if (++bit === 5) {
      hash += BASE32[ch];
      bit = 0;
      ch = 0;
    }
  }
  return hash;
}

export function cellSize(precision: number): { latDeg: number; lngDeg: number } {
  const bits = 5 * precision;
  return { lngDeg: 360 / 2 ** Math.ceil(bits / 2), latDeg: 180 / 2 ** Math.floor(bits / 2) };
}

export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Every cell of `precision` that intersects the bounding box of the circle (center, radius): every
 * point within `radiusMeters` lies in one of them. The count depends on radius and precision only,
 * never on how many stations exist.
 */
export function cellsCoveringCircle(center: { lat: number; lng: number }, radiusMeters: number, precision: number): string[] {
  const { latDeg, lngDeg } = cellSize(precision);
  const dLat = (radiusMeters / EARTH_RADIUS_M) * (180 / Math.PI);
  const maxLat = Math.min(89.999999, center.lat + dLat);
  const minLat = Math.max(-89.999999, center.lat - dLat);
  // The widest longitude span is at the latitude nearest a pole within the box.
  const widestCos = Math.max(Math.cos((Math.max(Math.abs(maxLat), Math.abs(minLat)) * Math.PI) / 180), 1e-6);
  const dLng = Math.min(180, dLat / widestCos);
  const cells = new Set<string>();
  const latStart = Math.floor((minLat + 90) / latDeg);
  const latEnd = Math.floor((maxLat + 90) / latDeg);
  const lngStart = Math.floor((center.lng - dLng + 180) / lngDeg);
  const lngEnd = Math.floor((center.lng + dLng + 180) / lngDeg);
  const lngCells = Math.round(360 / lngDeg);
  for (let i = latStart; i <= latEnd; i++) {
    for (let j = lngStart; j <= lngEnd; j++) {
      const wrapped = ((j % lngCells) + lngCells) % lngCells;
      cells.add(encodeGeohash(-90 + (i + 0.5) * latDeg, -180 + (wrapped + 0.5) * lngDeg, precision));
    }
  }
  return [...cells];
}
