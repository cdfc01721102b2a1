import fc from 'fast-check';
import type * as z from 'zod/mini';
import {
  FORBIDDEN_TEXT_CHARACTERS,
  freeText,
  freeTextBlock,
  refuseForbiddenBlockCharacters,
  refuseForbiddenTextCharacters,
  routeList,
} from '../../../shared';
import { MAX_CODE_UNITS_PER_CHARACTER, textLength } from '../../../shared/text-length';

const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((code) => String.fromCodePoint(code));

describe('freeText', () => {
  const name = freeText(1, 40);

  it('refuses every C0/C1 control and bidi mark, embedding, override or isolate, wherever it stands', () => {
    for (const ch of FORBIDDEN) {
      for (const value of [`卓玛${ch}`, `${ch}卓玛`, `卓${ch}玛`]) {
        const result = name.safeParse(value);
        expect([JSON.stringify(value), result.success]).toEqual([JSON.stringify(value), false]);
      }
    }
    expect(name.safeParse('Tashi\u202Eejroi').error?.issues[0].message).toBe('must not contain control or bidirectional-override characters');
  });

  it('accepts Chinese, Tibetan, pinyin with tones, inner spaces and joiners, trimmed and NFC-normalised', () => {
    for (const value of ['索南扎西', 'བཀྲ་ཤིས་རྡོ་རྗེ', 'Lǚ Xià', 'Ma Li', 'a\u200Db', '·']) expect(name.parse(value)).toBe(value.normalize('NFC'));
    expect(name.parse('  Lu\u0308\u030c  ')).toBe('L\u01DA');
    expect(name.safeParse('   ').success).toBe(false); // empty once trimmed
  });

  it('measures the length after normalising: 40 composed characters pass even when typed decomposed', () => {
    const composed = 'é'.repeat(40);
    expect(name.parse(composed.normalize('NFD'))).toBe(composed);
    expect(name.safeParse('é'.repeat(41)).success).toBe(false);
  });

  it('counts what a reader sees: a Tibetan name of 40 characters in 79 code points passes, one syllable more fails', () => {
    // སྒྲུབ་ reads as three characters (སྒྲུ, བ, ་) and is six code points; a limit in code points took 6 syllables.
    const tibetan = (syllables: number) => `${'སྒྲུབ་'.repeat(syllables - 1)}ཀ`;
    expect([tibetan(14).length, name.parse(tibetan(14))]).toEqual([79, tibetan(14)]);
    expect(name.safeParse(tibetan(15)).error?.issues).toEqual([
      { code: 'too_big', origin: 'string', maximum: 40, inclusive: true, path: [], message: expect.any(String) },
    ]);
    expect(name.parse('卓'.repeat(40))).toBe('卓'.repeat(40));
    expect(name.safeParse('卓'.repeat(41)).success).toBe(false);
    expect(freeText(2, 10).safeParse('ཀ').error?.issues[0]).toMatchObject({ code: 'too_small', minimum: 2 });
    expect(freeText(2, 10).parse('ཀྲ་')).toBe('ཀྲ་');
  });

  it('refuses one letter carrying marks without end, though it reads as one character (storage stays bounded)', () => {
    const stacked = `ཀ${'\u0f71'.repeat(40 * MAX_CODE_UNITS_PER_CHARACTER)}`;
    expect(textLength(stacked)).toBe(1);
    expect(name.safeParse(stacked).error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 40 });
  });

  it('whatever it accepts is NFC, trimmed and free of forbidden characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (value) => {
        const result = name.safeParse(value);
        if (!result.success) return true;
        const out = result.data;
        return (
          out === out.normalize('NFC') &&
          out === out.trim() &&
          !FORBIDDEN_TEXT_CHARACTERS.test(out) &&
          textLength(out) >= 1 &&
          textLength(out) <= 40 &&
          out.length <= 40 * MAX_CODE_UNITS_PER_CHARACTER
        );
      }),
      { numRuns: 3000 },
    );
  });
});

/** Every string a request accepts (params, query, body), with its path: each is a pattern, an enum, or freeText. */
function requestStrings(schema: z.ZodMiniType, path: string): Array<{ path: string; schema: z.ZodMiniType }> {
  const def = (schema as any)._zod.def;
  if (def.type === 'object') return Object.entries(def.shape).flatMap(([key, child]) => requestStrings(child as z.ZodMiniType, `${path}.${key}`));
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional'].includes(def.type)) return requestStrings(def.innerType, path);
  if (def.type === 'array') return requestStrings(def.element, `${path}[]`);
  if (def.type === 'pipe') return requestStrings(def.in, path);
  if (def.type === 'union') return def.options.flatMap((option: z.ZodMiniType) => requestStrings(option, path));
  return def.type === 'string' ? [{ path, schema }] : [];
}

