/**
 * Care mode on weapp: WeChat's font setting read at launch as the `--fs` of every page root
 * (services/font-scale.ts, services/page-style.weapp.ts), and the stylesheets sizing text through it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fontScaleOf, fontScaleStyle } from '../../../miniprogram/src/services/font-scale';

const SRC = join(__dirname, '..', '..', '..', 'miniprogram', 'src');

describe('fontScaleOf', () => {
  it("takes WeChat's scale factor when the base library gives one", () => {
    expect(fontScaleOf({ fontSizeScaleFactor: 1.4, fontSizeSetting: 17 })).toBe(1.4);
  });

  it('else the font size against the standard 17 px, rounded to hundredths', () => {
    expect(fontScaleOf({ fontSizeSetting: 17 })).toBe(1);
    expect(fontScaleOf({ fontSizeSetting: 20 })).toBe(1.18);
    expect(fontScaleOf({ fontSizeSetting: 25.5 })).toBe(1.5);
  });

  it('clamps to 1-2: never smaller than designed, at most twice', () => {
    expect(fontScaleOf({ fontSizeScaleFactor: 0.85 })).toBe(1);
    expect(fontScaleOf({ fontSizeSetting: 14 })).toBe(1);
    expect(fontScaleOf({ fontSizeScaleFactor: 3.1 })).toBe(2);
    expect(fontScaleOf({ fontSizeSetting: 40 })).toBe(2);
  });

  it('reads 1 when WeChat says nothing usable', () => {
    expect(fontScaleOf(undefined)).toBe(1);
    expect(fontScaleOf({})).toBe(1);
    expect(fontScaleOf({ fontSizeScaleFactor: 0, fontSizeSetting: Number.NaN })).toBe(1);
    expect(fontScaleOf({ fontSizeScaleFactor: -2 })).toBe(1);
  });
});

describe('fontScaleStyle', () => {
  it('sets --fs only when the text is to grow', () => {
    expect(fontScaleStyle(1)).toBeUndefined();
    expect(fontScaleStyle(1.5)).toBe('--fs:1.5');
  });
});

describe('the weapp page style (read once at launch)', () => {
  type TaroStub = Record<string, unknown>;

  /** page-style.weapp.ts loaded afresh, with WeChat's answers set on a fresh Taro stub first. */
  function loadPageStyle(wechat: (taro: TaroStub) => void): string | undefined {
    let style: string | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the isolated registry's Taro, the one the module reads
      wechat((require('@tarojs/taro') as { default: TaroStub }).default);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module: it reads WeChat's setting when loaded
      style = (require('../../../miniprogram/src/services/page-style.weapp') as { pageStyle: string | undefined }).pageStyle;
    });
    return style;
  }

  it("carries WeChat's large font as --fs", () => {
    const style = loadPageStyle((taro) => {
      taro.getAppBaseInfo = () => ({ language: 'zh_CN', fontSizeScaleFactor: 1.4, fontSizeSetting: 24 });
    });
    expect(style).toBe('--fs:1.4');
  });

  it('falls back to getSystemInfoSync on older base libraries, and to no style when that fails or is standard', () => {
    expect(loadPageStyle((taro) => void (taro.getSystemInfoSync = () => ({ language: 'zh_CN', fontSizeSetting: 25.5 })))).toBe('--fs:1.5');
    expect(loadPageStyle((taro) => void (taro.getSystemInfoSync = () => ({ language: 'zh_CN', fontSizeSetting: 17 })))).toBeUndefined();
    expect(
      loadPageStyle((taro) => {
        taro.getSystemInfoSync = () => {
          throw new Error('getSystemInfoSync:fail');
        };
      }),
    ).toBeUndefined();
  });
});

describe('the stylesheets', () => {
  const scss = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? scss(path) : name.endsWith('.scss') ? [path] : [];
    });

  it('size every text through the font scale (a token or scaled()), never a fixed length', () => {
    const fixed = scss(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^\s*font-size:/.test(line) && !/font-size:\s*(\$font-|scaled\(|inherit)/.test(line))
        .map((line) => `${file.slice(SRC.length + 1)}: ${line.trim()}`),
    );
    expect(fixed).toEqual([]);
  });

  it('go with a style on every page root that carries the scale', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : name.endsWith('.tsx') ? [path] : [];
      });
    const roots = files(SRC).flatMap((file) => readFileSync(file, 'utf8').match(/<View[^>]*className="page[" ][^>]*>/g) ?? []);
    expect(roots.length).toBeGreaterThan(50);
    expect(roots.filter((root) => !root.includes('style={pageStyle}'))).toEqual([]);
  });
});
