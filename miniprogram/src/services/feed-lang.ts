import type { FeedLang } from '@shared/schemas/feeds';
import { getLocale } from '../i18n';

/**
 * The feed language of the reader's locale: the API answers each item in it when the item has that
 * version, else in Chinese. Only Chinese exists in the app so far; Tibetan (`bo`) readers come next.
 */
export function feedLang(): FeedLang {
  return getLocale().startsWith('bo') ? 'bo' : 'zh';
}
