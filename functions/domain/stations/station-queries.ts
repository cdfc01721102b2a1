import type { StationListResponse, StationProfile } from '../../../shared';
import { notFound } from '../errors';
import type { RegionRepository } from '../regions/region';
import { toStationProfile, type StationRepository } from './station';

export async function getStationByCode(stations: StationRepository, code: string): Promise<StationProfile> {
  const station = await stations.getByCode(code);
  if (!station) throw notFound('Station');
  return toStationProfile(station);
}

export async function getStationById(stations: StationRepository, stationId: string): Promise<StationProfile> {
  const station = await stations.getById(stationId);
  if (!station) throw notFound('Station');
  return toStationProfile(station);
}

/**
 * One Query per page. An empty first page costs one more read to tell "no stations here" (200, empty
 * list) from "no such region" (404).
 */
export async function listStationsInRegion(
  stations: StationRepository,
  regions: RegionRepository,
  query: { region: string; limit: number; cursor?: string },
): Promise<StationListResponse> {
  const page = await stations.listInRegion(query.region, { limit: query.limit, cursor: query.cursor });
  if (page.items.length === 0 && !query.cursor && !(await regions.get(query.region))) {
    throw notFound('Region');
  }
  return { items: page.items.map(toStationProfile), nextCursor: page.nextCursor };
}
