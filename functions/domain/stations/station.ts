import type { RegionRef, ServiceKey, StationProfile, StationType } from '../../../shared';
import { SERVICE_KEYS } from '../../../shared';

export interface Station {
  id: string;
  code: string;
  villageCode: string;
  villageName: string;
  villageOfficialName: string;
  villageKind: 'village' | 'herding';
  type: StationType;
  /** Province, prefecture, county, township. */
  regionChain: RegionRef[];
  services: Record<ServiceKey, boolean>;
  createdAt: string;
  updatedAt: string;
}

export interface StationPage {
  items: Station[];
  /** Opaque continuation, already signed by the repository; null on the last page. */
  nextCursor: string | null;
}

export interface StationRepository {
  getById(stationId: string): Promise<Station | null>;
  getByCode(code: string): Promise<Station | null>;
  /** Stations whose village lies in `regionCode` (any level), ordered by village code. */
  listInRegion(regionCode: string, page: { limit: number; cursor?: string }): Promise<StationPage>;
}

export function toStationProfile(s: Station): StationProfile {
  return {
    id: s.id,
    code: s.code,
    villageName: s.villageName,
    villageOfficialName: s.villageOfficialName,
    villageCode: s.villageCode,
    villageKind: s.villageKind,
    type: s.type,
    regionChain: s.regionChain,
    services: SERVICE_KEYS.map((key) => ({ key, available: s.services[key] ?? false })),
  };
}
