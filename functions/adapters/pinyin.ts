/**
 * Pinyin of free text (question, answer and listing texts, for search), without tones or spaces, and initials.
 * pinyin-pro's dictionary is ~450 KB of code: required on the first spelling, not at cold start, so the
 * market and questions functions start as fast as the others (deployed stages ship it beside the bundle:
 * serverless.yml `lazyModules`). Station names are spelled at seed time instead (scripts/lib/search-index.ts).
 */
import type * as PinyinPro from 'pinyin-pro';
import type { Speller } from '../domain/questions/question';

let loaded: typeof PinyinPro | undefined;

function pinyinPro(): typeof PinyinPro {
  if (!loaded) {
    // A plain require keeps it out of the cold start (an import would load it with the bundle).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('pinyin-pro') as typeof PinyinPro;
    // Place names whose reading differs from the everyday one (as the station search spells them).
    loaded.customPinyin({ 乐都: 'lè dū', 大通: 'dà tōng', 湟中: 'huáng zhōng', 湟源: 'huáng yuán' });
  }
  return loaded;
}

export const pinyinSpeller: Speller = {
  spell(text) {
    const { pinyin } = pinyinPro();
    const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
    const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
    return { full, initials };
  },
};
