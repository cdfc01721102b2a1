import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { AckAlertList } from '../../../../components/ack-alert-list';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getStationById } from '../../../../services/api';
import { openPage } from '../../../../services/routes';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

function Alerts({ stationId, villageName }: { stationId: string; villageName: string }) {
  // The feed is asked by the station's village code, which "me" does not carry.
  const { state, retry } = useResource(stationId, getStationById);
  return (
    <View id="officer-alerts">
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: villageName }) }}
        title={{ text: t('alerts.title') }}
        lines={[{ text: t('alerts.officerIntro') }]}
      />
      <Section title={t('alerts.title')}>
        {state.status === 'ready' ? (
          <AckAlertList
            id="officer-alerts-list"
            source="village-feed"
            region={state.value.villageCode}
            onOpen={(id) => openPage('feedAcks', { id })}
          />
        ) : state.status === 'error' ? (
          <ErrorStateView
            id="officer-alerts-error"
            title={t('alerts.errorTitle')}
            error={state.error}
            actions={[{ id: 'officer-alerts-retry', label: t('state.retry'), onClick: retry }]}
          />
        ) : (
          <StateView id="officer-alerts-loading" kind="loading" title={t('alerts.loading')} />
        )}
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station)
    return <StateView id="officer-alerts-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <Alerts stationId={me.station.id} villageName={me.station.villageName} />;
}

/** The officer's list of the alerts their village got that ask each household for 收到. */
export default function OfficerAlertsPage() {
  useNavTitle(t('alerts.navTitle'));
  return (
    <View id="officer-alerts-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
