import { View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { Notice } from '../../../components/notice';
import { Section } from '../../../components/section';
import { useConsultationLog } from '../../../hooks/use-consultation-log';
import { errorText, t } from '../../../i18n/staff';
import { OfficerQueuePanel } from '../../../components/officer-queue-panel';

const CHANNELS = ['phone', 'wechat', 'in_person'] as const;

/**
 * 一键登记咨询: three buttons, one tap each (the month's page reads again after each one logged). From a
 * household's page the consultation is that household's, so its villagers may rate it. Offline, a tap is
 * queued (the queue's panel below shows what waits and any conflict).
 */
export function QuickLog({
  idPrefix,
  stationId,
  householdId,
  onLogged,
}: {
  idPrefix: string;
  stationId: string;
  householdId?: string;
  onLogged: () => void;
}) {
  const { state, log } = useConsultationLog(stationId, onLogged, householdId);
  return (
    <Section id={`${idPrefix}-quick-log`} title={t('month.quickTitle')}>
      <View className="month__channels">
        {CHANNELS.map((channel) => (
          <ActionButton
            key={channel}
            id={`${idPrefix}-log-${channel}`}
            kind="secondary"
            size="small"
            loading={state.status === 'sending' && state.channel === channel}
            onClick={() => log(channel)}
          >
            {t(`month.channel.${channel}`)}
          </ActionButton>
        ))}
      </View>
      {state.status === 'done' ? (
        <Notice
          id={`${idPrefix}-logged`}
          kind="success"
          text={t('month.logged', { channel: t(`month.channel.${state.service.channel as (typeof CHANNELS)[number]}`) })}
        />
      ) : null}
      {state.status === 'queued' ? (
        <Notice id={`${idPrefix}-log-queued`} kind="info" text={t('month.queued', { channel: t(`month.channel.${state.channel}`) })} />
      ) : null}
      {state.status === 'failed' ? (
        <Notice
          id={`${idPrefix}-log-error`}
          kind="error"
          text={t('month.logFailed', { reason: state.error.code === 'QUEUE_FULL' ? t('queue.fullError') : errorText(state.error.code) })}
        />
      ) : null}
      <OfficerQueuePanel />
    </Section>
  );
}
