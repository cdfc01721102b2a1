import { Text, View } from '@tarojs/components';
// roles.ts is plain constants (no zod), so a value import from @shared is fine here.
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { AppointOfficerForm } from '../../../../components/appoint-officer';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { TextField } from '../../../../components/text-field';
import { useStationOfficers, type OfficerItem } from '../../../../hooks/use-station-officers';
import { t } from '../../../../i18n/staff';
import { requestNote } from '../../../../services/errors';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

function OfficerRow({
  officer,
  confirming,
  removing,
  onAsk,
  onCancel,
  onConfirm,
}: {
  officer: OfficerItem;
  confirming: boolean;
  removing: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <View id={`admin-officer-${officer.id}`} className="admin-officer">
      <View className="admin-officer__who">
        <Text className="admin-officer__name">{officer.name ?? t('me.unnamed')}</Text>
        <Text className="admin-officer__id">{officer.id}</Text>
      </View>
      <View className="admin-officer__actions">
        {confirming ? (
          <>
            <ActionButton id={`admin-officer-cancel-${officer.id}`} kind="secondary" size="small" onClick={onCancel}>
              {t('admin.cancel')}
            </ActionButton>
            <ActionButton id={`admin-officer-confirm-${officer.id}`} kind="danger" size="small" onClick={onConfirm}>
              {t('admin.confirmRemove')}
            </ActionButton>
          </>
        ) : (
          <ActionButton id={`admin-officer-remove-${officer.id}`} kind="secondary" size="small" loading={removing} onClick={onAsk}>
            {t('admin.remove')}
          </ActionButton>
        )}
      </View>
    </View>
  );
}

function RemovePanel() {
  const { stationCode, fieldError, list, confirming, removing, notice, setStationCode, load, askRemove, cancelRemove, confirmRemove } =
    useStationOfficers();
  return (
    <Panel id="admin-remove" title={t('admin.removeTitle')} intro={t('admin.removeIntro')}>
      <TextField
        id="admin-officers-station-input"
        label={t('admin.stationCodeLabel')}
        value={stationCode}
        placeholder={t('admin.stationCodePlaceholder')}
        error={fieldError}
        maxLength={32}
        onChange={setStationCode}
        onConfirm={() => void load()}
      />
      <ActionButton id="admin-officers-load-button" kind="secondary" loading={list.status === 'loading'} onClick={() => void load()}>
        {list.status === 'loading' ? t('admin.listing') : t('admin.listOfficers')}
      </ActionButton>
      {notice ? (
        <Notice
          id={notice.kind === 'done' ? 'admin-remove-success' : 'admin-remove-error'}
          kind={notice.kind === 'done' ? 'success' : 'error'}
          text={notice.message}
        />
      ) : null}
      {list.status === 'failed' ? <Notice id="admin-officers-error" kind="error" text={list.message} note={requestNote(list.requestId)} /> : null}
      {list.status === 'ready' ? (
        <View id="admin-officers-list" className="admin-officers">
          <Text className="admin-officers__title">{t('admin.officersOf', { village: list.station.villageName })}</Text>
          {list.officers.length === 0 ? (
            <Text id="admin-officers-empty" className="admin-officers__empty">
              {t('admin.noOfficers')}
            </Text>
          ) : (
            list.officers.map((officer) => (
              <OfficerRow
                key={officer.id}
                officer={officer}
                confirming={confirming === officer.id}
                removing={removing === officer.id}
                onAsk={() => askRemove(officer.id)}
                onCancel={cancelRemove}
                onConfirm={() => void confirmRemove(officer)}
              />
            ))
          )}
        </View>
      ) : null}
    </Panel>
  );
}

function StationsPanel() {
  return (
    <Panel id="admin-stations" title={t('admin.stationsTitle')} intro={t('admin.stationsIntro')}>
      <ActionButton id="admin-stations-link" onClick={() => openPage('adminStation')}>
        {t('admin.stationsEntry')}
      </ActionButton>
    </Panel>
  );
}

function ReconciliationsPanel() {
  return (
    <Panel id="admin-recon" title={t('recon.title')} intro={t('recon.entryIntro')}>
      <ActionButton id="admin-recon-link" onClick={() => openPage('reconciliations')}>
        {t('recon.entry')}
      </ActionButton>
    </Panel>
  );
}

/** Publishing: the review queue, the admin's own items, appointing experts (the pages live in the publish subpackage and here). */
function PublishPanel() {
  return (
    <Panel id="admin-publish" title={t('expert.entryTitle')} intro={t('expert.entryIntro')}>
      <View className="admin-links">
        <ActionButton id="admin-review-link" onClick={() => openPage('publishReview')}>
          {t('expert.reviewEntry')}
        </ActionButton>
        <ActionButton id="admin-my-feeds-link" kind="secondary" onClick={() => openPage('publish')}>
          {t('expert.mineEntry')}
        </ActionButton>
        <ActionButton id="admin-expert-link" kind="secondary" onClick={() => openPage('appointExpert')}>
          {t('expert.appointEntry')}
        </ActionButton>
      </View>
    </Panel>
  );
}

/** Alerts that ask each household for 收到: per station, how many did (the pages live here). */
function AlertsPanel() {
  return (
    <Panel id="admin-alerts" title={t('alerts.entry')} intro={t('alerts.adminEntryIntro')}>
      <ActionButton id="admin-alerts-link" onClick={() => openPage('adminAlerts')}>
        {t('alerts.entry')}
      </ActionButton>
    </Panel>
  );
}

/** 服务督导: the region's services from aggregates, weakest first (the page lives here). */
function SupervisionPanel() {
  return (
    <Panel id="admin-supervision" title={t('supervision.entry')} intro={t('supervision.entryIntro')}>
      <ActionButton id="admin-supervision-link" onClick={() => openPage('supervision')}>
        {t('supervision.entry')}
      </ActionButton>
    </Panel>
  );
}

/** Market prices: a market's reports, to mark an outlier wrong (the page lives here). */
function PricesPanel() {
  return (
    <Panel id="admin-prices" title={t('admin.pricesTitle')} intro={t('admin.pricesIntro')}>
      <ActionButton id="admin-price-reports-link" onClick={() => openPage('priceReports')}>
        {t('admin.pricesEntry')}
      </ActionButton>
    </Panel>
  );
}

function AdminHome({ me }: { me: MeResponse }) {
  const regionName = me.region?.name ?? me.user.regionCode ?? '';
  return (
    <View id="admin-home">
      <PageHero
        eyebrow={{ text: t('role.admin.title') }}
        title={{ id: 'admin-region', text: t('admin.regionLine', { region: regionName }) }}
        lines={[{ id: 'admin-role', text: t(`roleName.${me.user.role}`) }]}
      />
      <StationsPanel />
      <ReconciliationsPanel />
      <PublishPanel />
      <SupervisionPanel />
      <AlertsPanel />
      <PricesPanel />
      <AppointOfficerForm />
      <RemovePanel />
    </View>
  );
}

/** The administrators' back office: the stations of their region and their officers. */
export default function AdminHomePage() {
  useNavTitle(t('role.admin.navTitle'));
  return (
    <View id="admin-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <AdminHome me={me} />}
      </RoleGate>
    </View>
  );
}
