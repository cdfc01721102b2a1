import { View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { AckAlertList } from '../../../../components/ack-alert-list';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { StateView } from '../../../../components/state-view';
import { t } from '../../../../i18n/staff';
import { openPage } from '../../../../services/routes';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

function Alerts({ me }: { me: MeResponse }) {
  const region = me.region?.code ?? me.user.regionCode;
  if (!region) return <StateView id="admin-alerts-no-region" kind="empty" title={t('alerts.noRegion')} />;
  return (
    <View id="admin-alerts">
      <PageHero
        eyebrow={{ text: t('admin.regionLine', { region: me.region?.name ?? region }) }}
        title={{ text: t('alerts.title') }}
        lines={[{ text: t('alerts.adminIntro') }]}
      />
      <Section title={t('alerts.title')}>
        <AckAlertList id="admin-alerts-list" source="region-alerts" region={region} onOpen={(id) => openPage('ackRates', { id, region })} />
      </Section>
    </View>
  );
}

/**
 * The alerts asking for 收到 that reach into the admin's region (targeted inside it, at it or above:
 * GET /regions/{code}/ack-alerts); each opens its rates per station.
 */
export default function AdminAlertsPage() {
  useNavTitle(t('alerts.navTitle'));
  return (
    <View id="admin-alerts-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <Alerts me={me} />}
      </RoleGate>
    </View>
  );
}
