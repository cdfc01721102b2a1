/** @jest-environment jsdom */
import fc from 'fast-check';
import { stationCode } from '../../../shared/schemas/stations';
import {
  isStationCode,
  parseScanResult,
  parseStationCodeText,
  stationCodeFromParams,
  stationPageUrl,
} from '../../../miniprogram/src/services/station-code';

describe('station code rule', () => {
  it('agrees with the shared zod schema', () => {
    const samples = ['', 'a', '632701001201', 'A'.repeat(32), 'A'.repeat(33), '6327 01', '63-27', '土桥', 'abc\n'];
    for (const sample of samples) expect([sample, isStationCode(sample)]).toEqual([sample, stationCode.safeParse(sample).success]);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => isStationCode(text) === stationCode.safeParse(text).success),
    );
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
