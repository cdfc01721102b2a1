import Taro from '@tarojs/taro';

/** The device's key-value storage (wx storage; localStorage on H5), as the stores below use it. */
export interface DeviceStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

/**
 * Taro's storage calls, one member call each. Not `Taro` itself: on H5 the default export of
 * `@tarojs/taro` is a small object (router, events...) without the storage API; `Taro.x(...)`
 * works there only because the build rewrites each member call into a named import. Handing the
 * object over (`store(Taro)`) reaches `undefined` on H5 while it works on weapp, where every `wx`
 * API is copied onto it. Failures (quota, private mode) are thrown, never swallowed here.
 */
export const deviceStorage: DeviceStorage = {
  getStorageSync: (key) => Taro.getStorageSync(key),
  setStorageSync: (key, value) => Taro.setStorageSync(key, value),
  removeStorageSync: (key) => Taro.removeStorageSync(key),
};

/** Why storage failed, in a few words for the officer (and the support log). */
export function storageFailureReason(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 120);
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof errMsg === 'string' ? errMsg.slice(0, 120) : String(error).slice(0, 120);
}
