import type { Locale } from '.';

/**
 * Where the language lives on the device, shared by the main package's boot (locale-boot*.ts) and 我的's
 * switch (services/locale-choice.ts). Taro-free and tiny: the weapp main package carries it.
 */
export const LOCALE_STORAGE_KEY = 'yinong.locale';
/** The Tibetan main catalogue as packages/me stored it: { version, messages, errors }. */
export const BO_CATALOGUE_STORAGE_KEY = 'yinong.i18n.bo';
/**
 * The Tibetan main catalogue as a plain CommonJS file in packages/me (written by the weapp build,
 * config/weapp-bo-catalogue.ts): what a first visit in a Tibetan system language loads with WeChat's
 * require.async before 我的 has stored it (i18n/locale-boot.weapp.ts).
 */
export const BO_CATALOGUE_FILE = 'packages/me/i18n-bo.js';
/**
 * The stored catalogue is used only when its version is this one (an older build's keys and texts are
 * not this build's). tests/unit/miniprogram/i18n-locales.test.ts fails, with the value to put here, when
 * messages/bo.ts changes without it.
 */
export const BO_MAIN_VERSION = 'e6f5d6d3c1a5';

/** The language to show: the one chosen in 我的, else the system's (Tibetan when it starts with "bo"). */
export function pickLocale(stored: unknown, systemLanguage: string | undefined): Locale {
  if (stored === 'bo' || stored === 'zh-CN') return stored;
  return /^bo\b/i.test(systemLanguage ?? '') ? 'bo' : 'zh-CN';
}
