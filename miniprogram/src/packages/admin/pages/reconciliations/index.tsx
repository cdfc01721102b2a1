import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import type { RegionDayFilter, RegionDaySummary, StationDay } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { StageProviderBanner } from '../../../../components/provider-banner';
import { Panel } from '../../../../components/panel';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { t, type MessageKey } from '../../../../i18n/staff';
import { getRegionReconciliations } from '../../../../services/api';
import { chinaDate, isBusinessDate, shiftDate } from '../../../../services/business-date';
import { formatFen } from '../../../../services/money';
import { varianceText } from '../../../../services/payment-text';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

/** A station's day: closed (with its variance), open (payments taken, not closed yet) or idle. */
function Row({ item }: { item: StationDay }) {
  const { totals, close } = item;
  if (!close) {
    return (
      <ListRow
        id={`recon-${item.stationCode}`}
        title={`${item.villageName}（${item.stationCode}）`}
        subtitle={
          item.status === 'OPEN'
            ? t('recon.openSubtitle', { expected: formatFen(totals.expectedCashFen), count: totals.paymentCount })
            : t('recon.idleSubtitle')
        }
        aside={
          <Pill id={`recon-${item.stationCode}-status`} tone={item.status === 'OPEN' ? 'accent' : 'muted'}>
            {item.status === 'OPEN' ? t('recon.statusOpen') : t('recon.statusIdle')}
          </Pill>
        }
      />
    );
  }
  return (
    <ListRow
      id={`recon-${item.stationCode}`}
      title={`${item.villageName}（${item.stationCode}）`}
      subtitle={t('recon.rowSubtitle', {
        expected: formatFen(totals.expectedCashFen),
        counted: formatFen(close.countedCashFen),
        count: totals.paymentCount,
      })}
      aside={
        <Pill id={`recon-${item.stationCode}-variance`} tone={close.varianceFen === 0 ? 'brand' : 'danger'}>
          {close.varianceFen === 0 ? t('recon.varianceZero') : varianceText(close.varianceFen)}
        </Pill>
      }
    />
  );
}

type Filter = RegionDayFilter | 'ALL';
const FILTERS: Array<{ id: string; filter: Filter; label: MessageKey }> = [
  { id: 'recon-only-closed', filter: 'CLOSED', label: 'recon.onlyClosed' },
  { id: 'recon-unclosed', filter: 'UNCLOSED', label: 'recon.onlyUnclosed' },
  { id: 'recon-variance', filter: 'VARIANCE', label: 'recon.onlyVariance' },
  { id: 'recon-all-stations', filter: 'ALL', label: 'recon.allStations' },
];

const EMPTY_TEXT: Record<Filter, MessageKey> = {
  CLOSED: 'recon.empty',
  UNCLOSED: 'recon.emptyUnclosed',
  VARIANCE: 'recon.emptyVariance',
  ALL: 'recon.empty',
};

