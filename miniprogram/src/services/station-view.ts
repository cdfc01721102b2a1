import type { ServiceKey, StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n';

/** The four services in the order the programme lists them (shared SERVICE_KEYS, as a type-checked copy). */
export const SERVICE_ORDER = ['information', 'convenience', 'ecommerce', 'training'] as const satisfies readonly ServiceKey[];

/** Open now, closed now, or nothing to say (no hours set). */
export type OpenState = 'open' | 'closed' | 'unknown';

export interface ServiceView {
  key: ServiceKey;
  name: string;
  description: string;
  available: boolean;
  statusLabel: string;
}

/**
 * What the station page (main package, the first scan) shows, as text: who it is, whether it is open
 * and its four services. Hours, contact, capabilities and place are the details page's
 * (services/station-details-view.ts, in packages/station).
 */
export interface StationView {
  code: string;
  title: string;
  typeLabel: string;
  kindLabel: string;
  services: ServiceView[];
  openState: OpenState;
  /** "营业中" / "已休息"; empty when no hours are set. */
  openLabel: string;
}

/** The server decides "open now" (Asia/Shanghai); null means no hours are set. */
export function openStateOf(openNow: boolean | null | undefined): { openState: OpenState; openLabel: string } {
  if (openNow === true) return { openState: 'open', openLabel: t('station.openNow') };
  if (openNow === false) return { openState: 'closed', openLabel: t('station.closedNow') };
  return { openState: 'unknown', openLabel: '' };
}

export function toStationView(station: StationProfile): StationView {
  const available = new Map(station.services.map((service) => [service.key, service.available]));
  return {
    code: station.code,
    title: t('station.name', { village: station.villageName }),
    typeLabel: t(`station.type.${station.type}`),
    // The area type (农区 / 半农半牧区 / 牧区), not the committee's kind: a 村委会 of 玉树 herds.
    kindLabel: t(`station.areaType.${station.areaType}`),
    ...openStateOf(station.openNow),
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
