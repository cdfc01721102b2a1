import fc from 'fast-check';
import { cellsCoveringCircle, distanceMeters, encodeGeohash } from '../../../functions/domain/stations/geo';
import { NEAREST_MAX_CELLS, NEAREST_RINGS } from '../../../functions/domain/stations/nearest';
import { isInServedArea, SERVED_AREA } from '../../../shared';

describe('geohash and distance', () => {
  it('encodes known points', () => {
    expect(encodeGeohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    expect(encodeGeohash(39.92324, 116.3906, 8)).toBe('wx4g0ec1');
  });

  it('measures great-circle distances', () => {
    // Beijing to Shanghai is about 1,067 km as the crow flies.
    const d = distanceMeters({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 });
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
    expect(distanceMeters({ lat: 36, lng: 100 }, { lat: 36, lng: 100 })).toBe(0);
  });

  it('covers every point of the circle with the cells it returns (property, 2,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.constantFrom(3, 4, 5),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lng, precision, fraction, bearing) => {
          const radius = precision === 5 ? 3_000 : precision === 4 ? 25_000 : 200_000;
          const cells = new Set(cellsCoveringCircle({ lat, lng }, radius, precision));
          // A point at `fraction` of the radius in direction `bearing`.
          const d = (radius * fraction) / 6_371_008.8;
          const lat1 = (lat * Math.PI) / 180;
          const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
          const lng2 =
            (lng * Math.PI) / 180 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
          const point = { lat: (lat2 * 180) / Math.PI, lng: (((lng2 * 180) / Math.PI + 540) % 360) - 180 };
          return cells.has(encodeGeohash(point.lat, point.lng, precision));
        },
      ),
      { numRuns: 2000 },
    );
  });

  const cellsPerRing = (point: { lat: number; lng: number }) =>
    NEAREST_RINGS.map((ring) => cellsCoveringCircle(point, ring.radiusMeters, ring.precision).length);

  it('needs at most 12 + 16 + 24 = 52 cells per search anywhere in the served area (corners, edges, property)', () => {
    const { minLat, maxLat, minLng, maxLng } = SERVED_AREA;
    const corners = [minLat, maxLat].flatMap((lat) => [minLng, maxLng].map((lng) => ({ lat, lng })));
    // The covering is widest at the northern edge: walk it finely, where a cell boundary shift adds a column.
    const northEdge = Array.from({ length: 2_000 }, (_, i) => ({ lat: maxLat, lng: minLng + ((maxLng - minLng) * i) / 1_999 }));
    for (const point of [...corners, ...northEdge]) {
      const [p5, p4, p3] = cellsPerRing(point);
      expect([p5 <= 12, p4 <= 16, p3 <= 24]).toEqual([true, true, true]);
    }
    fc.assert(
      fc.property(fc.double({ min: minLat, max: maxLat, noNaN: true }), fc.double({ min: minLng, max: maxLng, noNaN: true }), (lat, lng) => {
        const counts = cellsPerRing({ lat, lng });
        return counts.reduce((a, b) => a + b, 0) <= NEAREST_MAX_CELLS && NEAREST_MAX_CELLS === 52;
      }),
      { numRuns: 2000 },
    );
  });

  it('would need thousands of cells near a pole, which is why only the served area is searched', () => {
    expect(cellsPerRing({ lat: 90, lng: 0 }).reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
    expect(isInServedArea({ lat: 90, lng: 0 })).toBe(false);
    expect(isInServedArea({ lat: 36.48, lng: 102.4 })).toBe(true);
  });
});
