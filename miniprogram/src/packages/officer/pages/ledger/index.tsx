import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MeResponse } from '@shared/schemas/accounts';
import type { LedgerEntry } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { InfoList, type InfoItem } from '../../../../components/info-list';
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
import { useLedgerDay, type LedgerDaySummary } from '../../../../hooks/use-ledger-day';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/staff';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { ledgerEntryTitle, signedFen, varianceText } from '../../../../services/payment-text';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

/** One ledger line: what, when, which receipt (and why, for a void), the cash in or out; opens the receipt. */
function EntryRow({ entry }: { entry: LedgerEntry }) {
  const id = `ledger-${entry.kind.toLowerCase()}-${entry.paymentId}`;
  const subtitle = [formatChinaTime(entry.at).slice(11), entry.receiptNo, entry.reason ? t('ledger.reason', { reason: entry.reason }) : null]
    .filter(Boolean)
    .join(t('list.separator'));
  return (
    <ListRow
      id={id}
      title={ledgerEntryTitle(entry)}
      subtitle={subtitle}
      aside={
        <Pill id={`${id}-cash`} tone={entry.cashFen < 0 ? 'danger' : 'brand'}>
          {signedFen(entry.cashFen)}
        </Pill>
      }
      onClick={() => openPage('receipt', { id: entry.paymentId })}
    />
  );
}

function DayTotals({ day, isToday }: { day: LedgerDaySummary; isToday: boolean }) {
  const { totals, close } = day;
  const items: InfoItem[] = [
    { id: 'ledger-cash-in', label: t('workbench.cashIn'), value: formatFen(totals.cashInFen) },
    { id: 'ledger-voided', label: t('workbench.voided'), value: formatFen(totals.voidedFen) },
    { id: 'ledger-expected', label: t('workbench.expected'), value: formatFen(totals.expectedCashFen) },
    { id: 'ledger-commission', label: t('workbench.commission'), value: formatFen(totals.commissionFen) },
    { id: 'ledger-count', label: t('workbench.count'), value: t('workbench.countValue', { payments: totals.paymentCount, voids: totals.voidCount }) },
    {
      id: 'ledger-close',
      label: t('ledger.closedLabel'),
      value: close
        ? t('ledger.closedValue', { counted: formatFen(close.countedCashFen), variance: varianceText(close.varianceFen) })
        : t('ledger.notClosed'),
    },
  ];
  if (totals.processingCount > 0) {
    items.push({ id: 'ledger-processing', label: t('workbench.processing'), value: t('workbench.processingValue', { n: totals.processingCount }) });
  }
  return (
    <Panel id="ledger-totals" title={t('ledger.totalsTitle')}>
      <InfoList items={items} />
      {isToday ? null : (
        <Text id="ledger-read-only" className="pay-note">
          {t('ledger.readOnly')}
        </Text>
      )}
    </Panel>
  );
}

function Ledger({ stationId, villageName, initialDate }: { stationId: string; villageName: string; initialDate: string | undefined }) {
  const ledger = useLedgerDay(stationId, initialDate);
  const { entries, day } = ledger;
  useReloadOnShow(entries.retry);
  const state = entries.state;
  return (
    <View id="ledger">
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: villageName }) }}
        title={{ id: 'ledger-title', text: t('ledger.title') }}
        badges={day ? [{ id: 'ledger-status', text: day.status === 'OPEN' ? t('workbench.open') : t('workbench.closed') }] : []}
        lines={[{ id: 'ledger-date', text: t('workbench.date', { date: ledger.date }) }]}
        overlap
      />
      <StageProviderBanner id="ledger-provider" />
      <Panel id="ledger-filter" overlap>
        <TextField
          id="ledger-date-input"
          label={t('ledger.dateLabel')}
          value={ledger.dateText}
          placeholder={t('ledger.datePlaceholder')}
          maxLength={10}
          error={ledger.dateError}
          onChange={ledger.setDateText}
          onConfirm={ledger.show}
        />
        <View className="pay-date-actions">
          <ActionButton id="ledger-prev" kind="secondary" size="small" onClick={ledger.previous}>
            {t('ledger.prev')}
          </ActionButton>
          <ActionButton id="ledger-show" size="small" onClick={ledger.show}>
            {t('ledger.show')}
          </ActionButton>
          <ActionButton id="ledger-next" kind="secondary" size="small" disabled={!ledger.canGoNext} onClick={ledger.next}>
            {t('ledger.next')}
          </ActionButton>
          {ledger.isToday ? null : (
            <ActionButton id="ledger-today" kind="secondary" size="small" onClick={ledger.backToToday}>
              {t('ledger.today')}
            </ActionButton>
          )}
        </View>
      </Panel>
      {state.status === 'error' ? (
        <ErrorStateView
          id="ledger-error"
          title={t('ledger.errorTitle')}
          error={state.error}
          actions={[{ id: 'ledger-retry', label: t('state.retry'), onClick: entries.retry }]}
        />
      ) : state.status !== 'ready' || !day ? (
        <StateView id="ledger-loading" kind="loading" title={t('ledger.loading')} />
      ) : (
        <>
          <DayTotals day={day} isToday={ledger.isToday} />
          <Section id="ledger-entries-section" title={t('ledger.entriesTitle')}>
            <Text className="pay-note">{t('ledger.entriesIntro')}</Text>
            {state.items.length === 0 ? (
              <Text id="ledger-entries-empty" className="pay-note">
                {t('ledger.entriesEmpty')}
              </Text>
            ) : (
              <View id="ledger-entries" className="pay-block">
                <ListCard>
                  {state.items.map((entry) => (
                    <EntryRow key={entry.id} entry={entry} />
                  ))}
                </ListCard>
                {state.nextCursor !== null || state.more.status !== 'idle' ? (
                  <LoadMore id="ledger-entries-more" hasMore={state.nextCursor !== null} more={state.more} onMore={entries.loadMore} />
                ) : null}
              </View>
            )}
          </Section>
        </>
      )}
      <View className="pay-section">
        {day && day.status === 'OPEN' && !ledger.isToday ? (
          // A past day nobody closed: its cash still has to be counted.
          <ActionButton id="ledger-close-day" onClick={() => openPage('closeDay', { date: ledger.date })}>
            {t('ledger.closeThisDay')}
          </ActionButton>
        ) : null}
        <ActionButton id="ledger-closes" kind="secondary" onClick={() => openPage('closes')}>
          {t('ledger.closesLink')}
        </ActionButton>
      </View>
    </View>
  );
}

function Content({ me, date }: { me: MeResponse; date: string | undefined }) {
  if (!me.station)
    return <StateView id="ledger-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <Ledger stationId={me.station.id} villageName={me.station.villageName} initialDate={date} />;
}

/** The station's cash ledger of one day (today unless `?date=`): totals, close and every line, read-only. */
export default function LedgerPage() {
  useNavTitle(t('ledger.navTitle'));
  const router = useRouter();
  return (
    <View id="ledger-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} date={router.params.date} />}
      </RoleGate>
    </View>
  );
}
