/**
 * Care mode on weapp: WeChat's font size setting (我 > 设置 > 通用 > 字体大小, larger still in 关怀模式) as
 * a scale for our text. Sizes are rpx there, which follow the screen's width and not that setting, so
 * every font-size in the stylesheets is `calc(<size> * var(--fs))` (styles/_tokens.scss `scaled`) and
 * each page's root view carries `--fs` (services/page-style.weapp.ts). H5 scales its root font size
 * instead (config/h5-care.ts), with the same bounds. Spacing stays as it is, so tap targets only grow.
 */

/** What WeChat reports (wx.getAppBaseInfo, or wx.getSystemInfoSync on older base libraries). */
export interface WeChatFontInfo {
  /** The scale itself (newer base libraries). */
  fontSizeScaleFactor?: number;
  /** The chosen font size in px; 17 is WeChat's standard size. */
  fontSizeSetting?: number;
}

/** WeChat's standard fontSizeSetting, in px. */
const STANDARD_FONT_PX = 17;

/**
 * The text scale WeChat asks for, rounded to hundredths and clamped to H5's bounds (config/h5-care.ts):
 * never smaller than designed (1), at most twice (2). 1 when it says nothing usable (`Number(x) > 0` is
 * false for missing, NaN and non-positive values). Written for few bytes: this ships in the main package.
 */
export function fontScaleOf({ fontSizeScaleFactor: factor, fontSizeSetting: setting }: WeChatFontInfo = {}): number {
  const raw = Number(factor) > 0 ? Number(factor) : Number(setting) > 0 ? Number(setting) / STANDARD_FONT_PX : 1;
  return Math.round(Math.min(Math.max(raw, 1), 2) * 100) / 100;
}

/** The inline style for a page's root view: `--fs` when the text is to grow, nothing at 1. */
export function fontScaleStyle(scale: number): string | undefined {
  return scale === 1 ? undefined : `--fs:${scale}`;
}
