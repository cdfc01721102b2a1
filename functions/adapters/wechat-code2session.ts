/**
 * The real code2Session call (GET {apiBase}/sns/jscode2session). WeChat answers 200 with an
 * `errcode` on failure; each documented code maps to what the caller can do about it. The
 * `session_key` in a successful answer is dropped here: nothing else in the system ever sees it,
 * and neither the URL (it carries the app secret) nor the answer is logged.
 */
import type { WeChatSessionGateway } from '../domain/accounts/wechat-session';
import { AppError } from '../domain/errors';

export interface WeChatAppConfig {
  appId: string;
  appSecret: string;
  apiBase: string;
  timeoutMs: number;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

const unavailable = (why: string) =>
  new AppError('DEPENDENCY_UNAVAILABLE', `WeChat sign-in is unavailable (${why}); try again shortly`, undefined, 5);

export function createCode2SessionGateway(app: WeChatAppConfig, fetchImpl: typeof fetch = fetch): WeChatSessionGateway {
  return {
    async exchangeCode(code) {
      const url = new URL('/sns/jscode2session', app.apiBase);
      url.search = new URLSearchParams({ appid: app.appId, secret: app.appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
      let answer: Code2SessionAnswer;
      try {
        const response = await fetchImpl(url, { signal: AbortSignal.timeout(app.timeoutMs) });
        if (!response.ok) throw unavailable(`HTTP ${response.status}`);
        answer = (await response.json()) as Code2SessionAnswer;
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw unavailable((error as Error).name === 'TimeoutError' ? 'timeout' : 'network');
      }
      switch (answer.errcode ?? 0) {
        case 0:
          if (!answer.openid) throw unavailable('no openid');
          return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
        case 40029: // invalid code
        case 40163: // code already used
          throw new AppError('UNAUTHENTICATED', 'The WeChat login code is invalid or already used: sign in again');
        case 40226: // high-risk user, blocked by WeChat
          throw new AppError('FORBIDDEN', 'WeChat has blocked this account from signing in');
        case 45011: // API minute-quota reached
          throw new AppError('RATE_LIMITED', 'Too many sign-ins right now; try again in a minute', undefined, 60);
        case -1: // system busy
          throw unavailable('busy');
        default:
          // e.g. 40013 invalid appid: our configuration, not the user's fault.
          throw unavailable(`errcode ${answer.errcode}`);
      }
    },
  };
}
