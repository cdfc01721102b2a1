import { Text, View } from '@tarojs/components';
import type { SubscriptionKind } from '@shared/schemas/notify';
import { useAlertSubscription, type AlertSubscriptionDeps } from '../../hooks/use-alert-subscription';
import { errorText, t } from '../../i18n/notify';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { Panel } from '../panel';
import './index.scss';

export interface SubscribePromptProps {
  id?: string;
  /** Which message: an alert (the feed pages), or the answer to the user's question (the ask pages). */
  kind?: SubscriptionKind;
  /** Tests replace the platform and the API here; pages pass nothing. */
  deps?: AlertSubscriptionDeps;
}

/**
 * "Tell me when an alert is published" (or, `kind="answer"`, "when my question is answered"): WeChat's
 * subscribe-message dialog behind a button, with how many messages the user still has allowed. Shows
 * nothing when signed out, in a browser build without the API, or when the user has no place messages
 * could reach. For the feed pages (list and item) and a question's page.
 */
export function SubscribePrompt({ id = 'subscribe-prompt', kind = 'alert', deps }: SubscribePromptProps) {
  const { state, subscribe, simulated } = useAlertSubscription(deps, kind);
  const answer = kind === 'answer';
  if (state.status !== 'ready') return null;
  const full = state.remaining >= state.cap;
  return (
    <Panel id={id} title={t(answer ? 'notify.answer.title' : 'notify.title')} intro={t(answer ? 'notify.answer.intro' : 'notify.intro')}>
      <View className="subscribe-prompt">
        <Text className="subscribe-prompt__count">{state.remaining > 0 ? t('notify.remaining', { count: state.remaining }) : t('notify.none')}</Text>
        <ActionButton
          id={`${id}-button`}
          kind={state.remaining > 0 ? 'secondary' : 'primary'}
          size="small"
          disabled={full}
          loading={state.asking}
          onClick={() => void subscribe()}
        >
          {full
            ? t('notify.full', { cap: state.cap })
            : state.remaining > 0
              ? t('notify.subscribeMore')
              : t(answer ? 'notify.answer.subscribe' : 'notify.subscribe')}
        </ActionButton>
        {state.outcome === 'accepted' ? (
          <Notice kind="success" text={simulated ? t('notify.simulated') : t(answer ? 'notify.answer.accepted' : 'notify.accepted')} />
        ) : null}
        {state.outcome === 'declined' ? <Notice kind="info" text={t('notify.declined')} /> : null}
        {state.error ? <Notice kind="error" text={t('notify.failed')} note={errorText(state.error.code)} /> : null}
      </View>
    </Panel>
  );
}
