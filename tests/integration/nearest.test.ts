/**
 * Nearest stations from the geo index on DynamoDB Local equal a brute-force computation over the
 * same data, and cost a bounded number of Queries.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { db } from '../../functions/data/client';
import { dynamoGeoIndex, geoEntryItem } from '../../functions/data/stations-repository';
import { distanceMeters } from '../../functions/domain/stations/geo';
import { findNearest, type GeoIndex } from '../../functions/domain/stations/nearest';
import { isInServedArea, SERVED_AREA } from '../../shared';
import { useFreshTable, useSeededTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';

/** The bound stated in functions/domain/stations/nearest.ts (NEAREST_MAX_CELLS): 12 + 16 + 24 cells. */
const MAX_QUERIES_PER_SEARCH = 52;

/**
 * The real DynamoDB geo index, counting the cells asked for and the DynamoDB commands sent meanwhile
 * (a cell may take more than one Query page), so the bound is checked on what DynamoDB receives.
 */
function countingGeoIndex(): GeoIndex & { cells: () => number; queries: () => number; stop: () => void } {
  let cells = 0;
  const counter = countDynamoCommands();
  return {
    listCell(precision, cell) {
      cells++;
      return dynamoGeoIndex.listCell(precision, cell);
    },
    cells: () => cells,
    queries: counter.commands,
    stop: counter.stop,
  };
}

/** Counts every command the DynamoDB client sends, whatever code sends it. */
function countDynamoCommands() {
  const name = 'countCommands';
  let commands = 0;
  db().middlewareStack.add(
    (next) => (args) => {
      commands++;
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { commands: () => commands, stop: () => db().middlewareStack.remove(name) };
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('nearest stations', () => {
  const rand = random(20261129);
  const stations: Array<{ stationId: string; lat: number; lng: number }> = [];

  beforeAll(async () => {
    const { doc, tableName } = await useFreshTable('geo');
    // Clusters (villages around townships) and scattered herding committees over Qinghai's extent.
    for (let c = 0; c < 30; c++) {
      const center = { lat: 32 + rand() * 7, lng: 90 + rand() * 13 };
      for (let i = 0; i < 40; i++)
        stations.push({ stationId: `c${c}-${i}`, lat: center.lat + (rand() - 0.5) * 0.3, lng: center.lng + (rand() - 0.5) * 0.4 });
    }
    for (let i = 0; i < 300; i++) stations.push({ stationId: `s${i}`, lat: 32 + rand() * 7, lng: 90 + rand() * 13 });
    const items = stations.map((s) => geoEntryItem(s.stationId, s));
    for (let i = 0; i < items.length; i += 25) {
      await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
  });

  const bruteForce = (point: { lat: number; lng: number }, limit: number) =>
    stations
      .map((s) => ({ stationId: s.stationId, distanceMeters: distanceMeters(point, s) }))
      .filter((s) => s.distanceMeters <= 200_000)
      .sort((a, b) => a.distanceMeters - b.distanceMeters || (a.stationId < b.stationId ? -1 : 1))
      .slice(0, limit);

  it('equals brute force for 60 random points and limits', async () => {
    for (let i = 0; i < 60; i++) {
      // Half the points inside clusters, half anywhere (including outside every station's reach).
      const base = i % 2 === 0 ? stations[Math.floor(rand() * stations.length)] : { lat: 30 + rand() * 11, lng: 88 + rand() * 17 };
      const point = { lat: base.lat + (rand() - 0.5) * 0.05, lng: base.lng + (rand() - 0.5) * 0.05 };
      const limit = 1 + Math.floor(rand() * 50);
      const found = await findNearest(dynamoGeoIndex, point, limit);
      expect(found.map((f) => f.stationId)).toEqual(bruteForce(point, limit).map((b) => b.stationId));
    }
  });

  it('costs a bounded number of Queries per search', async () => {
    // Nothing within 200 km at the box's northern edge: every ring is read, the widest coverings.
    const geo = countingGeoIndex();
    try {
      expect(await findNearest(geo, { lat: SERVED_AREA.maxLat, lng: 120.3 }, 50)).toEqual([]);
      expect(geo.queries()).toBe(geo.cells());
      expect(geo.queries()).toBeGreaterThan(30); // every ring was read
      expect(geo.queries()).toBeLessThanOrEqual(MAX_QUERIES_PER_SEARCH);
    } finally {
      geo.stop();
    }
  });

  it('costs at most 52 Queries for any point on Earth and none outside the served area (property, counted on DynamoDB Local)', async () => {
    const anywhere = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) });
    const inBox = fc.record({
      lat: fc.double({ min: SERVED_AREA.minLat, max: SERVED_AREA.maxLat, noNaN: true }),
      lng: fc.double({ min: SERVED_AREA.minLng, max: SERVED_AREA.maxLng, noNaN: true }),
    });
    const poles = fc.record({ lat: fc.constantFrom(-90, -89.9, 89.9, 90), lng: fc.double({ min: -180, max: 180, noNaN: true }) });
    let searchedInside = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anywhere, inBox, poles), fc.integer({ min: 1, max: 50 }), async (point, limit) => {
        const geo = countingGeoIndex();
        try {
          const found = await findNearest(geo, point, limit);
          if (!isInServedArea(point)) return found.length === 0 && geo.queries() === 0 && geo.cells() === 0;
          searchedInside++;
          const exact =
            found.map((f) => f.stationId).join() ===
            bruteForce(point, limit)
              .map((b) => b.stationId)
              .join();
          return exact && geo.queries() >= 1 && geo.queries() <= MAX_QUERIES_PER_SEARCH;
        } finally {
          geo.stop();
        }
      }),
      { numRuns: 90, seed: 20261129 },
    );
    expect(searchedInside).toBeGreaterThan(20);
  });
});

