/**
 * How long a text is as a reader sees it: user-perceived characters (grapheme clusters), so that a
 * Tibetan stack such as སྒྲུ (four code points, one letter on screen) counts once, as a Chinese
 * character does. Kept free of zod: the mini-program's forms count with it too.
 */

/**
 * Tibetan signs that stack on or under the letter before them (Unicode's Grapheme_Extend and
 * SpacingMark in the block): subjoined consonants U+0F8D-U+0FBC (U+0F98 is unassigned), vowel signs and marks U+0F71-U+0F84,
 * U+0F86-U+0F87, and the few marks elsewhere in the block. Never the tsheg U+0F0B nor the shad.
 */
const TIBETAN_MARK = /[\u0f18\u0f19\u0f35\u0f37\u0f39\u0f3e\u0f3f\u0f71-\u0f84\u0f86\u0f87\u0f8d-\u0f97\u0f99-\u0fbc\u0fc6]/;

/**
 * Where Intl.Segmenter is missing (WeChat's JS engines do not promise it): code points, each
 * Tibetan mark joined to the letter before it. Equal to the segmenter on Tibetan, Chinese and Latin
 * text in NFC; elsewhere it counts at least as many (an emoji sequence counts each part), so a form
 * that counts with it never lets through what the server refuses.
 */
export function countWithoutSegmenter(text: string): number {
  let count = 0;
  let previous = '';
  for (const ch of text) {
    // A mark after a line break stands alone, as the segmenter has it.
    if (!(previous && previous !== '\n' && TIBETAN_MARK.test(ch))) count++;
    previous = ch;
  }
  return count;
}

type Segmenter = { segment(text: string): Iterable<unknown> };
const SegmenterClass = (globalThis as { Intl?: { Segmenter?: new (locale?: string, options?: { granularity: 'grapheme' }) => Segmenter } }).Intl
  ?.Segmenter;
const segmenter = SegmenterClass ? new SegmenterClass(undefined, { granularity: 'grapheme' }) : undefined;

/** The characters a reader sees in `text` (grapheme clusters). */
export function textLength(text: string): number {
  if (!segmenter) return countWithoutSegmenter(text);
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/**
 * Code units a free-text field may hold per character of its limit: a bound on what one grapheme may
 * carry (stacked marks without end), so a field's storage stays bounded. A Tibetan text averages under
 * two code units a character, Sanskrit stacks in Tibetan script up to six.
 */
export const MAX_CODE_UNITS_PER_CHARACTER = 6;

/**
 * `text` cut to its first `max` characters as a reader sees them, with … when something was cut: an
 * excerpt never ends inside a Tibetan stack (a letter without its subjoined letters or vowel).
 */
export function clipText(text: string, max: number): string {
  if (!segmenter) return clipWithoutSegmenter(text, max);
  let kept = 0;
  let end = 0;
  for (const part of segmenter.segment(text) as Iterable<{ segment: string }>) {
    if (kept === max) return `${text.slice(0, end)}…`;
    kept++;
    end += part.segment.length;
  }
  return text;
}

/** clipText where Intl.Segmenter is missing: the characters countWithoutSegmenter counts. */
export function clipWithoutSegmenter(text: string, max: number): string {
  let kept = 0;
  let end = 0;
  let previous = '';
  for (const ch of text) {
    if (!(previous && previous !== '\n' && TIBETAN_MARK.test(ch))) {
      if (kept === max) return `${text.slice(0, end)}…`;
      kept++;
    }
    end += ch.length;
    previous = ch;
  }
  return text;
}
