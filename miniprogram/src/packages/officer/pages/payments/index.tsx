import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import type { LedgerResponse } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { PaymentList } from '../../../../components/payment-list';
import { ProviderBanner } from '../../../../components/provider-banner';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getBillTypes, getStationLedger, getStationPayments, type BillTypesAnswer } from '../../../../services/api';
import { chinaDate } from '../../../../services/business-date';
import { formatFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

function Totals({ ledger, billTypes }: { ledger: LedgerResponse; billTypes: BillTypesAnswer | undefined }) {
  const { totals } = ledger;
  const limits = billTypes?.stationLimits;
  return (
    <Panel id="workbench-totals" title={t('workbench.totalsTitle')} overlap>
      <InfoList
        items={[
          { id: 'workbench-cash-in', label: t('workbench.cashIn'), value: formatFen(totals.cashInFen) },
          { id: 'workbench-voided', label: t('workbench.voided'), value: formatFen(totals.voidedFen) },
          { id: 'workbench-expected', label: t('workbench.expected'), value: formatFen(totals.expectedCashFen) },
          { id: 'workbench-commission', label: t('workbench.commission'), value: formatFen(totals.commissionFen) },
          {
            id: 'workbench-count',
            label: t('workbench.count'),
            value: t('workbench.countValue', { payments: totals.paymentCount, voids: totals.voidCount }),
          },
          { id: 'workbench-processing', label: t('workbench.processing'), value: t('workbench.processingValue', { n: totals.processingCount }) },
          {
            id: 'workbench-limit-used',
            label: t('workbench.limitUsed'),
            value: limits
              ? t('workbench.limitValue', { used: formatFen(totals.limitUsedFen), max: formatFen(limits.perDayMaxFen) })
              : formatFen(totals.limitUsedFen),
          },
        ]}
      />
      {limits ? (
        <View id="workbench-limits" className="pay-note">
          {t('workbench.limitPerPayment', { max: formatFen(limits.perPaymentMaxFen), day: formatFen(limits.perDayMaxFen) })}
        </View>
      ) : null}
      {ledger.status === 'CLOSED' ? <Notice id="workbench-closed-note" kind="info" text={t('workbench.closedNote')} /> : null}
      <View className="pay-actions">
        <ActionButton id="workbench-new-payment" disabled={ledger.status === 'CLOSED'} onClick={() => openPage('pay')}>
          {t('workbench.new')}
        </ActionButton>
        <ActionButton id="workbench-households" kind="secondary" onClick={() => openPage('households')}>
          {t('workbench.households')}
        </ActionButton>
        <ActionButton id="workbench-close-day" kind="secondary" onClick={() => openPage('closeDay')}>
          {t('workbench.close')}
        </ActionButton>
        <ActionButton id="workbench-ledger" kind="secondary" onClick={() => openPage('ledger')}>
          {t('workbench.ledger')}
        </ActionButton>
        <ActionButton id="workbench-closes" kind="secondary" onClick={() => openPage('closes')}>
          {t('workbench.closes')}
        </ActionButton>
      </View>
    </Panel>
  );
}

function Workbench({ stationId, villageName }: { stationId: string; villageName: string }) {
  const today = chinaDate();
  const ledger = useResource(`${stationId}|${today}`, () => getStationLedger(stationId, today, { limit: 1 }));
  const billTypes = useResource('bill-types', getBillTypes);
  const pending = usePagedList(stationId, (id, cursor) => getStationPayments(id, { status: 'PROCESSING' }, { cursor }));
  const todays = usePagedList(`${stationId}|${today}`, (_key, cursor) => getStationPayments(stationId, { date: today }, { cursor }));
  const reload = () => {
    ledger.retry();
    pending.retry();
    todays.retry();
  };
  useReloadOnShow(reload);

  const status = ledger.state.status === 'ready' ? ledger.state.value.status : undefined;
  return (
    <View id="workbench">
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: villageName }) }}
        title={{ id: 'workbench-title', text: t('workbench.title') }}
        badges={status ? [{ id: 'workbench-status', text: status === 'OPEN' ? t('workbench.open') : t('workbench.closed') }] : []}
        lines={[{ id: 'workbench-date', text: t('workbench.date', { date: today }) }]}
        overlap
      />
      <ProviderBanner id="workbench-provider" mode={billTypes.state.status === 'ready' ? billTypes.state.value.provider.mode : undefined} />
      {ledger.state.status === 'ready' ? (
        <Totals ledger={ledger.state.value} billTypes={billTypes.state.status === 'ready' ? billTypes.state.value : undefined} />
      ) : ledger.state.status === 'error' ? (
        <ErrorStateView
          id="workbench-error"
          title={t('workbench.errorTitle')}
          error={ledger.state.error}
          actions={[{ id: 'workbench-retry', label: t('state.retry'), onClick: ledger.retry }]}
        />
      ) : (
        <StateView id="workbench-loading" kind="loading" title={t('workbench.loading')} />
      )}
      <>
        <Section id="workbench-pending-section" title={t('workbench.pendingTitle')}>
          <View className="pay-note">{t('workbench.pendingIntro')}</View>
          <View className="pay-block">
            <PaymentList
              id="workbench-pending"
              state={pending.state}
              empty={t('workbench.pendingEmpty')}
              fullDate
              onMore={pending.loadMore}
              onRetry={pending.retry}
            />
          </View>
        </Section>
        <Section id="workbench-today-section" title={t('workbench.todayTitle')}>
          <PaymentList id="workbench-today" state={todays.state} empty={t('workbench.todayEmpty')} onMore={todays.loadMore} onRetry={todays.retry} />
        </Section>
        <View className="pay-section">
          <ActionButton id="workbench-refresh" kind="secondary" onClick={reload}>
            {t('workbench.refresh')}
          </ActionButton>
        </View>
      </>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station) {
    return <StateView id="workbench-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  }
  return <Workbench stationId={me.station.id} villageName={me.station.villageName} />;
}

/** The officer's payments workbench: today's cash at a glance, what is pending, today's payments, and the way to pay, register and close. */
export default function WorkbenchPage() {
  useNavTitle(t('workbench.navTitle'));
  return (
    <View id="workbench-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