function Reconciliations({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const [dateText, setDateText] = useState(() => chinaDate());
  const [date, setDate] = useState(() => chinaDate());
  const [dateError, setDateError] = useState<string | undefined>();
  // The stations that closed the day, those that took payments and have not closed, those closed
  // with a variance, or every station of the region with its day.
  const [filter, setFilter] = useState<Filter>('CLOSED');
  const onlyClosed = filter === 'CLOSED';
  // The whole region's day (its counters), whatever page is loaded.
  const [summary, setSummary] = useState<RegionDaySummary | null>(null);
  const { state, loadMore, retry } = usePagedList(
    `${regionCode}|${date}|${filter}`,
    (_key, cursor) => getRegionReconciliations(regionCode, date, { cursor }, filter === 'ALL' ? undefined : filter),
    { onFirstPage: (page) => setSummary(page.summary) },
  );

  const show = (value: string) => {
    const trimmed = value.trim();
    if (!isBusinessDate(trimmed)) {
      setDateError(t('recon.dateInvalid'));
      return;
    }
    setDateError(undefined);
    setDateText(trimmed);
    setDate(trimmed);
  };

  // Over the stations loaded so far (the list is paged), and shortfalls never netted against
  // surpluses: one station short ¥50 and another over ¥50 is not "¥0".
  const loaded = state.status === 'ready' ? state.items : [];
  const shortFen = loaded.reduce((sum, item) => sum + Math.min(0, item.close?.varianceFen ?? 0), 0);
  const overFen = loaded.reduce((sum, item) => sum + Math.max(0, item.close?.varianceFen ?? 0), 0);
  const closedCount = loaded.filter((item) => item.close).length;
  return (
    <View id="recon">
      <PageHero eyebrow={{ text: regionName }} title={{ id: 'recon-title', text: t('recon.title') }} overlap />
      <StageProviderBanner id="recon-provider" />
      <Panel id="recon-filter" overlap>
        <TextField
          id="recon-date-input"
          label={t('recon.dateLabel')}
          value={dateText}
          placeholder={t('recon.datePlaceholder')}
          maxLength={10}
          error={dateError}
          onChange={(value) => {
            setDateText(value);
            setDateError(undefined);
          }}
          onConfirm={() => show(dateText)}
        />
        <View className="recon__actions">
          <ActionButton id="recon-prev" kind="secondary" size="small" onClick={() => show(shiftDate(date, -1))}>
            {t('recon.prev')}
          </ActionButton>
          <ActionButton id="recon-show" size="small" onClick={() => show(dateText)}>
            {t('recon.show')}
          </ActionButton>
          <ActionButton id="recon-next" kind="secondary" size="small" onClick={() => show(shiftDate(date, 1))}>
            {t('recon.next')}
          </ActionButton>
        </View>
        <View className="recon__actions recon__filters">
          {FILTERS.map(({ id, filter: value, label }) => (
            <ActionButton key={id} id={id} kind={filter === value ? 'primary' : 'secondary'} size="small" onClick={() => setFilter(value)}>
              {t(label)}
            </ActionButton>
          ))}
        </View>
      </Panel>
      <Section id="recon-section" title={date}>
        {summary && state.status === 'ready' ? (
          <Text id="recon-region-summary" className="recon__summary">
            {t('recon.regionSummary', {
              region: regionName,
              took: summary.tookPayments,
              closed: summary.closed,
              unclosed: summary.unclosed,
              variance: summary.withVariance,
            })}
          </Text>
        ) : null}
        {state.status === 'idle' || state.status === 'loading' ? <StateView id="recon-loading" kind="loading" title={t('recon.loading')} /> : null}
        {state.status === 'error' ? (
          <ErrorStateView
            id="recon-error"
            title={t('recon.errorTitle')}
            error={state.error}
            actions={[{ id: 'recon-retry', label: t('state.retry'), onClick: retry }]}
          />
        ) : null}
        {state.status === 'ready' && state.items.length === 0 ? <StateView id="recon-empty" kind="empty" title={t(EMPTY_TEXT[filter])} /> : null}
        {state.status === 'ready' && state.items.length > 0 ? (
          <View id="recon-list">
            <Text id="recon-summary" className="recon__summary">
              {onlyClosed
                ? t('recon.summary', { n: loaded.length, short: formatFen(-shortFen), over: formatFen(overFen) })
                : t('recon.summaryAll', { n: loaded.length, closed: closedCount, short: formatFen(-shortFen), over: formatFen(overFen) })}
              {state.nextCursor !== null ? t('recon.summaryMore') : ''}
            </Text>
            <ListCard>
              {state.items.map((item) => (
                <Row key={`${item.stationId}-${item.date}`} item={item} />
              ))}
            </ListCard>
            {state.nextCursor !== null ? <LoadMore id="recon-more" hasMore more={state.more} onMore={loadMore} /> : null}
          </View>
        ) : null}
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  const code = me.region?.code ?? me.user.regionCode;
  if (!code) return <StateView id="recon-no-region" kind="empty" title={t('recon.title')} description={t('admin.error.forbidden')} />;
  return <Reconciliations regionCode={code} regionName={me.region?.name ?? code} />;
}

/** Admins: every station's day close in their region for a chosen day, with the cash variance. */
export default function ReconciliationsPage() {
  useNavTitle(t('recon.navTitle'));
  return (
    <View id="recon-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
