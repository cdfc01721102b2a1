import Taro from '@tarojs/taro';
import { ApiError } from './api-error';
import { apiUrl, authHeader, codeForStatus, toApiError } from './api-client';

/**
 * The supervision CSV (`GET /regions/{code}/supervision/export`: aggregates only, no person):
 * - H5: fetched with the Bearer header and saved through a Blob link (`supervision-<code>-<from>-<to>.csv`);
 * - WeChat: `openDocument` takes no CSV, so the file is downloaded and offered to be sent to a chat
 *   (`shareFileMessage`, e.g. to 文件传输助手) to open on a computer.
 */
export type ExportOutcome = { kind: 'saved' | 'shared' | 'not-shared'; fileName: string };

export const exportFileName = (code: string, from: string, to: string) => `supervision-${code}-${from}-${to}.csv`;

async function saveInBrowser(url: string, fileName: string): Promise<ExportOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { ...authHeader(), Accept: 'text/csv' } });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: cause instanceof Error ? cause.message : 'fetch failed' });
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; keep the URL a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return { kind: 'saved', fileName };
}

async function sendInWeChat(url: string, fileName: string): Promise<ExportOutcome> {
  let download: { statusCode: number; tempFilePath: string };
  try {
    download = await Taro.downloadFile({ url, header: authHeader() });
  } catch (cause) {
    const detail =
      typeof cause === 'object' && cause !== null && 'errMsg' in cause ? String((cause as { errMsg: unknown }).errMsg) : 'download failed';
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: detail });
  }
  if (download.statusCode !== 200)
    throw new ApiError({ status: download.statusCode, code: codeForStatus(download.statusCode), message: `HTTP ${download.statusCode}` });
  try {
    await Taro.shareFileMessage({ filePath: download.tempFilePath, fileName });
    return { kind: 'shared', fileName };
  } catch {
    return { kind: 'not-shared', fileName };
  }
}

export function downloadSupervisionCsv(code: string, from: string, to: string): Promise<ExportOutcome> {
  const url = apiUrl(`/regions/${encodeURIComponent(code)}/supervision/export`, { from, to });
  const fileName = exportFileName(code, from, to);
  return process.env.TARO_ENV === 'h5' ? saveInBrowser(url, fileName) : sendInWeChat(url, fileName);
}
