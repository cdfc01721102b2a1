import Taro from '@tarojs/taro';
import { t } from '../i18n';

/**
 * What the phone last received for a few pages a villager opens without signal (the station page, the
 * latest feed pages, recent receipts), kept in device storage with the time it arrived, so a page
 * can show it offline as "3 小时前的内容" instead of an error. Only the last answer per key is kept.
 * Main-package code (the station page uses it): kept small, Taro's storage called directly.
 */
const PREFIX = 'yinong.cache.';

/**
 * Asks with `load` and saves the answer; when no answer comes (no signal: status 0), returns the
 * saved one with `cachedAt`, the time it arrived, or rethrows when there is none. An answer the
 * server gave (a 404) is never hidden behind an old copy.
 */
export async function loadOrCached<T extends object>(key: string, load: () => Promise<T>): Promise<T & { cachedAt?: number }> {
  try {
    const value: T = await load();
    // A full storage must not turn a good answer into a failure: the page just has no offline copy.
    try {
      Taro.setStorageSync(PREFIX + key, { value, savedAt: Date.now() });
    } catch {
      /* quota or private mode */
    }
    return value;
  } catch (error) {
    let cached: { value: T; savedAt: number } | undefined;
    try {
      if ((error as { status?: number }).status === 0) cached = Taro.getStorageSync(PREFIX + key);
    } catch {
      /* unreadable storage: as if nothing was saved */
    }
    if (!cached?.savedAt) throw error;
    return { ...cached.value, cachedAt: cached.savedAt };
  }
}

/** "无网络，显示 3 小时前的内容": minutes under an hour, hours under two days, then days. */
export function cachedAgeText(savedAt: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - savedAt) / 60_000));
  if (minutes < 60) return t('offline.minutes', { n: minutes });
  return minutes < 2880 ? t('offline.hours', { n: Math.floor(minutes / 60) }) : t('offline.days', { n: Math.floor(minutes / 1440) });
}
