import Taro from '@tarojs/taro';

/**
 * Low-data mode (省流量, switched in 我的): pages show text first and load a picture only when it is
 * tapped, for villagers on a thin or metered signal. Kept on the device; subpackage code only (the
 * station page has no pictures).
 */
export const LOW_DATA_STORAGE_KEY = 'yinong.lowData';

export function isLowData(): boolean {
  try {
    return Taro.getStorageSync(LOW_DATA_STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

export function setLowData(on: boolean): void {
  Taro.setStorageSync(LOW_DATA_STORAGE_KEY, on);
}
