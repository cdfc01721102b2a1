import Taro from '@tarojs/taro';
import { parseScanResult } from './station-code';

export type ScanOutcome = { kind: 'code'; code: string } | { kind: 'unrecognised' } | { kind: 'cancelled' };

/** Opens WeChat's scanner and reads a station code from what it saw. */
export async function scanStationCode(): Promise<ScanOutcome> {
  let result: Taro.scanCode.SuccessCallbackResult;
  try {
    // qrCode covers mini-program codes too (their result has `path`).
    result = await Taro.scanCode({ scanType: ['qrCode'] });
  } catch {
    // "scanCode:fail cancel" or no camera permission: nothing to report on the page.
    return { kind: 'cancelled' };
  }
  const code = parseScanResult(result);
  return code ? { kind: 'code', code } : { kind: 'unrecognised' };
}
