import { resetSearchIndexCacheForTests } from '../../functions/data/search-index-repository';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';

const search = (query: Record<string, string>) => invoke(handlers.stations, { path: '/stations', query });

describe('GET /stations?q= (seeded Qinghai, index in DynamoDB)', () => {
  beforeAll(() => resetSearchIndexCacheForTests());

  it('finds 土桥村 by pinyin initials with its region chain', async () => {
    const res = await search({ q: 'tq' });
    expect(res.status).toBe(200);
    const tuqiao = res.json.items.find((s: any) => s.villageName === '土桥村');
    expect(tuqiao.regionChain.map((r: any) => r.name)).toEqual(['青海省', '海东市', '乐都区', '岗沟街道']);
  });

  it('pages through a large result with signed cursors, each station once', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await search({ q: '乐都', limit: '50', ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      for (const s of res.json.items) seen.add(s.id);
      cursor = res.json.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.size).toBeGreaterThan(300);
    expect(pages).toBe(Math.ceil(seen.size / 50));
  });

  it('rejects a cursor from another query and an over-long query', async () => {
    const first = await search({ q: '村', limit: '5' });
    expect((await search({ q: '沟', cursor: first.json.nextCursor })).status).toBe(400);
    expect((await search({ q: 'x'.repeat(41) })).status).toBe(400);
  });

  it('matches every word of a multi-word query against village, township and county names, in Chinese or pinyin', async () => {
    for (const [q, area] of [
      ['乐都 土桥', '乐都'],
      ['岗沟 土桥', '岗沟'],
      ['乐都区　土桥村', '乐都'], // a full-width space
      ['ledu tuqiao', '乐都'],
    ]) {
      const res = await search({ q });
      expect([q, res.status]).toEqual([q, 200]);
      expect([q, res.json.items.map((s: any) => s.villageName)]).toEqual([q, expect.arrayContaining(['土桥村'])]);
      // Every result matches both words: a 土桥 village in that area.
      for (const s of res.json.items) {
        expect([q, s.villageName]).toEqual([q, expect.stringContaining('土桥')]);
        expect([q, s.regionChain.some((r: any) => r.name.includes(area))]).toEqual([q, true]);
      }
    }
    // A word that matches nothing leaves nothing, however well the other word matches.
    expect((await search({ q: '乐都 不存在的村子' })).json.items).toEqual([]);
  });

  it('answers an empty page for no match', async () => {
    const res = await search({ q: '不存在的村子' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ items: [], nextCursor: null });
  });
});
