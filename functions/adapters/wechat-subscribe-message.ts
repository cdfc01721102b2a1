/**
 * The real subscribeMessage.send (POST {apiBase}/cgi-bin/message/subscribe/send?access_token=...),
 * used by deployed stages only (adapters/subscribe-message-senders.ts); tests never reach it. WeChat
 * answers 200 with an errcode; its answer is returned as is, a network fault as errcode -1, and a
 * stale access token is renewed once. The URL carries the token: it is never logged.
 */
import type { SubscribeMessageAnswer, SubscribeMessageSender } from '../domain/notify/subscribe-message';
import { forgetAccessToken, getAccessToken, STALE_TOKEN_ERRCODES } from './wechat-access-token';
import type { WeChatAppConfig } from './wechat-code2session';

export function createWeChatSubscribeMessageSender(app: WeChatAppConfig, fetchImpl: typeof fetch = fetch): SubscribeMessageSender {
  async function post(body: string): Promise<SubscribeMessageAnswer> {
    const url = new URL('/cgi-bin/message/subscribe/send', app.apiBase);
    url.search = new URLSearchParams({ access_token: await getAccessToken(app, fetchImpl) }).toString();
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(app.timeoutMs),
      });
      if (!response.ok) return { errcode: -1, errmsg: `HTTP ${response.status}` };
      const answer = (await response.json()) as Partial<SubscribeMessageAnswer>;
      return {
        errcode: Number(answer.errcode ?? 0),
        errmsg: String(answer.errmsg ?? 'ok'),
        ...(answer.msgid ? { msgid: String(answer.msgid) } : {}),
      };
    } catch (error) {
      return { errcode: -1, errmsg: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
    }
  }

  return {
    async send(request) {
      const body = JSON.stringify(request);
      let answer: SubscribeMessageAnswer;
      try {
        answer = await post(body);
      } catch (error) {
        // No access token (WeChat refused or unreachable): nothing was sent.
        return { errcode: -1, errmsg: (error as Error).message };
      }
      if (!STALE_TOKEN_ERRCODES.includes(answer.errcode)) return answer;
      forgetAccessToken();
      return post(body).catch((error: Error) => ({ errcode: -1, errmsg: error.message }));
    },
  };
}
