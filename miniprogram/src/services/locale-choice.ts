import Taro from '@tarojs/taro';
import { getLocale, installMainCatalogue, setLocale, type Locale } from '../i18n';
import { BO_CATALOGUE_STORAGE_KEY, BO_MAIN_VERSION, LOCALE_STORAGE_KEY } from '../i18n/locale-keys';
import { boErrors, boMessages } from '../i18n/messages/bo';

/**
 * 我的's language switch (packages/me, which carries the Tibetan main catalogue so the main package does
 * not). Choosing a language stores it; choosing Tibetan also stores the main catalogue, which the main
 * package reads at its next start (i18n/locale-boot.weapp.ts).
 */

/** Stores this build's Tibetan main catalogue unless it is already there; installs it for this run. */
export function keepTibetanCatalogue(): void {
  installMainCatalogue('bo', { messages: boMessages, errors: boErrors });
  try {
    const cached = Taro.getStorageSync(BO_CATALOGUE_STORAGE_KEY);
    if (cached?.version !== BO_MAIN_VERSION)
      Taro.setStorageSync(BO_CATALOGUE_STORAGE_KEY, { version: BO_MAIN_VERSION, messages: boMessages, errors: boErrors });
  } catch {
    // Storage full or unavailable: this run shows Tibetan; the main pages of a later start show zh-CN.
  }
}

/** Switches the language and relaunches on `url`, so every page renders again in it. */
export function chooseLocale(locale: Locale, url: string): void {
  if (locale === getLocale()) return;
  if (locale === 'bo') keepTibetanCatalogue();
  try {
    Taro.setStorageSync(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not stored: the choice holds for this run only.
  }
  setLocale(locale);
  // H5 relaunches without reloading: the document's language (line breaking, the Tibetan font rules) follows here.
  if (process.env.TARO_ENV === 'h5') document.documentElement.lang = locale;
  void Taro.reLaunch({ url });
}
