/**
 * WeChat's subscribe message (订阅消息), as the platform's `subscribeMessage.send` takes and answers it
 * (POST /cgi-bin/message/subscribe/send). The domain talks to this interface only: a local adapter
 * records what it would send (local and test stages), the real one calls WeChat (deployed stages).
 */

/** The request body of subscribeMessage.send, field for field. */
export interface SubscribeMessageRequest {
  /** The recipient's openid for this mini-program. */
  touser: string;
  template_id: string;
  /** The mini-program page the message opens, with its query (no leading slash). */
  page?: string;
  /** Keyed by the template's keywords (`thing1`, `time2`...), each `{ value }`; WeChat limits each kind (a `thing` is at most 20 characters). */
  data: Record<string, { value: string }>;
  miniprogram_state?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** WeChat's answer: errcode 0 and a msgid when sent. Network faults come back as errcode -1 too (never thrown). */
export interface SubscribeMessageAnswer {
  errcode: number;
  errmsg: string;
  msgid?: string;
}

export interface SubscribeMessageSender {
  send(request: SubscribeMessageRequest): Promise<SubscribeMessageAnswer>;
}

/** The documented errcodes the notifier acts on. */
export const WECHAT_ERRCODES = {
  ok: 0,
  busy: -1,
  invalidOpenid: 40003,
  invalidTemplateId: 40037,
  invalidPage: 41030,
  /** The user has no (more) subscription to this template: they refused, or used it up. */
  userRefused: 43101,
  /** The template data does not fit the template (a `thing` longer than 20 characters, a malformed `time`). */
  invalidData: 47003,
} as const;

/**
 * What a send's answer means for the allowance and the record:
 *   sent     : one message delivered, its allowance used;
 *   refused  : 43101, WeChat holds no subscription for it: our count is wrong, clear it;
 *   failed   : anything else (bad openid, data, template, WeChat busy): recorded with its errcode.
 * A failed send keeps its allowance consumed: our count may then fall below WeChat's, never above it,
 * so we never send a message the user did not allow.
 */
export type SendOutcome = 'sent' | 'refused' | 'failed';

export function outcomeOf(answer: SubscribeMessageAnswer): SendOutcome {
  if (answer.errcode === WECHAT_ERRCODES.ok) return 'sent';
  if (answer.errcode === WECHAT_ERRCODES.userRefused) return 'refused';
  return 'failed';
}
