/**
 * Pinyin of free text (question and answer texts, for search), without tones or spaces, and initials.
 * Only the questions function bundles pinyin-pro (its dictionary is ~300 KB); station names are
 * spelled at seed time instead (scripts/lib/search-index.ts).
 */
import { customPinyin, pinyin } from 'pinyin-pro';
import type { Speller } from '../domain/questions/question';

// Place names whose reading differs from the everyday one (as the station search spells them).
customPinyin({ 乐都: 'lè dū', 大通: 'dà tōng', 湟中: 'huáng zhōng', 湟源: 'huáng yuán' });

export const pinyinSpeller: Speller = {
  spell(text) {
    const full = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
    const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
    return { full, initials };
  },
};
