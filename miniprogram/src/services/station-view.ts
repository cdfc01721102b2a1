import type { RegionLevel } from '@shared/schemas/regions';
import type { ServiceKey, StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n';

/** The four services in the order the programme lists them (shared SERVICE_KEYS, as a type-checked copy). */
export const SERVICE_ORDER = ['information', 'convenience', 'ecommerce', 'training'] as const satisfies readonly ServiceKey[];

/**
 * The short village name for the station's title: the official name without its committee suffix,
 * e.g. 土桥村村委会 -> 土桥村, 沈家寨村委会 -> 沈家寨村, 峨堡村牧民委员会 -> 峨堡村,
 * 巴音牧委会 / 巴音牧民委员会 -> 巴音牧委会. Other names are kept as they are.
 */
export function shortVillageName(official: string): string {
  const name = official.trim();
  const village = /^(.+?)村?(?:村委会|村民委员会)$/.exec(name);
  if (village) return `${village[1]}村`;
  const herdingVillage = /^(.+村)(?:牧委会|牧民委员会)$/.exec(name);
  if (herdingVillage) return herdingVillage[1];
  const herding = /^(.+?)(?:牧民委员会)$/.exec(name);
  if (herding) return `${herding[1]}牧委会`;
  return name;
}

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
  village: string;
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
    title: t('station.name', { village: shortVillageName(station.villageName) }),
    typeLabel: t(`station.type.${station.type}`),
    kindLabel: t(`station.kind.${station.villageKind}`),
    village: station.villageName,
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
