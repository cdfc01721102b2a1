import type { AreaType, RegionLevel, RegionRef, RegionSummary } from '../../../shared';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Ancestors from the province down to the parent. */
  chain: RegionRef[];
  stationCount: number;
  villageCount: number;
  /** The seed rule's (scripts/lib/qinghai-area-types.ts) or, once corrected, the correction's (a village's own, else its county's). */
  areaType: AreaType;
  /** Set on the county or village an admin corrected. */
  areaTypeCorrection?: AreaTypeCorrection;
}

export interface AreaTypeCorrection {
  areaType: AreaType;
  byUserId: string;
  at: string;
}

export interface RegionRepository {
  get(code: string): Promise<Region | null>;
  /** All children, ordered by code (never more than a few dozen). */
  listChildren(parentCode: string): Promise<Region[]>;
}

export const toRegionSummary = (r: Region): RegionSummary => ({
  code: r.code,
  name: r.name,
  level: r.level,
  stationCount: r.stationCount,
  villageCount: r.villageCount,
  areaType: r.areaType,
});
