import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MeResponse } from '@shared/schemas/accounts';
import type { LedgerResponse } from '@shared/schemas/payments';
import type { OpeningWindow } from '@shared/schemas/stations';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { StageProviderBanner } from '../../../../components/provider-banner';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useCloseDay } from '../../../../hooks/use-close-day';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getStationById, getStationLedger } from '../../../../services/api';
import { chinaDate, isBusinessDate } from '../../../../services/business-date';
import { requestNote } from '../../../../services/errors';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { closesLaterToday } from '../../../../services/opening-hours';
import { varianceText } from '../../../../services/payment-text';
import { goBackTo, openPage } from '../../../../services/routes';
import { ConfirmClose } from './confirm-close';
import { NonCashPanel } from './non-cash-panel';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

type Close = NonNullable<LedgerResponse['close']>;

function CloseResult({ close, expectedCashFen }: { close: Close; expectedCashFen: number }) {
  return (
    <Panel id="close-result" title={t('close.doneTitle')} overlap>
      <InfoList
        items={[
          { id: 'close-result-expected', label: t('close.expected'), value: formatFen(expectedCashFen) },
          { id: 'close-result-counted', label: t('close.counted'), value: formatFen(close.countedCashFen) },
          {
            id: 'close-result-variance',
            label: t('close.varianceLabel'),
            value: `${formatFen(close.varianceFen)}（${varianceText(close.varianceFen)}）`,
          },
          { id: 'close-result-at', label: t('close.closedAt'), value: formatChinaTime(close.closedAt) },
          ...(close.note ? [{ id: 'close-result-note', label: t('close.noteLabel'), value: close.note }] : []),
        ]}
      />
      <ActionButton id="close-back" kind="secondary" onClick={() => goBackTo('workbench')}>
        {t('close.backToWorkbench')}
      </ActionButton>
    </Panel>
  );
}

function CloseForm({
  stationId,
  ledger,
  openingHours,
  onReload,
}: {
  stationId: string;
  ledger: LedgerResponse;
  /** The station's weekly hours, when known: closing today before they end is warned about. */
  openingHours?: OpeningWindow[];
  onReload: () => void;
}) {
  const { totals } = ledger;
  const form = useCloseDay(stationId, ledger.date, totals.expectedCashFen);
  const closesAt = openingHours && ledger.date === chinaDate() ? closesLaterToday(openingHours) : undefined;
  if (form.state.status === 'done') {
    const { reconciliation } = form.state;
    return <CloseResult close={reconciliation.close} expectedCashFen={reconciliation.totals.expectedCashFen} />;
  }
  const processing = totals.processingCount > 0;
  const submitting = form.state.status === 'submitting';
  return (
    <>
      <Panel id="close-expected-panel" title={t('close.expected')} overlap>
        <Text id="close-expected" className="pay-figure">
          {formatFen(totals.expectedCashFen)}
        </Text>
        <Text id="close-breakdown" className="pay-note">
          {t('close.breakdown', { cashIn: formatFen(totals.cashInFen), voided: formatFen(totals.voidedFen), count: totals.paymentCount })}
        </Text>
      </Panel>
      {processing ? (
        <Panel id="close-processing" title={t('close.processingTitle')}>
          <Notice id="close-processing-note" kind="info" text={t('close.processingExplain', { n: totals.processingCount })} />
          <View className="pay-actions">
            <ActionButton id="close-refresh" kind="secondary" onClick={onReload}>
              {t('close.refresh')}
            </ActionButton>
            <ActionButton id="close-to-workbench" kind="secondary" onClick={() => goBackTo('workbench')}>
              {t('close.backToWorkbench')}
            </ActionButton>
          </View>
        </Panel>
      ) : null}
      <Panel id="close-form">
        <TextField
          id="close-counted-input"
          label={t('close.countedLabel')}
          value={form.countedText}
          placeholder={t('close.countedPlaceholder')}
          kind="decimal"
          maxLength={14}
          error={form.error}
          onChange={form.setCountedText}
        />
        {form.varianceFen !== undefined ? (
          <View id="close-variance" className="pay-lookup">
            <Text className={`pay-figure${form.varianceFen === 0 ? ' pay-figure--brand' : ' pay-figure--danger'}`}>
              {t('close.variance', { variance: formatFen(form.varianceFen) })}
            </Text>
            <Text id="close-variance-words" className="pay-note">
              {varianceText(form.varianceFen)}
            </Text>
          </View>
        ) : null}
        <TextField
          id="close-note-input"
          label={t('close.note')}
          value={form.note}
          placeholder={t('close.notePlaceholder')}
          maxLength={200}
          error={form.noteError}
          onChange={form.setNote}
        />
        {closesAt ? <Notice id="close-early" kind="info" text={t('close.early', { time: closesAt })} /> : null}
        {form.state.status === 'failed' ? (
          <Notice id="close-error" kind="error" text={form.state.message} note={requestNote(form.state.requestId)} />
        ) : null}
        <ActionButton id="close-submit-button" loading={submitting} disabled={processing} onClick={form.ask}>
          {t('close.submit')}
        </ActionButton>
      </Panel>
      {form.confirming && form.countedFen !== undefined ? (
        <ConfirmClose
          date={ledger.date}
          expectedFen={totals.expectedCashFen}
          countedFen={form.countedFen}
          note={form.note}
          closesAt={closesAt}
          submitting={submitting}
          onConfirm={() => void form.submit()}
          onCancel={form.cancel}
        />
      ) : null}
    </>
  );
}

