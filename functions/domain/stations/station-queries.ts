import type { StationListResponse, StationProfile } from '../../../shared';
import { AppError, notFound } from '../errors';
import type { RegionRepository } from '../regions/region';
import { findNearest, type GeoIndex } from './nearest';
import { rankStations, type SearchIndexSource } from './search';
import { toStationProfile, type StationRepository } from './station';

export interface StationQueryDeps {
  stations: StationRepository;
  regions: RegionRepository;
  search: SearchIndexSource;
  geo: GeoIndex;
  /** Signs and checks offset cursors for search results. */
  offsetCursor: { encode(offset: number, scope: string): string; decode(cursor: string | undefined, scope: string): number };
  now?: () => Date;
}

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

export function listStations(
  deps: StationQueryDeps,
  query: { region?: string; q?: string; near?: string; limit: number; cursor?: string },
): Promise<StationListResponse> {
  if (query.q !== undefined) return searchStations(deps, query.q, query);
  if (query.near !== undefined) {
    if (query.cursor)
      throw new AppError('VALIDATION_FAILED', 'Nearest results are one page: no cursor', [
        { path: 'query.cursor', message: 'is not used with near' },
      ]);
    const [lat, lng] = query.near.split(',').map(Number);
    return nearestStations(deps, { lat, lng }, query.limit);
  }
  return listStationsInRegion(deps, { region: query.region!, limit: query.limit, cursor: query.cursor });
}

/**
 * One Query per page. An empty first page costs one more read to tell "no stations here" (200, empty
 * list) from "no such region" (404).
 */
async function listStationsInRegion(deps: StationQueryDeps, query: { region: string; limit: number; cursor?: string }): Promise<StationListResponse> {
  const page = await deps.stations.listInRegion(query.region, { limit: query.limit, cursor: query.cursor });
  if (page.items.length === 0 && !query.cursor && !(await deps.regions.get(query.region))) throw notFound('Region');
  const now = deps.now?.() ?? new Date();
  return { items: page.items.map((s) => toStationProfile(s, now)), nextCursor: page.nextCursor };
}

/** Ranked over the cached index, then one BatchGet for the page's stations. */
async function searchStations(deps: StationQueryDeps, q: string, page: { limit: number; cursor?: string }): Promise<StationListResponse> {
  const scope = `search:${q}`;
  const offset = deps.offsetCursor.decode(page.cursor, scope);
  const ranked = rankStations(await deps.search.load(), q);
  const slice = ranked.slice(offset, offset + page.limit);
  const stations = await deps.stations.getMany(slice.map((e) => e.id));
  const now = deps.now?.() ?? new Date();
  const next = offset + page.limit < ranked.length ? deps.offsetCursor.encode(offset + page.limit, scope) : null;
  return { items: stations.map((s) => toStationProfile(s, now)), nextCursor: next };
}

async function nearestStations(deps: StationQueryDeps, point: { lat: number; lng: number }, limit: number): Promise<StationListResponse> {
  const nearest = await findNearest(deps.geo, point, limit);
  const stations = await deps.stations.getMany(nearest.map((n) => n.stationId));
  const byId = new Map(stations.map((s) => [s.id, s]));
  const now = deps.now?.() ?? new Date();
  return {
    items: nearest.flatMap((n) => {
      const station = byId.get(n.stationId);
      return station ? [toStationProfile(station, now, n.distanceMeters)] : [];
    }),
    nextCursor: null,
  };
}
