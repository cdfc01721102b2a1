import { Text, View } from '@tarojs/components';
import { useAlertSubscription, type AlertSubscriptionDeps } from '../../hooks/use-alert-subscription';
import { errorText, t } from '../../i18n/notify';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { Panel } from '../panel';
import './index.scss';

export interface SubscribePromptProps {
  id?: string;
  /** Tests replace the platform and the API here; pages pass nothing. */
  deps?: AlertSubscriptionDeps;
}

/**
 * "Tell me when an alert is published": WeChat's subscribe-message dialog behind a button, with how
 * many messages the user still has allowed. Shows nothing when signed out, in a browser build without
 * the API, or when the user has no place alerts could reach. For the feed pages (list and item).
 */
export function SubscribePrompt({ id = 'subscribe-prompt', deps }: SubscribePromptProps) {
  const { state, subscribe, simulated } = useAlertSubscription(deps);
  if (state.status !== 'ready') return null;
  const full = state.remaining >= state.cap;
  return (
    <Panel id={id} title={t('notify.title')} intro={t('notify.intro')}>
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
          {full ? t('notify.full', { cap: state.cap }) : state.remaining > 0 ? t('notify.subscribeMore') : t('notify.subscribe')}
        </ActionButton>
        {state.outcome === 'accepted' ? <Notice kind="success" text={simulated ? t('notify.simulated') : t('notify.accepted')} /> : null}
        {state.outcome === 'declined' ? <Notice kind="info" text={t('notify.declined')} /> : null}
        {state.error ? <Notice kind="error" text={t('notify.failed')} note={errorText(state.error.code)} /> : null}
      </View>
    </Panel>
  );
}
