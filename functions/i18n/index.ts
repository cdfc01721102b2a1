/**
 * The server-side catalogue (issue 16): what the server itself writes for people to read, in the
 * caller's language. The HTTP pipeline reads the request's language; jobs use the one stored on the
 * recipient's account. Domain code takes a plain `Locale` value, never a request.
 */
import { DEFAULT_LOCALE, type Locale } from '../../shared';
import { bo } from './bo';
import { zhCN, type ServerTextKey } from './zh-CN';

export type { ServerTextKey } from './zh-CN';

export const SERVER_CATALOGUES: Record<Locale, Record<ServerTextKey, string>> = { 'zh-CN': zhCN, bo };

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function serverText(locale: Locale | undefined, key: ServerTextKey, params?: Record<string, string | number>): string {
  const template = SERVER_CATALOGUES[locale ?? DEFAULT_LOCALE][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
