import type { StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n';
import { formatDistance, regionChainText } from './format';
import { openStateOf, type OpenState } from './station-view';

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
