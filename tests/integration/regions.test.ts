import { handler } from '../../functions/handlers/regions';
import { readCsv } from '../../scripts/lib/qinghai-dataset';
import { invoke } from '../harness/invoke';

describe('GET /regions/{code}/children (seeded Qinghai table)', () => {
  it('lists the 8 prefectures of Qinghai whose station counts add up to 4,129', async () => {
    const res = await invoke(handler, { path: '/regions/63/children' });
    expect(res.status).toBe(200);
    expect(res.json.region).toMatchObject({ code: '63', name: '青海省', level: 'province', stationCount: 4129, villageCount: 4716, chain: [] });
    expect(res.json.items).toHaveLength(8);
    expect(res.json.items.map((r: any) => r.code)).toEqual(['6301', '6302', '6322', '6323', '6325', '6326', '6327', '6328']);
    expect(res.json.items.reduce((sum: number, r: any) => sum + r.stationCount, 0)).toBe(4129);
    expect(res.json.nextCursor).toBeNull();
  });

  it('lists a township’s villages with a station count of 1 for villages and 0 for urban communities', async () => {
    // 岗沟街道 of 乐都区: counted straight from the source CSV.
    const expected = readCsv('villages.csv', (line) => line.startsWith('630202002'));
    const res = await invoke(handler, { path: '/regions/630202002/children' });
    expect(res.status).toBe(200);
    expect(res.json.region.chain.map((r: any) => r.name)).toEqual(['青海省', '海东市', '乐都区']);
    expect(res.json.items).toHaveLength(expected.length);
    for (const item of res.json.items) {
      const source = expected.find((v) => v.code === item.code)!;
      expect(item.name).toBe(source.name);
      expect(item.level).toBe('village');
      expect(item.stationCount).toBe(/(村委会|村民委员会|牧委会|牧民委员会)$/.test(source.name) ? 1 : 0);
    }
    expect(res.json.region.stationCount).toBe(res.json.items.reduce((s: number, r: any) => s + r.stationCount, 0));
  });

  it('answers 404 for a well-formed code that is no Qinghai region, 400 for a malformed one', async () => {
    const missing = await invoke(handler, { path: '/regions/6399/children' });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NOT_FOUND');
    for (const bad of ['6', '630', 'abc', '63%2F01', '6302020022141']) {
      const res = await invoke(handler, { path: `/regions/${bad}/children` });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('never leaks key attributes', async () => {
    const res = await invoke(handler, { path: '/regions/6327/children' });
    expect(res.raw).not.toMatch(/"(PK|SK|GSI1PK|GSI1SK|GSI2PK|GSI2SK|entity)"/);
  });
});
