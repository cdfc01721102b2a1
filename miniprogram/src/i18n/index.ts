import { zhCN, type Catalogue, type ErrorTextCode, type MessageKey } from './messages/zh-CN';

export type { MessageKey, ErrorTextCode } from './messages/zh-CN';

/**
 * Locales and their catalogues. zh-CN is complete by type; a later locale (Tibetan `bo`) may be
 * partial while it is being translated: missing keys fall back to zh-CN.
 */
type PartialCatalogue = { messages: Partial<Catalogue['messages']>; errors: Partial<Catalogue['errors']> };

const catalogues = {
  'zh-CN': zhCN,
} satisfies Record<string, PartialCatalogue>;

export type Locale = keyof typeof catalogues;
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALES = Object.keys(catalogues) as Locale[];

let current: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

export type MessageParams = Record<string, string | number>;

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

/** The text for `key` in the current locale, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const localized: PartialCatalogue = catalogues[current];
  return interpolate(localized.messages[key] ?? zhCN.messages[key], params);
}

/**
 * A `t` that also knows a subpackage's strings (i18n/find.ts, staff.ts, receipt.ts build theirs with
 * it): its own first, then the main catalogue.
 */
export function withMessages<K extends string>(extra: Record<K, string>): (key: MessageKey | K, params?: MessageParams) => string {
  return (key, params) => (Object.prototype.hasOwnProperty.call(extra, key) ? interpolate(extra[key as K], params) : t(key as MessageKey, params));
}

function hasErrorText(code: string): code is ErrorTextCode {
  return Object.prototype.hasOwnProperty.call(zhCN.errors, code);
}

/** The text for an API/client error code; codes this build does not know read as UNKNOWN. */
export function errorText(code: string): string {
  const key: ErrorTextCode = hasErrorText(code) ? code : 'UNKNOWN';
  const localized: PartialCatalogue = catalogues[current];
  return localized.errors[key] ?? zhCN.errors[key];
}
