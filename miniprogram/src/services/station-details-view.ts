import type { RegionLevel } from '@shared/schemas/regions';
import type { CapabilityKey, StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n/station';
import { formatCoordinates } from './coordinates';
import { describeOpeningHours } from './opening-hours';

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

/** What the station's details page (packages/station) shows beyond the station page's view, as text. */
export interface StationDetailsView {
  /** How villagers name it (土桥村). */
  village: string;
  /** The committee's official name (土桥村委会); empty when it says the same as `village`. */
  officialName: string;
  /** Region names by level; empty string when the chain lacks that level. */
  township: string;
  county: string;
  prefecture: string;
  province: string;
  capabilities: CapabilityView[];
  /** One line a window ("周一至周六 09:00–18:00"); empty when no hours are set. */
  hours: string[];
  officerName: string;
  /** e.g. 0972-***0836; empty when the station has no phone. */
  phoneMasked: string;
  location: { lat: number; lng: number } | null;
  coordinates: string;
}

function regionName(station: StationProfile, level: RegionLevel): string {
  return station.regionChain.find((region) => region.level === level)?.name ?? '';
}

export function toStationDetailsView(station: StationProfile): StationDetailsView {
  return {
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
    hours: describeOpeningHours(station.openingHours ?? []),
    officerName: station.officerName ?? '',
    phoneMasked: station.phoneMasked ?? '',
    location: station.location ?? null,
    coordinates: station.location ? formatCoordinates(station.location) : '',
  };
}
