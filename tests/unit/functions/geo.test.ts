import fc from 'fast-check';
import { cellsCoveringCircle, distanceMeters, encodeGeohash } from '../../../functions/domain/stations/geo';

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
          const lng2 = (lng * Math.PI) / 180 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
          const point = { lat: (lat2 * 180) / Math.PI, lng: (((lng2 * 180) / Math.PI + 540) % 360) - 180 };
          return cells.has(encodeGeohash(point.lat, point.lng, precision));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('needs a bounded number of cells per ring, wherever the point is', () => {
    for (const [lat, lng] of [[36.6, 101.8], [33, 97], [0, 0], [55, 120]]) {
      expect(cellsCoveringCircle({ lat, lng }, 3_000, 5).length).toBeLessThanOrEqual(16);
      expect(cellsCoveringCircle({ lat, lng }, 25_000, 4).length).toBeLessThanOrEqual(20);
      expect(cellsCoveringCircle({ lat, lng }, 200_000, 3).length).toBeLessThanOrEqual(25);
    }
  });
});
