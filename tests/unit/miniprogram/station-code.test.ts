/** @jest-environment jsdom */
import fc from 'fast-check';
import { stationCode } from '../../../shared/schemas/stations';
import { act, renderHook } from '@testing-library/react';
import { useCodeEntry } from '../../../miniprogram/src/hooks/use-code-entry';
import {
  isStationCode,
  normaliseTypedStationCode,
  parseScanResult,
  parseStationCodeText,
  stationCodeFromParams,
  stationPageUrl,
} from '../../../miniprogram/src/services/station-code';

describe('station code rule', () => {
  it('agrees with the shared zod schema', () => {
    const samples = ['', 'a', '632701001201', 'A'.repeat(32), 'A'.repeat(33), '6327 01', '63-27', '土桥', 'abc\n'];
    for (const sample of samples) expect([sample, isStationCode(sample)]).toEqual([sample, stationCode.safeParse(sample).success]);
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => isStationCode(text) === stationCode.safeParse(text).success));
  });
});

describe('normaliseTypedStationCode', () => {
  it('drops the spaces and dashes people type between groups of digits', () => {
    expect(normaliseTypedStationCode('6302 0200 2214')).toBe('630202002214');
    expect(normaliseTypedStationCode(' 6302-0200-2214 ')).toBe('630202002214');
    expect(normaliseTypedStationCode('6302\u30000200\u20142214')).toBe('630202002214'); // full-width space, em dash
  });

  it('makes full-width digits and letters half-width', () => {
    expect(normaliseTypedStationCode('６３０２０２００２２１４')).toBe('630202002214');
    expect(normaliseTypedStationCode('６３０２－０２００－２２１４')).toBe('630202002214');
    expect(normaliseTypedStationCode('ＡＢ１２')).toBe('AB12');
  });

  it('leaves other text for the code rule to reject', () => {
    expect(isStationCode(normaliseTypedStationCode('土桥'))).toBe(false);
    expect(isStationCode(normaliseTypedStationCode('6302.0200'))).toBe(false);
    expect(normaliseTypedStationCode('   ')).toBe('');
  });

  it('never turns a valid code into another', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9A-Za-z]{1,32}$/), (code) => normaliseTypedStationCode(code) === code));
  });
});

describe('useCodeEntry (the H5 code field)', () => {
  const submitted = (typed: string) => {
    const { result } = renderHook(() => useCodeEntry());
    act(() => result.current.setValue(typed));
    let code: string | undefined;
    act(() => {
      code = result.current.submit();
    });
    return { code, error: result.current.error };
  };

  it('opens the normalised code', () => {
    expect(submitted('6302 0200 2214')).toEqual({ code: '630202002214', error: undefined });
    expect(submitted('６３０２０２００２２１４')).toEqual({ code: '630202002214', error: undefined });
  });

  it('words its errors for typing, never as a QR code problem', () => {
    const empty = submitted('  ');
    expect(empty).toEqual({ code: undefined, error: '请输入服务站编码。' });
    const wrong = submitted('土桥村');
    expect(wrong.code).toBeUndefined();
    expect(wrong.error).toContain('二维码下方印的');
    expect(wrong.error).not.toMatch(/失效|过期|扫描/);
  });
});

describe('parseScanResult', () => {
  it('reads the scene from a mini-program code path', () => {
    expect(parseScanResult({ path: 'pages/station/index?scene=632701001201', result: '' })).toBe('632701001201');
  });

  it('reads a scene that WeChat passes URL-encoded', () => {
    expect(parseScanResult({ path: 'pages/station/index?scene=632701001201%26x%3D1' })).toBe('632701001201');
    expect(parseScanResult({ path: 'pages/station/index?scene%3D632701001201' })).toBe('632701001201');
  });

  it('accepts a plain QR code that carries only the code', () => {
    expect(parseScanResult({ result: ' 632701001201 ' })).toBe('632701001201');
  });

  it('accepts a URL with scene= or code=, or with the code as its last path segment', () => {
    expect(parseScanResult({ result: 'https://yinong.example.cn/s?scene=632701001201' })).toBe('632701001201');
    expect(parseScanResult({ result: 'https://yinong.example.cn/open?from=poster&code=abc123' })).toBe('abc123');
    expect(parseScanResult({ result: 'https://yinong.example.cn/s/632701001201' })).toBe('632701001201');
  });

  it('rejects anything else', () => {
    expect(parseScanResult({ result: '' })).toBeUndefined();
    expect(parseScanResult({ result: '土桥村' })).toBeUndefined();
    expect(parseScanResult({ result: 'https://example.cn/' })).toBeUndefined();
    expect(parseScanResult({ result: 'https://example.cn/s?scene=bad-code' })).toBeUndefined();
    expect(parseScanResult({ result: 'x'.repeat(33) })).toBeUndefined();
    expect(parseScanResult({ path: 'pages/index/index', result: 'WIFI:S:net;;' })).toBeUndefined();
  });

  it('prefers the mini-program path over the text', () => {
    expect(parseScanResult({ path: 'pages/station/index?scene=AAA111', result: 'BBB222' })).toBe('AAA111');
    expect(parseScanResult({ path: 'pages/index/index', result: 'BBB222' })).toBe('BBB222');
  });
});

describe('stationCodeFromParams', () => {
  it('decodes scene', () => {
    expect(stationCodeFromParams({ scene: '632701001201' })).toBe('632701001201');
    expect(stationCodeFromParams({ scene: encodeURIComponent('632701001201') })).toBe('632701001201');
  });

  it('reads a plain QR code launch (q = the encoded URL)', () => {
    expect(stationCodeFromParams({ q: encodeURIComponent('https://yinong.example.cn/s/632701001201') })).toBe('632701001201');
  });

  it('is undefined for a missing or malformed code', () => {
    expect(stationCodeFromParams({})).toBeUndefined();
    expect(stationCodeFromParams({ scene: '' })).toBeUndefined();
    expect(stationCodeFromParams({ scene: '%E0%A4%A' })).toBeUndefined();
    expect(stationCodeFromParams({ scene: '<script>' })).toBeUndefined();
  });

  it('round-trips through the station page URL', () => {
    const url = stationPageUrl('632701001201');
    expect(url).toBe('/pages/station/index?scene=632701001201');
    expect(parseStationCodeText(url)).toBe('632701001201');
  });
});
