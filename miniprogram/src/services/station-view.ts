import type { RegionLevel } from '@shared/schemas/regions';
import type { ServiceKey, StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n';

/** The four services in the order the programme lists them (shared SERVICE_KEYS, as a type-checked copy). */
export const SERVICE_ORDER = ['information', 'convenience', 'ecommerce', 'training'] as const satisfies readonly ServiceKey[];

export interface ServiceView {
  key: ServiceKey;
  name: string;
  description: string;
  available: boolean;
  statusLabel: string;
}

export interface StationView {
  code: string;
  title: string;
  typeLabel: string;
  kindLabel: string;
  /** How villagers name it (土桥村). */
  village: string;
  /** The committee's official name (土桥村委会); empty when it says the same as `village`. */
  officialName: string;
  /** Region names by level; empty string when the chain lacks that level. */
  township: string;
  county: string;
  prefecture: string;
  province: string;
  services: ServiceView[];
}

function regionName(station: StationProfile, level: RegionLevel): string {
  return station.regionChain.find((region) => region.level === level)?.name ?? '';
}

/** Everything the station page shows, as text: the page only lays it out. */
export function toStationView(station: StationProfile): StationView {
  const available = new Map(station.services.map((service) => [service.key, service.available]));
  return {
    code: station.code,
    title: t('station.name', { village: station.villageName }),
    typeLabel: t(`station.type.${station.type}`),
    kindLabel: t(`station.kind.${station.villageKind}`),
    village: station.villageName,
    officialName: station.villageOfficialName === station.villageName ? '' : station.villageOfficialName,
    township: regionName(station, 'township'),
    county: regionName(station, 'county'),
    prefecture: regionName(station, 'prefecture'),
    province: regionName(station, 'province'),
    // Always the four services in programme order; one the API does not list is not available.
    services: SERVICE_ORDER.map((key) => {
      const isAvailable = available.get(key) === true;
      return {
        key,
        name: t(`service.${key}.name`),
        description: t(`service.${key}.desc`),
        available: isAvailable,
        statusLabel: t(isAvailable ? 'service.available' : 'service.unavailable'),
      };
    }),
  };
}
