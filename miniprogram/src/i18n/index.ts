import { zhCN, type Catalogue, type ErrorTextCode, type MessageKey } from './messages/zh-CN';

export type { MessageKey, ErrorTextCode } from './messages/zh-CN';

/**
 * Locales: zh-CN (the reference, complete by type) and Tibetan `bo`. The main package carries only
 * zh-CN: the Tibetan main catalogue (messages/bo.ts) ships in packages/me and reaches the main pages
 * through device storage (i18n/locale-boot.weapp.ts), installed here with `installMainCatalogue`.
 * A key a catalogue lacks falls back to zh-CN. Keep this module free of Taro imports: app.config.ts
 * reads it at build time.
 */
type PartialCatalogue = { messages: Partial<Catalogue['messages']>; errors: Partial<Catalogue['errors']> };

export const LOCALES = ['zh-CN', 'bo'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const installed: Partial<Record<Locale, PartialCatalogue>> = { 'zh-CN': zhCN };
let current: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The main catalogue of a locale, once it is at hand (the Tibetan one comes from storage or packages/me). */
export function installMainCatalogue(locale: Locale, catalogue: PartialCatalogue): void {
  installed[locale] = catalogue;
}

export type MessageParams = Record<string, string | number>;

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

/** The text for `key` in the current locale, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  return interpolate(installed[current]?.messages[key] ?? zhCN.messages[key], params);
}

/**
 * A `t` that also knows a subpackage's strings (i18n/find.ts, staff.ts, receipt.ts build theirs with
 * it): its own first (in the current locale when `localized` has it, else zh-CN), then the main catalogue.
 */
export function withMessages<K extends string>(
  extra: Record<K, string>,
  // Partial here: each bo.<name>.ts is complete by its own type; a subpackage whose bo file is not written yet reads zh-CN.
  localized: Partial<Record<Locale, Partial<Record<NoInfer<K>, string>>>> = {},
): (key: MessageKey | K, params?: MessageParams) => string {
  const own = (key: string): key is K => Object.prototype.hasOwnProperty.call(extra, key);
  return (key, params) => (own(key) ? interpolate(localized[current]?.[key] ?? extra[key], params) : t(key as MessageKey, params));
}

type ErrorTexts = Partial<Record<ErrorTextCode, string>>;
/** Error texts beyond the main pages' (i18n/errors.ts adds them when a subpackage loads). */
const addedErrors: Partial<Record<Locale, ErrorTexts>> = {};

export function addErrorTexts(texts: Partial<Record<Locale, ErrorTexts>>): void {
  for (const locale of LOCALES) addedErrors[locale] = { ...addedErrors[locale], ...texts[locale] };
}

/** The text for an API/client error code; codes this build does not know (or has not loaded) read as UNKNOWN. */
export function errorText(code: string): string {
  const main: ErrorTexts = zhCN.errors;
  const key = (
    Object.prototype.hasOwnProperty.call(main, code) || Object.prototype.hasOwnProperty.call(addedErrors['zh-CN'] ?? {}, code) ? code : 'UNKNOWN'
  ) as ErrorTextCode;
  const localized: ErrorTexts = installed[current]?.errors ?? {};
  return localized[key] ?? addedErrors[current]?.[key] ?? main[key] ?? addedErrors['zh-CN']?.[key] ?? zhCN.errors.UNKNOWN;
}
