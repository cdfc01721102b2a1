/**
 * The real subscribeMessage.send adapter against a fake `fetch` (the network is the boundary: no
 * test reaches WeChat): what it posts where, WeChat's answers passed through, a stale access token
 * renewed once, network faults as errcode -1. And which adapter each stage gets.
 */
import { forgetAccessToken } from '../../../functions/adapters/wechat-access-token';
import { createWeChatSubscribeMessageSender } from '../../../functions/adapters/wechat-subscribe-message';
import { outcomeOf, type SubscribeMessageRequest } from '../../../functions/domain/notify/subscribe-message';
import { readNotifySettings } from '../../../functions/config/notify';

const app = { appId: 'wx-app', appSecret: 'app-secret', apiBase: 'https://wechat.invalid', timeoutMs: 1000 };
const request: SubscribeMessageRequest = {
  touser: 'o-user',
  template_id: 'tmpl-1',
  page: 'packages/feed/pages/item/index?id=fd1',
  data: { thing1: { value: '暴雪预警' } },
  miniprogram_state: 'formal',
  lang: 'zh_CN',
};
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** WeChat as a script: each token request gets the next token; each send the next answer. */
function fakeWeChat(sendAnswers: Array<unknown | Error>) {
  const calls: Array<{ url: URL; body?: string }> = [];
  let tokens = 0;
  const fetchImpl = (async (input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url, body: init?.body as string | undefined });
    if (url.pathname === '/cgi-bin/token') return json({ access_token: `token-${++tokens}`, expires_in: 7200 });
    const next = sendAnswers.shift();
    if (next instanceof Error) throw next;
    return json(next);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

beforeEach(() => forgetAccessToken());

describe('WeChat subscribeMessage.send adapter', () => {
  it('posts the request as is to /cgi-bin/message/subscribe/send with the access token', async () => {
    const wechat = fakeWeChat([{ errcode: 0, errmsg: 'ok', msgid: 123 }]);
    const answer = await createWeChatSubscribeMessageSender(app, wechat.fetchImpl).send(request);
    expect(answer).toEqual({ errcode: 0, errmsg: 'ok', msgid: '123' });
    const send = wechat.calls.find((c) => c.url.pathname === '/cgi-bin/message/subscribe/send')!;
    expect(send.url.searchParams.get('access_token')).toBe('token-1');
    expect(JSON.parse(send.body!)).toEqual(request);
  });

  it('passes WeChat’s refusals through: 43101 refused, 47003 bad data, 40003 bad openid', async () => {
    const wechat = fakeWeChat([
      { errcode: 43101, errmsg: 'user refuse to accept the msg' },
      { errcode: 47003, errmsg: 'argument invalid! data.thing1.value' },
      { errcode: 40003, errmsg: 'invalid openid' },
    ]);
    const sender = createWeChatSubscribeMessageSender(app, wechat.fetchImpl);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await sender.send(request));
    expect(outcomes.map((a) => [a.errcode, outcomeOf(a)])).toEqual([
      [43101, 'refused'],
      [47003, 'failed'],
      [40003, 'failed'],
    ]);
  });

  it('renews a stale access token once (40001) and sends again', async () => {
    const wechat = fakeWeChat([
      { errcode: 40001, errmsg: 'invalid credential' },
      { errcode: 0, errmsg: 'ok', msgid: 'm2' },
    ]);
    expect(await createWeChatSubscribeMessageSender(app, wechat.fetchImpl).send(request)).toMatchObject({ errcode: 0, msgid: 'm2' });
    const tokensUsed = wechat.calls.filter((c) => c.url.pathname.endsWith('/send')).map((c) => c.url.searchParams.get('access_token'));
    expect(tokensUsed).toEqual(['token-1', 'token-2']);
  });

  it('a network fault is an answer (errcode -1), never a throw', async () => {
    const wechat = fakeWeChat([new TypeError('fetch failed')]);
    expect(await createWeChatSubscribeMessageSender(app, wechat.fetchImpl).send(request)).toEqual({ errcode: -1, errmsg: 'network' });
  });
});

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe('notify settings', () => {
  it('local and test stages record with the local template; deployed stages need an id and invoke the notifier', () => {
    expect(readNotifySettings(env({}), 'test')).toMatchObject({
      alertTemplate: { id: 'local-alert-template', state: 'developer' },
      notifierFunction: null,
    });
    expect(readNotifySettings(env({ NOTIFIER_FUNCTION: 'yinong-prod-notifier' }), 'prod')).toEqual({
      alertTemplate: null,
      answerTemplate: null,
      notifierFunction: 'yinong-prod-notifier',
    });
    expect(
      readNotifySettings(env({ WECHAT_ALERT_TEMPLATE_ID: 'T-abc', WECHAT_ALERT_TEMPLATE_FIELDS: 'thing4,phrase2,time7' }), 'prod').alertTemplate,
    ).toEqual({
      id: 'T-abc',
      fields: { title: 'thing4', category: 'phrase2', time: 'time7' },
      page: 'packages/feed/pages/item/index',
      state: 'formal',
    });
  });
});
