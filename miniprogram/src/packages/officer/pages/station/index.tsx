import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { StationManager } from '../../../../components/station-manager';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getStationById } from '../../../../services/api';
import { openPage } from '../../../../services/routes';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

function OfficerStation({ stationId }: { stationId: string }) {
  const { state, retry, replace } = useResource(stationId, getStationById);
  if (state.status === 'ready') {
    return <StationManager station={state.value} role="officer" onChange={replace} onReload={retry} eyebrow={t('role.officer.title')} />;
  }
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="officer-station-error"
        title={t('officer.stationErrorTitle')}
        error={state.error}
        actions={[{ id: 'officer-station-retry-button', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  return <StateView id="officer-station-loading" kind="loading" title={t('officer.stationLoading')} />;
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station) {
    return (
      <StateView
        id="officer-station-none"
        kind="empty"
        title={t('officer.noStationTitle')}
        description={t('officer.stationMissing')}
        actions={[{ id: 'officer-station-me-button', label: t('role.openMe'), onClick: () => openPage('me') }]}
      />
    );
  }
  return <OfficerStation stationId={me.station.id} />;
}

/** "我的站点": the officer's station, its hours, location and phone, its poster and history. */
export default function OfficerStationPage() {
  useNavTitle(t('officer.stationNavTitle'));
  return (
    <View id="officer-station-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
