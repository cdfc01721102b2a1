/**
 * The Tibetan catalogues of the receipt and training subpackages: the same keys as their zh-CN
 * catalogue (typed, and checked here at run time too), Tibetan script in every text that has words,
 * and exactly the Chinese text's {placeholders}.
 */
import { boReceiptMessages } from '../../../miniprogram/src/i18n/messages/bo.receipt';
import { boTrainingMessages } from '../../../miniprogram/src/i18n/messages/bo.training';
import { receiptMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.receipt';
import { trainingMessages } from '../../../miniprogram/src/i18n/messages/zh-CN.training';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** What is left of a text without its placeholders, punctuation and digits: words, if any. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[\s\d\p{P}\p{S}]/gu, '');

describe.each([
  ['receipt', receiptMessages as Record<string, string>, boReceiptMessages as Record<string, string>],
  ['training', trainingMessages as Record<string, string>, boTrainingMessages as Record<string, string>],
])('bo.%s', (_name, zh, bo) => {
  it('has exactly the keys of the zh-CN catalogue', () => {
    expect(Object.keys(bo).sort()).toEqual(Object.keys(zh).sort());
  });

  it('is Tibetan wherever the Chinese has words, with no Chinese characters left', () => {
    const untranslated = Object.keys(zh).filter((key) => words(zh[key]) !== '' && !/[\u0F00-\u0FFF]/.test(bo[key]));
    expect(untranslated).toEqual([]);
    expect(Object.entries(bo).filter(([, text]) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });

  it('keeps every {placeholder} of the Chinese text', () => {
    for (const key of Object.keys(zh)) expect({ key, names: placeholders(bo[key]) }).toEqual({ key, names: placeholders(zh[key]) });
  });
});