function DayClose({ stationId, villageName, date }: { stationId: string; villageName: string; date: string }) {
  const today = date;
  const ledger = useResource(`${stationId}|${today}`, () => getStationLedger(stationId, today, { limit: 1 }));
  // Its opening hours, for the warning on closing early; the close works without them.
  const station = useResource(stationId, getStationById);
  // Back on the page (after a look at the ledger): the totals again, keeping the count typed.
  useReloadOnShow(ledger.refresh);
  const state = ledger.state;
  return (
    <View id="close">
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: villageName }) }}
        title={{ id: 'close-title', text: t('close.title') }}
        lines={[{ id: 'close-date', text: t('workbench.date', { date: today }) }]}
        overlap
      />
      <StageProviderBanner id="close-provider" />
      {state.status === 'error' ? (
        <ErrorStateView
          id="close-load-error"
          title={t('close.errorTitle')}
          error={state.error}
          actions={[{ id: 'close-retry', label: t('state.retry'), onClick: ledger.retry }]}
        />
      ) : state.status !== 'ready' ? (
        <StateView id="close-loading" kind="loading" title={t('close.loading')} />
      ) : (
        <>
          {state.value.status === 'CLOSED' && state.value.close ? (
            <CloseResult close={state.value.close} expectedCashFen={state.value.totals.expectedCashFen} />
          ) : (
            <CloseForm
              stationId={stationId}
              ledger={state.value}
              openingHours={station.state.status === 'ready' ? station.state.value.openingHours : undefined}
              onReload={ledger.refresh}
            />
          )}
          <NonCashPanel nonCash={state.value.nonCash} />
          <View className="pay-section">
            <View className="pay-actions">
              <ActionButton id="close-ledger" kind="secondary" onClick={() => openPage('ledger', { date: today })}>
                {t('close.ledgerLink')}
              </ActionButton>
              <ActionButton id="close-history" kind="secondary" onClick={() => openPage('closes')}>
                {t('close.closesLink')}
              </ActionButton>
            </View>
          </View>
        </>
      )}
    </View>
  );
}

/** Today, or an earlier day nobody closed (`?date=`, from its ledger); never a day to come. */
function dayToClose(requested: string | undefined): string {
  const today = chinaDate();
  return requested && isBusinessDate(requested) && requested < today ? requested : today;
}

function Content({ me, date }: { me: MeResponse; date: string }) {
  if (!me.station)
    return <StateView id="close-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <DayClose stationId={me.station.id} villageName={me.station.villageName} date={date} />;
}

/** Closing a day: the cash the ledger expects, the cash counted, the variance; not while payments are pending. The day's WeChat Pay orders are shown beside it. */
export default function CloseDayPage() {
  useNavTitle(t('close.navTitle'));
  const router = useRouter();
  const date = dayToClose(router.params.date);
  return (
    <View id="close-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} date={date} />}
      </RoleGate>
    </View>
  );
}
