import * as z from 'zod/mini';

/**
 * The languages the app speaks (issue 16): Chinese and Tibetan. A request names its language in
 * `Accept-Language`; a user's choice is stored on their account so that messages sent later (by
 * jobs, with no request) use it too.
 */
export const LOCALES = ['zh-CN', 'bo'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** `bo`, `bo-CN`, `bo;q=0.9, zh;q=0.8` -> bo; anything else (or nothing) -> zh-CN. The first listed language decides. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const first = (header ?? '').split(',')[0].split(';')[0].trim().toLowerCase();
  return first === 'bo' || first.startsWith('bo-') ? 'bo' : DEFAULT_LOCALE;
}

export const LanguageRequest = z.strictObject({ language: z.enum(LOCALES) });
export type LanguageRequest = z.infer<typeof LanguageRequest>;
export const LanguageResponse = z.object({ language: z.enum(LOCALES) });
export type LanguageResponse = z.infer<typeof LanguageResponse>;
