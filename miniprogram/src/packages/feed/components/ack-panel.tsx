import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { Notice } from '../../../components/notice';
import { Panel } from '../../../components/panel';
import { useFeedAck, type AckFailure } from '../../../hooks/use-feed-ack';
import { useSession } from '../../../hooks/use-session';
import { errorText, t } from '../../../i18n/feed';
import { formatChinaTime } from '../../../services/format';
import { openSignIn, pageUrl } from '../../../services/routes';

function failureText(failure: AckFailure): string {
  if (failure.kind === 'no-household') return t('feed.ack.noHousehold');
  if (failure.kind === 'not-here') return t('feed.ack.notHere');
  if (failure.kind === 'not-needed') return t('feed.ack.notNeeded');
  return t('feed.ack.failed', { reason: errorText(failure.code) });
}

/**
 * 收到 for an alert that asks each household to acknowledge it: signed-in villagers tap it for their
 * household (once; the server answers when it was first acknowledged), signed-out readers sign in
 * and come back here.
 */
export function AckPanel({ feedId }: { feedId: string }) {
  const session = useSession();
  const { state, acknowledge } = useFeedAck(feedId, Boolean(session));
  return (
    <Panel id="feed-ack" title={t('feed.ack.title')} intro={t('feed.ack.intro')}>
      {state.status === 'done' ? (
        <View id="feed-ack-done" className="feed-ack__done">
          <Text className="feed-ack__done-title">✓ {t('feed.ack.done')}</Text>
          <Text id="feed-ack-done-at" className="feed-ack__muted">
            {t('feed.ack.doneAt', { time: formatChinaTime(state.at) })}
          </Text>
        </View>
      ) : !session ? (
        <View className="feed-ack__sign-in">
          <Text id="feed-ack-sign-in" className="feed-ack__muted">
            {t('feed.ack.signIn')}
          </Text>
          <ActionButton id="feed-ack-sign-in-button" kind="secondary" onClick={() => openSignIn(pageUrl('feedItem', { id: feedId }))}>
            {t('feed.ack.goSignIn')}
          </ActionButton>
        </View>
      ) : (
        <ActionButton id="feed-ack-button" loading={state.status === 'sending'} onClick={() => void acknowledge()}>
          {state.status === 'sending' ? t('feed.ack.sending') : t('feed.ack.button')}
        </ActionButton>
      )}
      {state.status === 'idle' && state.informed ? (
        <Notice
          id="feed-ack-informed"
          kind="info"
          text={t(state.informed.how === 'phone' ? 'feed.ack.informedPhone' : 'feed.ack.informedInPerson', {
            time: formatChinaTime(state.informed.at),
          })}
        />
      ) : null}
      {state.status === 'failed' ? (
        <Notice
          id={`feed-ack-error-${state.failure.kind}`}
          kind={state.failure.kind === 'other' ? 'error' : 'info'}
          text={failureText(state.failure)}
        />
      ) : null}
    </Panel>
  );
}
