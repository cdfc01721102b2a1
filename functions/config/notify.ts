/**
 * Subscribe-message settings, plain values of the function's environment (none is a secret): the
 * alert template's id and keyword names as configured in the WeChat console, the page a message
 * opens, and in deployed stages the notifier function the publish invokes asynchronously.
 */
import type { AlertTemplate } from '../domain/notify/alert-notifier';
import type { AnswerTemplate } from '../domain/questions/answer-question';
import type { TemplateIds } from '../domain/notify/subscriptions';
import { isLocalStage, onConfigReset, settings } from './index';

export interface NotifySettings {
  /** null: no template configured for the stage; nothing is asked for or sent. */
  alertTemplate: AlertTemplate | null;
  /** The template telling an asker their question is answered; null: none configured. */
  answerTemplate: AnswerTemplate | null;
  /** Deployed stages: the notifier Lambda invoked (InvocationType Event) after a publish; null locally. */
  notifierFunction: string | null;
}

/** Local and test stages record instead of sending (adapters/local-subscribe-message.ts), with this id unless told otherwise. */
export const LOCAL_ALERT_TEMPLATE_ID = 'local-alert-template';
/** The feed subpackage's item page (packages/feed), opened with `?id=<item>`. */
export const DEFAULT_ALERT_PAGE = 'packages/feed/pages/item/index';
export const LOCAL_ANSWER_TEMPLATE_ID = 'local-answer-template';
/** The ask subpackage's question page (built by the mini-program side), opened with `?id=<question>`. */
export const DEFAULT_ANSWER_PAGE = 'packages/ask/pages/question/index';

export function readNotifySettings(env: NodeJS.ProcessEnv = process.env, stage = settings().stage): NotifySettings {
  const local = isLocalStage(stage);
  const id = env.WECHAT_ALERT_TEMPLATE_ID || (local ? LOCAL_ALERT_TEMPLATE_ID : '');
  const [title = 'thing1', category = 'thing2', time = 'time3'] = (env.WECHAT_ALERT_TEMPLATE_FIELDS || '').split(',').filter(Boolean);
  const state = env.WECHAT_MINIPROGRAM_STATE;
  return {
    alertTemplate: id
      ? {
          id,
          fields: { title, category, time },
          page: env.WECHAT_ALERT_PAGE || DEFAULT_ALERT_PAGE,
          state: state === 'developer' || state === 'trial' || state === 'formal' ? state : local ? 'developer' : 'formal',
        }
      : null,
    answerTemplate: answerTemplateOf(env, local),
    notifierFunction: local ? null : env.NOTIFIER_FUNCTION || null,
  };
}

function answerTemplateOf(env: NodeJS.ProcessEnv, local: boolean): AnswerTemplate | null {
  const id = env.WECHAT_ANSWER_TEMPLATE_ID || (local ? LOCAL_ANSWER_TEMPLATE_ID : '');
  if (!id) return null;
  const [question = 'thing1', time = 'time2'] = (env.WECHAT_ANSWER_TEMPLATE_FIELDS || '').split(',').filter(Boolean);
  const state = env.WECHAT_MINIPROGRAM_STATE;
  return {
    id,
    fields: { question, time },
    page: env.WECHAT_ANSWER_PAGE || DEFAULT_ANSWER_PAGE,
    state: state === 'developer' || state === 'trial' || state === 'formal' ? state : local ? 'developer' : 'formal',
  };
}

let cached: NotifySettings | undefined;
export function notifySettings(): NotifySettings {
  cached ??= readNotifySettings();
  return cached;
}
onConfigReset(() => {
  cached = undefined;
});

export const templateIds = (): TemplateIds => ({
  alert: notifySettings().alertTemplate?.id ?? null,
  answer: notifySettings().answerTemplate?.id ?? null,
});
