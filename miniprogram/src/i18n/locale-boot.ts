import Taro from '@tarojs/taro';
import { installMainCatalogue, setLocale } from '.';
import { boErrors, boMessages } from './messages/bo';
import { LOCALE_STORAGE_KEY, pickLocale } from './locale-keys';
import '@fontsource/noto-serif-tibetan/tibetan-400.css';
import '@fontsource/noto-serif-tibetan/tibetan-700.css';
import '../styles/tibetan-font.scss';

/**
 * The language at start on H5 (app.tsx; the weapp build takes locale-boot.weapp.ts, which reads the
 * Tibetan main catalogue from storage to keep it out of the main package). H5 has no package budget, so
 * it carries the Tibetan main catalogue and a first visit in a Tibetan browser is Tibetan at once, and
 * the Tibetan web font (styles/tibetan-font.scss).
 */
export function bootLocale(): void {
  installMainCatalogue('bo', { messages: boMessages, errors: boErrors });
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(LOCALE_STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  const locale = pickLocale(stored, typeof navigator === 'undefined' ? undefined : navigator.language);
  setLocale(locale);
  // For the browser's line breaking and the font rules of styles/tibetan-font.scss.
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'bo' ? 'bo' : 'zh-CN';
}
