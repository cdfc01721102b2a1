import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { StateView } from '../../../../components/state-view';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getManifest } from '../../../../services/api-fulfil';
import { ManifestView } from './manifest-view';
import { PickupDesk } from './pickup-desk';
import { RefundRequests } from './refund-requests';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

function Fulfilment({ stationId, villageName }: { stationId: string; villageName: string }) {
  const manifest = useResource(stationId, getManifest);
  useReloadOnShow(manifest.refresh);
  return (
    <View id="fulfil">
      <PageHero eyebrow={{ text: t('officer.stationLine', { village: villageName }) }} title={{ text: t('fulfil.title') }} />
      <Section id="fulfil-pickup" title={t('fulfil.pickupTitle')}>
        <PickupDesk stationId={stationId} onHandedOver={manifest.refresh} />
      </Section>
      <Section id="fulfil-refunds" title={t('refund.title')}>
        <RefundRequests stationId={stationId} onDecided={manifest.refresh} />
      </Section>
      <Section id="fulfil-manifest" title={t('fulfil.manifestTitle')}>
        <ManifestView stationId={stationId} state={manifest.state} onRetry={manifest.retry} onChanged={manifest.refresh} />
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station)
    return <StateView id="fulfil-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <Fulfilment stationId={me.station.id} villageName={me.station.villageName} />;
}

/** 提货与发货: the pickup counter (code typed or scanned, then handed over), refund requests, and today's manifest with shipping. */
export default function FulfilPage() {
  useNavTitle(t('fulfil.title'));
  return (
    <View id="fulfil-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
