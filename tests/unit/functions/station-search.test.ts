import { rankStations, withinOneEdit, type SearchEntry } from '../../../functions/domain/stations/search';
import { buildQinghaiDataset } from '../../../scripts/lib/qinghai-dataset';
import { buildSearchIndex } from '../../../scripts/lib/search-index';

const dataset = buildQinghaiDataset('2026-01-01T00:00:00.000Z');
const index: SearchEntry[] = [...buildSearchIndex(dataset.stations, dataset.regions).values()].flat().sort((a, b) => (a.code < b.code ? -1 : 1));
const top = (q: string, n = 5) => rankStations(index, q).slice(0, n);

describe('station search ranking over the real Qinghai index', () => {
  it('finds 土桥村 by Chinese name, full pinyin and initials', () => {
    expect(top('土桥村')[0]).toMatchObject({ v: '土桥村', c: '乐都区' });
    expect(top('tuqiaocun')[0]).toMatchObject({ v: '土桥村' });
    expect(top('tq').map((e) => e.v)).toContain('土桥村');
    expect(top('tqc')[0]).toMatchObject({ v: '土桥村' });
  });

  it('ranks exact before prefix before substring before pinyin', () => {
    // 西岔村 exists several times: every exact match comes before any village merely containing 西岔.
    const results = rankStations(index, '西岔村');
    const exact = results.filter((e) => e.v === '西岔村');
    expect(exact.length).toBeGreaterThan(1);
    expect(results.slice(0, exact.length).every((e) => e.v === '西岔村')).toBe(true);
    const prefix = rankStations(index, '西岔');
    const firstSubstringOnly = prefix.findIndex((e) => !e.v.startsWith('西岔') && !e.o.startsWith('西岔'));
    const lastPrefix = prefix.map((e) => e.v.startsWith('西岔') || e.o.startsWith('西岔')).lastIndexOf(true);
    expect(firstSubstringOnly === -1 || lastPrefix < firstSubstringOnly).toBe(true);
  });

  it('searches township and county names too, with the region chain to tell same-named villages apart', () => {
    const ledu = rankStations(index, '乐都');
    expect(ledu.length).toBe(dataset.stations.filter((s) => s.regionChain[2].name === '乐都区').length);
    // 乐都 reads lè dū, not lè dōu: every 乐都区 station answers the pinyin query too.
    const leduIds = new Set(rankStations(index, 'ledu').map((e) => e.id));
    expect(ledu.every((e) => leduIds.has(e.id))).toBe(true);
  });

  // Three named cases of a 4+ letter pinyin query with one wrong letter.
  it.each([
    ['tuqiso', '土桥村'], // a -> s
    ['mqhai', '马海牧委会'], // a -> q
    ['xicgacun', '西岔村'], // h -> g
    ['bingoucun', '冰沟村'], // missing g
  ])('a typo still finds the intended village in the top 5: %s -> %s', (q, village) => {
    expect(top(q).map((e) => e.v)).toContain(village);
  });

  it('finds a station by its code', () => {
    expect(top('630202002214')[0]).toMatchObject({ v: '土桥村' });
  });

  it('does not treat short queries fuzzily, and finds nothing for nonsense', () => {
    expect(rankStations(index, 'zzzzzz')).toEqual([]);
    expect(rankStations(index, '   ')).toEqual([]);
  });

  it('withinOneEdit accepts one substitution, insertion or deletion at the prefix', () => {
    expect(withinOneEdit('tuqiso', 'tuqiaocun')).toBe(true);
    expect(withinOneEdit('tuqao', 'tuqiaocun')).toBe(true);
    expect(withinOneEdit('tuqiiao', 'tuqiaocun')).toBe(true);
    expect(withinOneEdit('tuqsso', 'tuqiaocun')).toBe(false);
  });
});
