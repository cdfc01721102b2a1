import Taro from '@tarojs/taro';
import { installMainCatalogue, setLocale } from '.';
import { BO_CATALOGUE_STORAGE_KEY, BO_MAIN_VERSION, LOCALE_STORAGE_KEY, pickLocale } from './locale-keys';
import { withQuery } from '../services/main-routes';

type StoredCatalogue = Parameters<typeof installMainCatalogue>[1] & { version: string };
/** webpack leaves it as the platform's own `require`: WeChat's, whose `async` loads a module of another package. */
declare const __non_webpack_require__: { async: (path: string) => Promise<StoredCatalogue> };

/**
 * Tibetan before 我的 has stored the main catalogue (a first visit in a Tibetan system language): the
 * main pages show zh-CN meanwhile, no blank screen. The catalogue file in packages/me comes with WeChat's
 * require.async (the subpackage is downloaded if it is not there yet); once it is in, it is stored (so the
 * next start is Tibetan at once) and the page on screen is relaunched to render in Tibetan.
 */
function loadTibetanCatalogue(): void {
  // A string literal, as WeChat's compiler wants to see the file: BO_CATALOGUE_FILE (the i18n-locales test checks it).
  Promise.resolve()
    .then(() => __non_webpack_require__.async('./packages/me/i18n-bo.js'))
    .then((catalogue) => {
      installMainCatalogue('bo', catalogue);
      Taro.setStorageSync(BO_CATALOGUE_STORAGE_KEY, catalogue);
      const page = Taro.getCurrentPages().pop();
      if (page) void Taro.reLaunch({ url: withQuery(`/${page.route}`, page.options) });
    })
    // No require.async (an old WeChat), no network, or storage full: zh-CN main texts, as before.
    .catch(() => undefined);
}

/**
 * The language at start (app.tsx, before any page renders). The main package carries no Tibetan: the
 * Tibetan main catalogue is the one 我的 (packages/me) stored on the device, or, until it is stored,
 * the one loaded from packages/me (loadTibetanCatalogue). Storage failures leave zh-CN.
 */
export function bootLocale(): void {
  try {
    const stored: unknown = Taro.getStorageSync(LOCALE_STORAGE_KEY);
    const locale = pickLocale(stored, stored ? undefined : Taro.getSystemInfoSync().language);
    setLocale(locale);
    const cached = Taro.getStorageSync(BO_CATALOGUE_STORAGE_KEY);
    if (locale !== 'bo') return;
    if (cached?.version === BO_MAIN_VERSION) installMainCatalogue('bo', cached);
    else loadTibetanCatalogue();
  } catch {
    setLocale('zh-CN');
  }
}
