import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import type { MeResponse } from '@shared/schemas/accounts';
import { PageHero } from '../../../../components/page-hero';
import { ProviderBanner } from '../../../../components/provider-banner';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { getBillTypes, getStationLedger } from '../../../../services/api';
import { chinaDate } from '../../../../services/business-date';
import { PayForm } from './pay-form';
import { sharedPayLink } from './pay-link-share';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

function Content({ me }: { me: MeResponse }) {
  const router = useRouter();
  const billTypes = useResource('bill-types', getBillTypes);
  const stationId = me.station?.id;
  const ledger = useResource(stationId, (id) => getStationLedger(id, chinaDate(), { limit: 1 }));
  // Back on the page (from the workbench, another payment): today's limit left and whether the day
  // was closed meanwhile, without losing what is typed.
  useReloadOnShow(ledger.refresh);
  if (!stationId) {
    return <StateView id="pay-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  }
  if (billTypes.state.status === 'error') {
    return (
      <ErrorStateView
        id="pay-error"
        title={t('pay.errorTitle')}
        error={billTypes.state.error}
        actions={[{ id: 'pay-retry', label: t('state.retry'), onClick: billTypes.retry }]}
      />
    );
  }
  if (billTypes.state.status !== 'ready') return <StateView id="pay-loading" kind="loading" title={t('pay.loading')} />;
  const closed = ledger.state.status === 'ready' && ledger.state.value.status === 'CLOSED';
  return (
    <View>
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: me.station?.villageName ?? '' }) }}
        title={{ id: 'pay-title', text: t('pay.title') }}
        overlap
      />
      <ProviderBanner id="pay-provider" mode={billTypes.state.value.provider.mode} />
      {/* No bill provider in this stage: the banner says so, and there is no form to fill in vain. */}
      {billTypes.state.value.provider.mode === 'none' ? null : (
        <PayForm
          userId={me.user.id}
          stationId={stationId}
          billTypes={billTypes.state.value}
          ledger={ledger.state.status === 'ready' ? ledger.state.value : undefined}
          closed={closed}
          preselect={router.params.householdId}
        />
      )}
      {ledger.state.status === 'error' ? <Text className="pay-note">{errorText(ledger.state.error.code)}</Text> : null}
    </View>
  );
}

/**
 * A new payment: villager, bill, account, lookup, amount, cash, confirm, send; then the receipt.
 * Each step is a panel of its own file beside this one; pay-form.tsx puts them together.
 */
export default function PayPage() {
  useNavTitle(t('pay.navTitle'));
  // weapp: 发给微信好友 on a pay link shares it as a card opening the payer's page (packages/paylink).
  useShareAppMessage(() => {
    const link = sharedPayLink();
    return link ? { title: link.title, path: `/${link.path}` } : { title: t('pay.navTitle'), path: '/pages/index/index' };
  });
  return (
    <View id="pay-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
