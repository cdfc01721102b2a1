import Taro from '@tarojs/taro';
import { gcj02ToWgs84, wgs84ToGcj02 } from './datum';

export interface GeoPointLike {
  lat: number;
  lng: number;
}

/**
 * Where the phone is, or why not: `denied` when the user (or the phone's settings) refused,
 * `unavailable` when there is no fix (no GPS, timeout, unsupported browser).
 */
export type LocateOutcome = { kind: 'located'; point: GeoPointLike } | { kind: 'denied' } | { kind: 'unavailable'; detail: string };

const errMsgOf = (cause: unknown): string =>
  typeof cause === 'object' && cause !== null && 'errMsg' in cause ? String((cause as { errMsg: unknown }).errMsg) : String(cause);

/**
 * WeChat: "getLocation:fail auth deny" / "auth denied" (the user said no now or before) and
 * "system permission denied" (WeChat has no location permission). Browsers: "User denied
 * Geolocation" (PERMISSION_DENIED); Taro H5 passes on only the message.
 */
export function isLocationDenied(errMsg: string): boolean {
  return /auth den|permission den|user denied|denied geolocation|not allowed/i.test(errMsg);
}

/**
 * Asks for the phone's position once (WGS84: the datum of the stations' coordinates and the only one
 * Taro H5 supports). Never throws.
 */
export async function locate(): Promise<LocateOutcome> {
  try {
    const result = await Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: 10_000 });
    if (!Number.isFinite(result.latitude) || !Number.isFinite(result.longitude)) {
      return { kind: 'unavailable', detail: 'no coordinates' };
    }
    return { kind: 'located', point: { lat: result.latitude, lng: result.longitude } };
  } catch (cause) {
    const detail = errMsgOf(cause);
    return isLocationDenied(detail) ? { kind: 'denied' } : { kind: 'unavailable', detail };
  }
}

/**
 * WeChat: lets the user pick a point on the map (officers placing their station), in WGS84 like
 * everything the API keeps (WeChat's picker works in GCJ-02). Undefined when they cancel or WeChat
 * refuses; H5 has no picker (Taro's needs a Tencent Maps key): officers type the numbers there.
 */
export async function pickLocation(near?: GeoPointLike | null): Promise<GeoPointLike | undefined> {
  try {
    const start = near ? wgs84ToGcj02(near) : undefined;
    const result = await Taro.chooseLocation(start ? { latitude: start.lat, longitude: start.lng } : {});
    if (!Number.isFinite(result.latitude) || !Number.isFinite(result.longitude)) return undefined;
    return gcj02ToWgs84({ lat: result.latitude, lng: result.longitude });
  } catch {
    return undefined;
  }
}

/** WeChat: the station in WeChat's own map, for directions. */
export function openInMap(point: GeoPointLike, name: string, address: string): void {
  const gcj = wgs84ToGcj02(point);
  void Taro.openLocation({ latitude: gcj.lat, longitude: gcj.lng, name, address, scale: 16 }).catch(() => undefined);
}

/** WeChat: the app's settings page, where a refused location permission can be granted again. */
export async function openLocationSettings(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.openSetting();
    return authSetting['scope.userLocation'] === true;
  } catch {
    return false;
  }
}
