/**
 * The server-side catalogue (issue 16): both languages have exactly the same keys, every error code
 * has its text, every Tibetan text is Tibetan script (U+0F00-U+0FFF) with the same placeholders, and
 * the request's language is read from Accept-Language.
 */
import { bo } from '../../../functions/i18n/bo';
import { SERVER_CATALOGUES, serverText } from '../../../functions/i18n';
import { zhCN } from '../../../functions/i18n/zh-CN';
import { ERROR_CODES, localeFromAcceptLanguage, LOCALES } from '../../../shared';

const TIBETAN = /[\u0F00-\u0FFF]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server catalogue', () => {
  it('has a catalogue per locale, each with exactly the keys of zh-CN (none missing, none extra)', () => {
    expect(Object.keys(SERVER_CATALOGUES).sort()).toEqual([...LOCALES].sort());
    for (const catalogue of Object.values(SERVER_CATALOGUES)) expect(Object.keys(catalogue).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('has the message of every error code of the contract', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES)
        expect({ code, text: serverText(locale, `error.${code}`) }).toEqual({ code, text: expect.stringMatching(/\S/) });
    }
  });

  it('writes every Tibetan text in Tibetan script, never a copy of the Chinese, with the Chinese text’s placeholders exactly', () => {
    const notTibetan = Object.entries(bo).filter(([, text]) => !TIBETAN.test(text));
    expect(notTibetan).toEqual([]);
    const copies = Object.entries(bo).filter(([key, text]) => text === zhCN[key as keyof typeof zhCN]);
    expect(copies).toEqual([]);
    const hanInTibetan = Object.entries(bo).filter(([, text]) => /[\u4e00-\u9fff]/.test(text));
    expect(hanInTibetan).toEqual([]);
    for (const [key, text] of Object.entries(bo))
      expect({ key, names: placeholders(text) }).toEqual({ key, names: placeholders(zhCN[key as keyof typeof zhCN]) });
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(serverText('zh-CN', 'poster.title', { village: '土桥村' })).toBe('土桥村益农信息社');
    expect(serverText('bo', 'poster.title', { village: '土桥村' })).toMatch(/^土桥村[\u0F00-\u0FFF]/);
    expect(serverText('zh-CN', 'poster.title')).toBe('{village}益农信息社');
    expect(serverText(undefined, 'error.NOT_FOUND')).toBe(zhCN['error.NOT_FOUND']);
  });
});

describe('the request’s language', () => {
  it.each([
    ['bo', 'bo'],
    ['bo-CN', 'bo'],
    ['BO-cn', 'bo'],
    ['bo;q=0.9, zh-CN;q=0.8', 'bo'],
    ['zh-CN,bo;q=0.5', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['en-US,en;q=0.9', 'zh-CN'],
    ['bod', 'zh-CN'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('Accept-Language %p reads as %p', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
