import type { RegionRef } from '@shared/schemas/regions';
import { t } from '../i18n';

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

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment of the API (ISO 8601) as "2026-11-29 15:30" in China's time (UTC+8, no daylight saving),
 * whatever the phone's time zone: the stations and their staff are all in Qinghai.
 */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
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

/** Coordinates in words, 5 decimals (about a metre): "北纬 36.50252°，东经 102.38972°". */
export function formatCoordinates(point: { lat: number; lng: number }): string {
  const lat = t(point.lat >= 0 ? 'geo.north' : 'geo.south', { n: Math.abs(point.lat).toFixed(5) });
  const lng = t(point.lng >= 0 ? 'geo.east' : 'geo.west', { n: Math.abs(point.lng).toFixed(5) });
  return t('geo.point', { lat, lng });
}
