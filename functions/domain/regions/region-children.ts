import type { RegionChildrenResponse } from '../../../shared';
import { notFound } from '../errors';
import { toRegionSummary, type RegionRepository } from './region';

export async function getRegionChildren(regions: RegionRepository, code: string): Promise<RegionChildrenResponse> {
  const [region, children] = await Promise.all([regions.get(code), regions.listChildren(code)]);
  if (!region) throw notFound('Region');
  return {
    region: { ...toRegionSummary(region), areaTypeCorrection: region.areaTypeCorrection ?? null, chain: region.chain },
    items: children.map(toRegionSummary),
    nextCursor: null,
  };
}
