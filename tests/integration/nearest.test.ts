/**
 * Nearest stations from the geo index on DynamoDB Local equal a brute-force computation over the
 * same data, and cost a bounded number of Queries.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoGeoIndex, geoEntryItem } from '../../functions/data/stations-repository';
import { distanceMeters } from '../../functions/domain/stations/geo';
import { findNearest } from '../../functions/domain/stations/nearest';
import { useFreshTable, useSeededTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';

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
      for (let i = 0; i < 40; i++) stations.push({ stationId: `c${c}-${i}`, lat: center.lat + (rand() - 0.5) * 0.3, lng: center.lng + (rand() - 0.5) * 0.4 });
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
    const before = dynamoGeoIndex.calls;
    await findNearest(dynamoGeoIndex, { lat: 10, lng: 10 }, 50); // nothing anywhere near: the worst case
    expect(dynamoGeoIndex.calls - before).toBeLessThanOrEqual(60);
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
