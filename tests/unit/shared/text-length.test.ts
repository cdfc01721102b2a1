import fc from 'fast-check';
import { clipText, clipWithoutSegmenter, countWithoutSegmenter, MAX_CODE_UNITS_PER_CHARACTER, textLength } from '../../../shared/text-length';

const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;

describe('textLength', () => {
  it('counts a Tibetan stack once, the tsheg and shad each once, a Chinese character once', () => {
    expect([textLength('བསྒྲུབས'), 'བསྒྲུབས'.length]).toEqual([4, 7]); // བ སྒྲུ བ ས
    expect(textLength('བཀྲ་ཤིས་རྡོ་རྗེ།')).toBe(10);
    expect(textLength('ཧཱུྃ')).toBe(1);
    expect(textLength('索南扎西')).toBe(4);
    expect(textLength('')).toBe(0);
  });

  it('without Intl.Segmenter (WeChat) counts Tibetan, Chinese and Latin text exactly as the segmenter does (property)', () => {
    const alphabet = [...Array.from({ length: 0x0fda - 0x0f00 }, (_, i) => String.fromCodePoint(0x0f00 + i)), ...'卓玛索南 abc-.,\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join('').normalize('NFC');
        return countWithoutSegmenter(text) === graphemes(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('without Intl.Segmenter never counts fewer than the segmenter, whatever the script (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => countWithoutSegmenter(text) >= graphemes(text)),
      { numRuns: 3000 },
    );
  });

  it('bounds the code units a character may carry above a Tibetan Sanskrit stack', () => {
    expect('ཀྵྨྱཱུ'.length).toBeLessThanOrEqual(MAX_CODE_UNITS_PER_CHARACTER);
  });
});

describe('clipText (excerpts)', () => {
  it('keeps a Tibetan stack whole: བསྒྲུབས cut at 2 characters is བསྒྲུ…, never ས without its subjoined letters', () => {
    for (const clip of [clipText, clipWithoutSegmenter]) {
      expect(clip('བསྒྲུབས', 2)).toBe('བསྒྲུ…');
      expect(clip('བསྒྲུབས', 4)).toBe('བསྒྲུབས');
      expect(clip('土桥村益农信息社', 3)).toBe('土桥村…');
      expect(clip('', 3)).toBe('');
    }
  });

  it('cuts to exactly max characters as counted, with … only when something was cut (property, both ways)', () => {
    const tibetan = fc.string({ unit: fc.integer({ min: 0x0f40, max: 0x0fbc }).map((c) => String.fromCodePoint(c)), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(tibetan, fc.string({ maxLength: 40 })), fc.integer({ min: 1, max: 30 }), (text, max) => {
        for (const [clip, count] of [
          [clipText, textLength],
          [clipWithoutSegmenter, countWithoutSegmenter],
        ] as const) {
          const clipped = clip(text, max);
          if (count(text) <= max) expect(clipped).toBe(text);
          else {
            expect(clipped.endsWith('…')).toBe(true);
            expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
            expect(count(clipped.slice(0, -1))).toBe(max);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
