import type { RegionLevel } from '@shared/schemas/regions';
import type { CapabilityKey, ServiceKey, StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n';
import { formatCoordinates, formatDistance, regionChainText } from './format';
import { describeOpeningHours } from './opening-hours';

/** The four services in the order the programme lists them (shared SERVICE_KEYS, as a type-checked copy). */
export const SERVICE_ORDER = ['information', 'convenience', 'ecommerce', 'training'] as const satisfies readonly ServiceKey[];

/** What a station can do (shared CAPABILITY_KEYS, as a type-checked copy), in the order they are shown. */
export const CAPABILITY_ORDER = [
  'billPayment',
  'cashWithdrawal',
  'parcelPickup',
  'produceSelling',
  'training',
] as const satisfies readonly CapabilityKey[];

export interface CapabilityView {
  key: CapabilityKey;
  name: string;
  available: boolean;
}

/** Open now, closed now, or nothing to say (no hours set). */
export type OpenState = 'open' | 'closed' | 'unknown';

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
  capabilities: CapabilityView[];
  openState: OpenState;
  /** "营业中" / "已休息"; empty when no hours are set. */
  openLabel: string;
  /** One line a window ("周一至周六 09:00–18:00"); empty when no hours are set. */
  hours: string[];
  officerName: string;
  /** e.g. 0972-***0836; empty when the station has no phone. */
  phoneMasked: string;
  location: { lat: number; lng: number } | null;
  coordinates: string;
}

/** The server decides "open now" (Asia/Shanghai); null means no hours are set. */
export function openStateOf(openNow: boolean | null | undefined): { openState: OpenState; openLabel: string } {
  if (openNow === true) return { openState: 'open', openLabel: t('station.openNow') };
  if (openNow === false) return { openState: 'closed', openLabel: t('station.closedNow') };
  return { openState: 'unknown', openLabel: '' };
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
    // The area type (农区 / 半农半牧区 / 牧区), not the committee's kind: a 村委会 of 玉树 herds.
    kindLabel: t(`station.areaType.${station.areaType}`),
    village: station.villageName,
    officialName: station.villageOfficialName === station.villageName ? '' : station.villageOfficialName,
    township: regionName(station, 'township'),
    county: regionName(station, 'county'),
    prefecture: regionName(station, 'prefecture'),
    province: regionName(station, 'province'),
    capabilities: CAPABILITY_ORDER.map((key) => ({
      key,
      name: t(`capability.${key}`),
      available: station.capabilities?.[key] === true,
    })),
    ...openStateOf(station.openNow),
    hours: describeOpeningHours(station.openingHours ?? []),
    officerName: station.officerName ?? '',
    phoneMasked: station.phoneMasked ?? '',
    location: station.location ?? null,
    coordinates: station.location ? formatCoordinates(station.location) : '',
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

/** A station in a list (search, nearest, browse): its name, where it is, and how far. */
export interface StationRowView {
  code: string;
  title: string;
  village: string;
  place: string;
  distance: string;
  openState: OpenState;
  openLabel: string;
}

export function toStationRow(station: StationProfile): StationRowView {
  return {
    code: station.code,
    title: t('station.name', { village: station.villageName }),
    village: station.villageName,
    place: regionChainText(station.regionChain),
    distance: station.distanceMeters === undefined ? '' : formatDistance(station.distanceMeters),
    ...openStateOf(station.openNow),
  };
}
