import { View } from '@tarojs/components';
import { ActionButton } from '../action-button';
import { ListCard, ListRow } from '../list-row';
import { Notice } from '../notice';
import { Section } from '../section';
import { useOfficerQueue } from '../../hooks/use-officer-queue';
import { errorText, t } from '../../i18n/queue';
import { formatChinaTime } from '../../services/china-time';
import type { QueuedAction } from '../../services/officer-queue';
import './index.scss';

const labelOf = (action: QueuedAction) => {
  const kind = t(`queue.kind.${action.kind}`);
  return action.label ? `${kind} ${action.label}` : kind;
};

/**
 * 待同步: how many officer actions wait on the phone for the network (a badge), a retry button, a note
 * when the queue is full, and the actions the server refused, kept until the officer dismisses each.
 * Shows nothing when the queue is empty and nothing was refused. Only subpackages show it (the officer's
 * pages, the training attendance page): the main package never imports it.
 */
export function OfficerQueuePanel() {
  const { pending, conflicts, full, replaying, retry, dismiss } = useOfficerQueue();
  if (pending.length === 0 && conflicts.length === 0) return null;
  return (
    <Section id="officer-queue" title={t('queue.title')}>
      {pending.length > 0 ? (
        <View className="officer-queue__bar">
          <View id="officer-queue-badge" className="officer-queue__badge">
            {t('queue.pending', { count: pending.length })}
          </View>
          <ActionButton id="officer-queue-retry" kind="secondary" size="small" loading={replaying} onClick={() => void retry()}>
            {replaying ? t('queue.retrying') : t('queue.retry')}
          </ActionButton>
        </View>
      ) : null}
      {pending.length > 0 ? <View className="officer-queue__hint">{t('queue.pendingHint')}</View> : null}
      {full ? <Notice id="officer-queue-full" kind="error" text={t('queue.full', { count: pending.length })} /> : null}
      {conflicts.length > 0 ? <View className="officer-queue__hint">{t('queue.conflictsTitle')}</View> : null}
      {conflicts.length > 0 ? (
        <ListCard id="officer-queue-conflicts">
          {conflicts.map((conflict) => (
            <ListRow
              key={conflict.action.key}
              id={`officer-queue-conflict-${conflict.action.key}`}
              title={t('queue.conflict', { label: labelOf(conflict.action), reason: errorText(conflict.code) })}
              subtitle={formatChinaTime(conflict.action.at)}
              aside={
                <ActionButton
                  id={`officer-queue-dismiss-${conflict.action.key}`}
                  kind="secondary"
                  size="small"
                  onClick={() => dismiss(conflict.action.key)}
                >
                  {t('queue.dismiss')}
                </ActionButton>
              }
            />
          ))}
        </ListCard>
      ) : null}
    </Section>
  );
}