describe('freeTextBlock (an item’s body)', () => {
  const body = freeTextBlock(1, 100);
  it('counts a body in characters a reader sees too', () => {
    const stacks = 'སྒྲུ'.repeat(100);
    expect([stacks.length, body.parse(stacks)]).toEqual([400, stacks]);
    expect(body.safeParse(`${stacks}ཀ`).success).toBe(false);
  });

  it('keeps line breaks (CRLF as LF) and refuses every other control and bidi character', () => {
    expect(body.parse('第一行\r\n第二行\n')).toBe('第一行\n第二行');
    for (const ch of FORBIDDEN.filter((c) => c !== '\n'))
      expect([JSON.stringify(ch), body.safeParse(`甲${ch}乙`).success]).toEqual([JSON.stringify(ch), false]);
  });
});

describe('the route table', () => {
  const strings = routeList.flatMap((route) =>
    (['params', 'query', 'body'] as const).flatMap((part) => (route[part] ? requestStrings(route[part]!, `${route.operationId}.${part}`) : [])),
  );
  const checksOf = (schema: z.ZodMiniType) => ((schema as any)._zod.def.checks ?? []) as Array<{ _zod: { def: { check: string; format?: string } } }>;
  const isPattern = (schema: z.ZodMiniType) => checksOf(schema).some((c) => c._zod.def.format === 'regex');
  const isFreeText = (schema: z.ZodMiniType) => checksOf(schema).includes(refuseForbiddenTextCharacters as any);
  const isFreeTextBlock = (schema: z.ZodMiniType) => checksOf(schema).includes(refuseForbiddenBlockCharacters as any);

  it('declares every free-text field with freeText: each string of a request is a pattern or freeText', () => {
    expect(strings.length).toBeGreaterThan(20);
    expect(strings.filter((s) => !isPattern(s.schema) && !isFreeText(s.schema) && !isFreeTextBlock(s.schema)).map((s) => s.path)).toEqual([]);
    expect(
      strings
        .filter((s) => isFreeText(s.schema))
        .map((s) => s.path)
        .sort(),
    ).toEqual(
      [
        'closeDay.body.note',
        'createHousehold.body.headName',
        'createHousehold.body.members[].name',
        'searchQuestions.query.q',
        'stationList.query.q',
        'voidPayment.body.reason',
        'createFeed.body.title',
        'createFeed.body.translations.bo.title',
        'createFeed.body.translations.zh.title',
        'rejectFeed.body.reason',
        'retractFeed.body.reason',
        'updateFeed.body.title',
        'updateFeed.body.translations.bo.title',
        'updateFeed.body.translations.zh.title',
        'createPriceProduct.body.name',
        'updatePriceProduct.body.name',
        'createPriceMarket.body.name',
        'updatePriceMarket.body.name',
        'markPriceReport.body.reason',
        'rateService.body.comment',
        'createSeller.body.name',
        'createListing.body.title',
        'updateListing.body.title',
        'listListings.query.q',
        'createAddress.body.name',
        'createAddress.body.province',
        'createAddress.body.city',
        'createAddress.body.county',
        'createAddress.body.detail',
        'shipOrder.body.carrier',
        'createConsignment.body.carrier',
        'requestRefund.body.reason',
        'decideRefund.body.note',
        'createTraining.body.title',
        'createTraining.body.trainer',
        'updateTraining.body.title',
        'updateTraining.body.trainer',
        'cancelTraining.body.reason',
        'signUpTraining.body.name',
        'checkInTraining.body.name',
      ].sort(),
    );
    expect(
      strings
        .filter((s) => isFreeTextBlock(s.schema))
        .map((s) => s.path)
        .sort(),
    ).toEqual(
      [
        'answerQuestion.body.text',
        'askQuestion.body.text',
        'createListing.body.description',
        'updateListing.body.description',
        'createFeed.body.body',
        'createFeed.body.translations.bo.body',
        'createFeed.body.translations.zh.body',
        'updateFeed.body.body',
        'updateFeed.body.translations.bo.body',
        'updateFeed.body.translations.zh.body',
      ].sort(),
    );
  });

  it('refuses a bidi override or a control character in every string of every request', () => {
    for (const { path, schema } of strings) {
      for (const value of ['abcd\u202E', 'ab\u0000cd', '\u2066ab12'])
        expect([path, value, (schema as any).safeParse(value).success]).toEqual([path, value, false]);
    }
  });
});
