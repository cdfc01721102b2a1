/**
 * Builds the station search index: names plus their pinyin (full and initials), computed here at
 * seed time so the API needs no pinyin library. Sharded by prefecture.
 */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { Region } from '../../functions/domain/regions/region';
import type { SearchEntry } from '../../functions/domain/stations/search';
import type { Station } from '../../functions/domain/stations/station';

// Place names whose reading differs from the everyday one.
customPinyin({ 乐都: 'lè dū', 大通: 'dà tōng', 湟中: 'huáng zhōng', 湟源: 'huáng yuán' });

const full = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
const initials = (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();

export function buildSearchIndex(stations: Station[], regions: Region[]): Map<string, SearchEntry[]> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const cache = new Map<string, { p: string; i: string }>();
  const spell = (text: string) => {
    let hit = cache.get(text);
    if (!hit) cache.set(text, (hit = { p: full(text), i: initials(text) }));
    return hit;
  };
  const shards = new Map<string, SearchEntry[]>();
  for (const station of stations) {
    const township = byCode.get(station.regionChain[3].code)!.name;
    const county = byCode.get(station.regionChain[2].code)!.name;
    const village = spell(station.villageName);
    const entry: SearchEntry = {
      id: station.id,
      code: station.code,
      v: station.villageName,
      o: station.villageOfficialName,
      t: township,
      c: county,
      vp: village.p,
      vi: village.i,
      tp: spell(township).p,
      ti: spell(township).i,
      cp: spell(county).p,
      ci: spell(county).i,
    };
    const shard = station.regionChain[1].code;
    shards.set(shard, [...(shards.get(shard) ?? []), entry]);
  }
  return shards;
}
