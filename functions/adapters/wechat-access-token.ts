/**
 * The mini-program's access token (GET /cgi-bin/token), shared by the server-side WeChat calls (the
 * official QR code, subscribe messages). It lives 2 h; each container keeps it until a minute
 * before it ends, or until WeChat says it is no longer valid (40001, 42001: `forget()` then ask again).
 */
import { AppError } from '../domain/errors';
import type { WeChatAppConfig } from './wechat-code2session';

let accessToken: { value: string; expiresAt: number } | undefined;

export async function getAccessToken(app: WeChatAppConfig, fetchImpl: typeof fetch): Promise<string> {
  if (accessToken && accessToken.expiresAt > Date.now() + 60_000) return accessToken.value;
  const url = new URL('/cgi-bin/token', app.apiBase);
  url.search = new URLSearchParams({ grant_type: 'client_credential', appid: app.appId, secret: app.appSecret }).toString();
  const answer = (await (await fetchImpl(url, { signal: AbortSignal.timeout(app.timeoutMs) })).json()) as {
    access_token?: string;
    expires_in?: number;
    errcode?: number;
  };
  if (!answer.access_token) throw new AppError('DEPENDENCY_UNAVAILABLE', `WeChat refused an access token (errcode ${answer.errcode})`, undefined, 30);
  accessToken = { value: answer.access_token, expiresAt: Date.now() + (answer.expires_in ?? 7200) * 1000 };
  return accessToken.value;
}

/** WeChat rejected the cached token (rotated elsewhere, or expired early): the next call fetches a new one. */
export function forgetAccessToken(): void {
  accessToken = undefined;
}

/** errcodes meaning "this access token is no longer valid". */
export const STALE_TOKEN_ERRCODES: readonly number[] = [40001, 42001];
