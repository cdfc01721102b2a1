import Taro from '@tarojs/taro';
import { installMainCatalogue, setLocale } from '.';
import { BO_CATALOGUE_STORAGE_KEY, BO_MAIN_VERSION, LOCALE_STORAGE_KEY, pickLocale } from './locale-keys';

/**
 * The language at start (app.tsx, before any page renders). The main package carries no Tibetan: the
 * Tibetan main catalogue is the one 我的 (packages/me) stored on the device. Until it is stored (a
 * first visit in a Tibetan system language that has not opened 我的 yet), the main pages read zh-CN
 * and the subpackages their own Tibetan strings. Storage failures leave zh-CN.
 */
export function bootLocale(): void {
  try {
    const stored: unknown = Taro.getStorageSync(LOCALE_STORAGE_KEY);
    const locale = pickLocale(stored, stored ? undefined : Taro.getSystemInfoSync().language);
    setLocale(locale);
    const cached = Taro.getStorageSync(BO_CATALOGUE_STORAGE_KEY);
    if (locale === 'bo' && cached?.version === BO_MAIN_VERSION) installMainCatalogue('bo', cached);
  } catch {
    setLocale('zh-CN');
  }
}
