import { handler } from '../../functions/handlers/stations';
import { handler as regions } from '../../functions/handlers/regions';
import { invoke } from '../harness/invoke';

const TUQIAO = '630202002214';

describe('station lookups (seeded Qinghai table)', () => {
  it('opens a station by its code with its village, township, county, prefecture and four services', async () => {
    const res = await invoke(handler, { path: `/stations/by-code/${TUQIAO}` });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      code: TUQIAO,
      villageName: '土桥村',
      villageOfficialName: '土桥村委会',
      villageKind: 'village',
      type: 'standard',
      regionChain: [
        { code: '63', name: '青海省', level: 'province' },
        { code: '6302', name: '海东市', level: 'prefecture' },
        { code: '630202', name: '乐都区', level: 'county' },
        { code: '630202002', name: '岗沟街道', level: 'township' },
      ],
    });
    expect(res.json.services.map((s: any) => s.key)).toEqual(['information', 'convenience', 'ecommerce', 'training']);
    expect(res.raw).not.toMatch(/"(PK|SK|GSI1PK|GSI2PK|entity)"/);
  });

  it('finds the same station by id', async () => {
    const byCode = await invoke(handler, { path: `/stations/by-code/${TUQIAO}` });
    const byId = await invoke(handler, { path: `/stations/${byCode.json.id}` });
    expect(byId.status).toBe(200);
    expect(byId.json).toEqual(byCode.json);
  });

  it('answers 404 for unknown codes and ids, 400 for malformed ones', async () => {
    expect((await invoke(handler, { path: '/stations/by-code/630202002999' })).status).toBe(404);
    expect((await invoke(handler, { path: '/stations/stdoesnotexist' })).status).toBe(404);
    // An urban community has no station.
    expect((await invoke(handler, { path: '/stations/by-code/630102001001' })).status).toBe(404);
    for (const bad of ['has space', 'x'.repeat(33), '土桥', 'a-b']) {
      const res = await invoke(handler, { path: `/stations/by-code/${encodeURIComponent(bad)}` });
      expect(res.status).toBe(400);
      expect(res.json.error.details[0].path).toBe('params.code');
    }
  });

  it('pages through every station of a county, one page at a time, matching the county’s station count', async () => {
    const county = '632701'; // 玉树市
    const children = await invoke(regions, { path: '/regions/6327/children' });
    const expected = children.json.items.find((r: any) => r.code === county).stationCount;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await invoke(handler, { path: '/stations', query: { region: county, limit: '7', ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(7);
      for (const s of res.json.items) {
        expect(s.villageCode.startsWith(county)).toBe(true);
        seen.push(s.id);
      }
      cursor = res.json.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(expected).toBeGreaterThan(20);
  });

  it('defaults to 20 per page and caps limit at 50', async () => {
    const res = await invoke(handler, { path: '/stations', query: { region: '63' } });
    expect(res.json.items).toHaveLength(20);
    expect(typeof res.json.nextCursor).toBe('string');
    for (const limit of ['0', '51', '-1', '1.5', 'ten']) {
      const bad = await invoke(handler, { path: '/stations', query: { region: '63', limit } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.details[0].path).toBe('query.limit');
    }
  });

  it('rejects a tampered cursor, or one from another region, with 400', async () => {
    const first = await invoke(handler, { path: '/stations', query: { region: '6301', limit: '5' } });
    const cursor: string = first.json.nextCursor;
    const tampered = cursor.slice(0, 10) + (cursor[10] === 'a' ? 'b' : 'a') + cursor.slice(11);
    for (const [region, c] of [
      ['6301', tampered],
      ['6302', cursor],
      ['6301', 'garbage'],
    ]) {
      const res = await invoke(handler, { path: '/stations', query: { region, cursor: c } });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 for a region that does not exist and requires the region', async () => {
    expect((await invoke(handler, { path: '/stations', query: { region: '6399' } })).status).toBe(404);
    expect((await invoke(handler, { path: '/stations', query: {} })).status).toBe(400);
  });
});