describe('GET /stations?near= outside the served area', () => {
  beforeAll(() => useSeededTable());

  it('answers 200 with an empty list and sends no DynamoDB request at all (poles, oceans, the box edges)', async () => {
    for (const near of ['90,0', '-90,0', '90,-180', '89.99999,102.4', '0,0', '36.48,-102.4', '53.61,102.4', '36.48,135.11', '3.79,100']) {
      const counter = countDynamoCommands();
      try {
        const res = await invoke(handlers.stations, { path: '/stations', query: { near, limit: '50' } });
        expect([near, res.status, res.json.items, res.json.nextCursor]).toEqual([near, 200, [], null]);
        expect([near, counter.commands()]).toEqual([near, 0]);
      } finally {
        counter.stop();
      }
    }
  });

  it('still reads inside the box (the counter counts)', async () => {
    const counter = countDynamoCommands();
    try {
      const res = await invoke(handlers.stations, { path: '/stations', query: { near: '36.48,102.40', limit: '5' } });
      expect(res.json.items).toHaveLength(5);
      expect(counter.commands()).toBeGreaterThan(0);
    } finally {
      counter.stop();
    }
  });
});

describe('GET /stations?near= on the seeded demo county (乐都区)', () => {
  beforeAll(() => useSeededTable());

  it('answers nearest first with distances, within 200 km', async () => {
    const res = await invoke(handlers.stations, { path: '/stations', query: { near: '36.48,102.40', limit: '10' } });
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(10);
    const distances = res.json.items.map((s: any) => s.distanceMeters);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(res.json.items.every((s: any) => s.regionChain[2].name === '乐都区' && s.location)).toBe(true);
    expect(res.json.nextCursor).toBeNull();
  });

  it('answers an empty list beyond 200 km (Lhasa) and 400 for coordinates out of range', async () => {
    const far = await invoke(handlers.stations, { path: '/stations', query: { near: '29.65,91.10' } });
    expect(far.status).toBe(200);
    expect(far.json.items).toEqual([]);
    for (const near of ['91,100', '36,181', 'abc', '36.5', '36.5,102,1']) {
      const res = await invoke(handlers.stations, { path: '/stations', query: { near } });
      expect(res.status).toBe(400);
      expect(res.json.error.details[0].path).toBe('query.near');
    }
    const both = await invoke(handlers.stations, { path: '/stations', query: { near: '36.48,102.40', region: '63' } });
    expect(both.status).toBe(400);
  });
});
