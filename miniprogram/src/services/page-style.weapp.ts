import Taro from '@tarojs/taro';
import { fontScaleOf, fontScaleStyle, type WeChatFontInfo } from './font-scale';

/** WeChat's font setting, read once at launch (the first page imports this); any failure reads as 1. */
function readFontInfo(): WeChatFontInfo | undefined {
  try {
    return (Taro.getAppBaseInfo ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as WeChatFontInfo;
  } catch {
    return undefined;
  }
}

/** `--fs:<scale>` for the page roots when WeChat's text is larger than standard (services/font-scale.ts). */
export const pageStyle = fontScaleStyle(fontScaleOf(readFontInfo()));
