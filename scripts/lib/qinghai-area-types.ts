/**
 * The area type (农区 farming / 半农半牧区 semi-pastoral / 牧区 pastoral) of every Qinghai county, by a
 * written rule: no public register of it can be fetched here. Villages, townships and stations take
 * their county's type; a prefecture and the province take the type most of their counties have.
 * Region admins correct a county or a village (PUT /regions/{code}/area-type), recorded with who and when.
 *
 * The rule, and why:
 * - 西宁 6301 and 海东 6302: farming. The 湟水 and 黄河 valleys in the east are Qinghai's farming belt
 *   (wheat, highland barley, rapeseed, potatoes), where most of the province's farmland lies.
 * - 玉树 6327 and 果洛 6326: pastoral. High plateau (4,000 m and more) of the 三江源 headwaters:
 *   yak and Tibetan sheep herding, almost no cropland.
 * - 海北 6322, 黄南 6323, 海南 6325, 海西 6328: by what is generally known of each county. This is an
 *   APPROXIMATION (marked `approximate: true`): counties mix valley farming and grassland herding, and
 *   officials classify them in ways that have changed over time. Admins correct what is wrong.
 */
import type { AreaType } from '../../shared';

export interface AreaTypeRule {
  areaType: AreaType;
  approximate: boolean;
  /** Why, in a few words. */
  reason: string;
}

const PREFECTURE_RULES: Record<string, AreaTypeRule> = {
  '6301': { areaType: 'farming', approximate: false, reason: '湟水谷地 farming belt' },
  '6302': { areaType: 'farming', approximate: false, reason: '湟水/黄河谷地 farming belt' },
  '6326': { areaType: 'pastoral', approximate: false, reason: '三江源 high plateau herding' },
  '6327': { areaType: 'pastoral', approximate: false, reason: '三江源 high plateau herding' },
};

const approx = (areaType: AreaType, reason: string): AreaTypeRule => ({ areaType, approximate: true, reason });

const COUNTY_RULES: Record<string, AreaTypeRule> = {
  // 海北州
  '632221': approx('semi_pastoral', '门源: rapeseed and barley in the 大通河 valley, summer pastures above'),
  '632222': approx('pastoral', '祁连: 祁连山 grasslands, herding'),
  '632223': approx('semi_pastoral', '海晏: farming near 湟水 headwaters, 金银滩 pastures'),
  '632224': approx('pastoral', '刚察: 青海湖 north shore grasslands'),
  // 黄南州
  '632301': approx('semi_pastoral', '同仁: 隆务河 valley farming, herding uplands'),
  '632322': approx('farming', '尖扎: 黄河 valley farming county'),
  '632323': approx('pastoral', '泽库: high grassland herding'),
  '632324': approx('pastoral', '河南蒙古族自治县: herding county'),
  // 海南州
  '632521': approx('semi_pastoral', '共和: 共和盆地 farming with large pastures'),
  '632522': approx('semi_pastoral', '同德: herding with valley farming'),
  '632523': approx('farming', '贵德: 黄河 valley farming'),
  '632524': approx('pastoral', '兴海: high grassland herding'),
  '632525': approx('semi_pastoral', '贵南: farming and herding mixed'),
  // 海西州
  '632801': approx('semi_pastoral', '格尔木: oasis farming, herding in the mountains'),
  '632802': approx('semi_pastoral', '德令哈: oasis farming and herding'),
  '632803': approx('pastoral', '茫崖: desert and herding, little farmland'),
  '632821': approx('semi_pastoral', '乌兰: 茶卡/希里沟 farming and herding'),
  '632822': approx('semi_pastoral', '都兰: 柴达木 oasis farming and herding'),
  '632823': approx('pastoral', '天峻: grassland herding'),
  '632857': approx('pastoral', '大柴旦: herding and mining, little farmland'),
};

/** The rule for a county code (6 digits); prefectures not listed fall back to semi-pastoral, marked approximate. */
export function areaTypeRuleOfCounty(countyCode: string): AreaTypeRule {
  return COUNTY_RULES[countyCode] ?? PREFECTURE_RULES[countyCode.slice(0, 4)] ?? approx('semi_pastoral', 'no rule: the province’s mixed default');
}

/** The type most of `types` have (ties: farming < semi-pastoral < pastoral, the first wins), for prefectures and the province. */
export function mostCommonAreaType(types: AreaType[]): AreaType {
  const counts = new Map<AreaType, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  let best: AreaType = 'semi_pastoral';
  let bestCount = 0;
  for (const type of ['farming', 'semi_pastoral', 'pastoral'] as const) {
    if ((counts.get(type) ?? 0) > bestCount) [best, bestCount] = [type, counts.get(type)!];
  }
  return best;
}
