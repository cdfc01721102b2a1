import { t } from '../i18n';
import { deviceStorage, type DeviceStorage } from './device-storage';

/**
 * What the phone last received for a few pages a villager opens without signal (the station page, the
 * latest feed pages, recent receipts), kept in device storage with the time it arrived, so a page
 * can show it offline as "N 小时前的内容" instead of an error. Only the last answer per key is kept.
 */
export interface Cached<T> {
  value: T;
  savedAt: number;
}

const PREFIX = 'yinong.cache.';

export function saveCached<T>(key: string, value: T, now = Date.now(), storage: DeviceStorage = deviceStorage): void {
  // A full storage must not turn a good answer into a failure: the page just has no offline copy.
  try {
    storage.setStorageSync(PREFIX + key, { value, savedAt: now });
  } catch {
    /* quota or private mode */
  }
}

export function readCached<T>(key: string, storage: DeviceStorage = deviceStorage): Cached<T> | undefined {
  try {
    const found = storage.getStorageSync(PREFIX + key) as Cached<T> | '' | undefined;
    return found && typeof found.savedAt === 'number' ? found : undefined;
  } catch {
    return undefined;
  }
}

/** The age of what was saved, as the catalogue's unit and count: minutes under an hour, hours under two days. */
export function cacheAge(savedAt: number, now = Date.now()): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.max(0, Math.floor((now - savedAt) / 60_000));
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? { unit: 'hours', n: hours } : { unit: 'days', n: Math.floor(hours / 24) };
}

/**
 * Asks with `load` and saves the answer; when no answer comes (no signal: status 0), returns the
 * saved one with its time instead, or rethrows when there is none.
 */
export async function loadOrCached<T extends object>(key: string, load: () => Promise<T>): Promise<T & { cachedAt?: number }> {
  try {
    const value: T = await load();
    saveCached(key, value);
    return value;
  } catch (error) {
    const cached = (error as { status?: number }).status === 0 ? readCached<T>(key) : undefined;
    if (!cached) throw error;
    return { ...cached.value, cachedAt: cached.savedAt };
  }
}

/** "无网络，显示 3 小时前的内容": what an offline page says above what it shows. */
export function cachedAgeText(savedAt: number, now = Date.now()): string {
  const { unit, n } = cacheAge(savedAt, now);
  return t(`offline.${unit}`, { n });
}
