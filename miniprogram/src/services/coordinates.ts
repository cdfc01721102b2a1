import { t } from '../i18n/station';

/** Coordinates in words, 5 decimals (about a metre): "北纬 36.50252°，东经 102.38972°". */
export function formatCoordinates(point: { lat: number; lng: number }): string {
  const lat = t(point.lat >= 0 ? 'geo.north' : 'geo.south', { n: Math.abs(point.lat).toFixed(5) });
  const lng = t(point.lng >= 0 ? 'geo.east' : 'geo.west', { n: Math.abs(point.lng).toFixed(5) });
  return t('geo.point', { lat, lng });
}
