import Taro from '@tarojs/taro';
import { getLocale } from '../i18n';
import { ApiError } from './api-error';
import { authHeader, codeForStatus, stationPosterUrl, toApiError } from './api';

/**
 * The station's printable A4 poster (`GET /stations/{id}/qr`, an SVG for its officers and the
 * admins over it).
 *
 * - H5 (a computer at the township office, most likely): fetched with the Bearer header and saved
 *   through a Blob link as `station-<code>.svg`, which any browser opens and prints at A4.
 * - WeChat: a mini-program can neither print nor put an SVG into the photo album, and
 *   `openDocument` takes no SVG. The file is downloaded and offered to be sent to a chat
 *   (`shareFileMessage`, e.g. to "文件传输助手"), to be opened and printed on a computer. If the user
 *   cancels, the page says where else to get it.
 */
export type PosterOutcome = { kind: 'saved'; fileName: string } | { kind: 'shared'; fileName: string } | { kind: 'not-shared'; fileName: string };

export const posterFileName = (code: string) => `station-${code}.svg`;

async function readErrorBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function saveInBrowser(stationId: string, fileName: string): Promise<PosterOutcome> {
  let response: Response;
  try {
    response = await fetch(stationPosterUrl(stationId), { headers: { ...authHeader(), Accept: 'image/svg+xml', 'Accept-Language': getLocale() } });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: cause instanceof Error ? cause.message : 'fetch failed' });
  }
  if (!response.ok) throw toApiError(response.status, await readErrorBody(response));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; keep the URL a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { kind: 'saved', fileName };
}

async function sendInWeChat(stationId: string, fileName: string): Promise<PosterOutcome> {
  let download: { statusCode: number; tempFilePath: string };
  try {
    download = await Taro.downloadFile({ url: stationPosterUrl(stationId), header: { ...authHeader(), 'Accept-Language': getLocale() } });
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    const detail =
      typeof cause === 'object' && cause !== null && 'errMsg' in cause ? String((cause as { errMsg: unknown }).errMsg) : 'download failed';
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: detail });
  }
  if (download.statusCode !== 200) {
    // The error body went to the temporary file; the status says enough.
    throw new ApiError({ status: download.statusCode, code: codeForStatus(download.statusCode), message: `HTTP ${download.statusCode}` });
  }
  try {
    await Taro.shareFileMessage({ filePath: download.tempFilePath, fileName });
    return { kind: 'shared', fileName };
  } catch {
    return { kind: 'not-shared', fileName };
  }
}

export function downloadPoster(station: { id: string; code: string }): Promise<PosterOutcome> {
  const fileName = posterFileName(station.code);
  return process.env.TARO_ENV === 'h5' ? saveInBrowser(station.id, fileName) : sendInWeChat(station.id, fileName);
}
