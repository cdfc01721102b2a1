import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import type { Reconciliation } from '@shared/schemas/payments';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { StageProviderBanner } from '../../../../components/provider-banner';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/staff';
import { getStationReconciliations } from '../../../../services/api';
import { formatFen } from '../../../../services/money';
import { varianceText } from '../../../../services/payment-text';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

/** A closed day: expected, counted, how many payments, the variance; opens that day's ledger. */
function CloseRow({ item }: { item: Reconciliation }) {
  const { close, totals } = item;
  return (
    <ListRow
      id={`closes-${item.date}`}
      title={item.date}
      subtitle={t('recon.rowSubtitle', {
        expected: formatFen(totals.expectedCashFen),
        counted: formatFen(close.countedCashFen),
        count: totals.paymentCount,
      })}
      aside={
        <Pill id={`closes-${item.date}-variance`} tone={close.varianceFen === 0 ? 'brand' : 'danger'}>
          {close.varianceFen === 0 ? t('recon.varianceZero') : varianceText(close.varianceFen)}
        </Pill>
      }
      onClick={() => openPage('ledger', { date: item.date })}
    />
  );
}

function Closes({ stationId, villageName }: { stationId: string; villageName: string }) {
  const { state, loadMore, retry } = usePagedList(stationId, (id, cursor) => getStationReconciliations(id, { cursor }));
  useReloadOnShow(retry);
  return (
    <View id="closes">
      <PageHero eyebrow={{ text: t('officer.stationLine', { village: villageName }) }} title={{ id: 'closes-title', text: t('closes.title') }} />
      <StageProviderBanner id="closes-provider" />
      <Section id="closes-section" title={t('closes.listTitle')}>
        <Text className="pay-note">{t('closes.intro')}</Text>
        {state.status === 'idle' || state.status === 'loading' ? <StateView id="closes-loading" kind="loading" title={t('closes.loading')} /> : null}
        {state.status === 'error' ? (
          <ErrorStateView
            id="closes-error"
            title={t('closes.errorTitle')}
            error={state.error}
            actions={[{ id: 'closes-retry', label: t('state.retry'), onClick: retry }]}
          />
        ) : null}
        {state.status === 'ready' && state.items.length === 0 ? <StateView id="closes-empty" kind="empty" title={t('closes.empty')} /> : null}
        {state.status === 'ready' && state.items.length > 0 ? (
          <View id="closes-list" className="pay-block">
            <ListCard>
              {state.items.map((item) => (
                <CloseRow key={item.date} item={item} />
              ))}
            </ListCard>
            {state.nextCursor !== null || state.more.status !== 'idle' ? (
              <LoadMore id="closes-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
            ) : null}
          </View>
        ) : null}
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station)
    return <StateView id="closes-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <Closes stationId={me.station.id} villageName={me.station.villageName} />;
}

/** The station's closed days, newest first: expected and counted cash, the variance. */
export default function ClosesPage() {
  useNavTitle(t('closes.navTitle'));
  return (
    <View id="closes-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
