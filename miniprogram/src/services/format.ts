import type { RegionRef } from '@shared/schemas/regions';
import { t } from '../i18n/shared';

// The station page's feed panel (main package) imports china-time.ts alone; the rest of this module is the subpackages'.
export { formatChinaTime } from './china-time';

/**
 * A distance as villagers read it: metres to the nearest 10 below 1 km ("850 米"), kilometres with
 * one decimal below 10 km ("2.7 公里"), whole kilometres beyond ("27 公里").
 */
export function formatDistance(meters: number): string {
  if (!Number.isFinite(meters) || meters < 0) return '';
  const roundedMeters = Math.round(meters / 10) * 10;
  if (roundedMeters < 1000) return t('distance.m', { n: roundedMeters });
  const km = meters / 1000;
  if (km < 9.95) return t('distance.km', { n: km.toFixed(1) });
  return t('distance.km', { n: Math.round(km) });
}

/**
 * Where a station is, below the province (every station is in Qinghai): "海东市 · 乐都区 · 岗沟街道".
 * Many villages share a name, so lists always show this beside it.
 */
export function regionChainText(chain: readonly Pick<RegionRef, 'name' | 'level'>[]): string {
  return chain
    .filter((region) => region.level !== 'province')
    .map((region) => region.name)
    .join(t('list.separator'));
}
