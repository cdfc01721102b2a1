import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { LoadMore } from '../../../../components/load-more';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useInformedMarks, type MarkState } from '../../../../hooks/use-informed-marks';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { getFeedItem, getStationFeedAcks, type HouseholdAck, type InformedHow, type StationAcks } from '../../../../services/api-feeds';
import { formatChinaTime } from '../../../../services/format';
import { OfficerQueuePanel } from '../../../../components/officer-queue-panel';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

function stateText(row: HouseholdAck): string {
  if (row.ack) return t('acks.stateAcked', { time: formatChinaTime(row.ack.at) });
  if (row.informed) return t(`acks.stateInformed.${row.informed.how}`, { time: formatChinaTime(row.informed.at) });
  return t('acks.statePending');
}

function HouseholdRow({ row, mark, onMark }: { row: HouseholdAck; mark: MarkState | undefined; onMark: (how: InformedHow) => void }) {
  const pending = row.ack === null && row.informed === null && mark?.status !== 'queued';
  const saving = mark?.status === 'saving';
  const id = `acks-row-${row.householdId}`;
  return (
    <View id={id} className={`acks-row${pending ? ' acks-row--pending' : ''}`}>
      <Text className="acks-row__name">{row.headName}</Text>
      <Text id={`${id}-state`} className="acks-row__state">
        {stateText(row)}
      </Text>
      {pending && mark?.status !== 'acked-meanwhile' ? (
        <View className="pay-actions">
          <ActionButton id={`${id}-phone`} size="small" kind="secondary" loading={saving} disabled={saving} onClick={() => onMark('phone')}>
            {saving ? t('acks.marking') : t('acks.markPhone')}
          </ActionButton>
          <ActionButton id={`${id}-in-person`} size="small" kind="secondary" disabled={saving} onClick={() => onMark('in_person')}>
            {t('acks.markInPerson')}
          </ActionButton>
        </View>
      ) : null}
      {mark?.status === 'acked-meanwhile' ? <Notice id={`${id}-acked`} kind="info" text={t('acks.ackedMeanwhile')} /> : null}
      {mark?.status === 'queued' ? <Notice id={`${id}-queued`} kind="info" text={t('acks.queued')} /> : null}
      {mark?.status === 'failed' ? (
        <Notice
          id={`${id}-error`}
          kind="error"
          text={t('acks.markFailed', { reason: mark.code === 'QUEUE_FULL' ? t('queue.fullError') : errorText(mark.code) })}
        />
      ) : null}
    </View>
  );
}

function Acks({ stationId, feedId }: { stationId: string; feedId: string }) {
  const [totals, setTotals] = useState<StationAcks['totals'] | null>(null);
  const [pendingOnly, setPendingOnly] = useState(false);
  const { state: item } = useResource(feedId, getFeedItem);
  const { state, loadMore, retry } = usePagedList(`${stationId}|${feedId}`, (_key, cursor) => getStationFeedAcks(stationId, feedId, cursor), {
    onFirstPage: (page) => setTotals(page.totals),
  });
  const marks = useInformedMarks(stationId, feedId);
  const loaded = state.status === 'ready' ? state.items : [];
  // "还没确认" filters by what the list said when loaded: a household marked here stays in view, updated in place.
  const shown = (pendingOnly ? loaded.filter((row) => row.ack === null && row.informed === null) : loaded).map(marks.rowOf);
  const informed = totals && state.status === 'ready' ? totals.informed + marks.extraInformed(state.items) : 0;

  return (
    <View id="acks">
      <PageHero
        eyebrow={{ text: t('alerts.title') }}
        title={{ id: 'acks-title', text: item.status === 'ready' ? item.value.title : '…' }}
        lines={totals ? [{ id: 'acks-totals', text: t('acks.totals', { acked: totals.acked, informed }) }] : []}
        overlap
      />
      <Panel overlap>
        <OfficerQueuePanel />
        <ChipGroup id="acks-filter">
          <Chip id="acks-filter-all" label={t('acks.filterAll')} selected={!pendingOnly} onClick={() => setPendingOnly(false)} />
          <Chip id="acks-filter-pending" label={t('acks.filterPending')} selected={pendingOnly} onClick={() => setPendingOnly(true)} />
        </ChipGroup>
        {state.status === 'idle' || state.status === 'loading' ? <StateView id="acks-loading" kind="loading" title={t('acks.loading')} /> : null}
        {state.status === 'error' ? (
          <ErrorStateView
            id="acks-error"
            title={t('acks.errorTitle')}
            error={state.error}
            actions={[{ id: 'acks-retry', label: t('state.retry'), onClick: retry }]}
          />
        ) : null}
        {state.status === 'ready' && shown.length === 0 ? (
          <StateView id="acks-empty" kind="empty" title={pendingOnly && loaded.length > 0 ? t('acks.emptyPending') : t('acks.empty')} />
        ) : null}
        {state.status === 'ready' ? (
          <View id="acks-list" className="acks-list">
            {shown.map((row) => (
              <HouseholdRow
                key={row.householdId}
                row={row}
                mark={marks.stateOf(row.householdId)}
                onMark={(how) => void marks.mark(row.householdId, how)}
              />
            ))}
            {state.nextCursor !== null ? <LoadMore id="acks-more" hasMore more={state.more} onMore={loadMore} /> : null}
          </View>
        ) : null}
      </Panel>
    </View>
  );
}

function Content({ me, feedId }: { me: MeResponse; feedId: string | undefined }) {
  if (!me.station)
    return <StateView id="acks-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  if (!feedId) return <StateView id="acks-no-item" kind="empty" title={t('alerts.empty')} />;
  return <Acks stationId={me.station.id} feedId={feedId} />;
}

/**
 * One alert at the officer's station (`?id=`): each household with its 收到 or how it was told, the
 * totals, "还没确认" to see who is left, and a mark per household told by phone or in person.
 */
export default function FeedAcksPage() {
  useNavTitle(t('acks.navTitle'));
  const { params } = useRouter();
  return (
    <View id="acks-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} feedId={params.id || undefined} />}
      </RoleGate>
    </View>
  );
}
