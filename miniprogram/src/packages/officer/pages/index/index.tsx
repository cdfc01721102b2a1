import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ListCard, ListRow } from '../../../../components/list-row';
import { PageHero, type HeroText } from '../../../../components/page-hero';
import { StageProviderBanner } from '../../../../components/provider-banner';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { Tile, TileGrid } from '../../../../components/tile';
import { t } from '../../../../i18n/staff';
import { openPage } from '../../../../services/routes';
import { OfficerQueuePanel } from '../../../../components/officer-queue-panel';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

/** What an officer does at the station; notices are not open yet. */
const FEATURES = ['payments', 'listings', 'trainings', 'notices'] as const;
const OPEN_FEATURES: ReadonlySet<string> = new Set(['payments', 'listings', 'trainings']);
const FEATURE_PAGES = { payments: 'workbench', listings: 'sellers', trainings: 'trainings' } as const;

function OfficerHome({ me }: { me: MeResponse }) {
  const { station } = me;
  const lines: HeroText[] = station
    ? [
        { id: 'officer-station-region', text: station.regionNames.join(' ') },
        { id: 'officer-station-code', text: t('officer.stationCode', { code: station.code }) },
      ]
    : [];
  return (
    <View id="officer-home">
      <PageHero
        eyebrow={{ text: t('role.officer.title') }}
        title={
          station
            ? { id: 'officer-station-name', text: t('officer.stationLine', { village: station.villageName }) }
            : { id: 'officer-station-missing', text: t('officer.stationMissing') }
        }
        lines={lines}
      />
      {station ? (
        <Section title={t('officer.paymentsTitle')}>
          <StageProviderBanner id="officer-provider" />
          <ListCard>
            <ListRow
              id="officer-payments-link"
              title={t('officer.paymentsEntry')}
              subtitle={t('officer.paymentsDesc')}
              onClick={() => openPage('workbench')}
            />
          </ListCard>
        </Section>
      ) : null}
      {station ? (
        <Section title={t('month.entryTitle')}>
          <ListCard>
            <ListRow id="officer-month-link" title={t('month.entry')} subtitle={t('month.entryDesc')} onClick={() => openPage('serviceMonth')} />
          </ListCard>
        </Section>
      ) : null}
      {station ? (
        <Section title={t('alerts.title')}>
          <ListCard>
            <ListRow id="officer-alerts-link" title={t('alerts.entry')} subtitle={t('alerts.entryDesc')} onClick={() => openPage('officerAlerts')} />
          </ListCard>
        </Section>
      ) : null}
      {station ? (
        <Section title={t('officer.pricesTitle')}>
          <ListCard>
            <ListRow
              id="officer-price-report-link"
              title={t('officer.pricesEntry')}
              subtitle={t('officer.pricesDesc')}
              onClick={() => openPage('reportPrice')}
            />
          </ListCard>
        </Section>
      ) : null}
      {station ? (
        <Section title={t('sell.entryTitle')}>
          <ListCard>
            <ListRow id="officer-sellers-link" title={t('sell.entry')} subtitle={t('sell.entryDesc')} onClick={() => openPage('sellers')} />
            <ListRow
              id="officer-station-listings-link"
              title={t('sell.stationEntry')}
              subtitle={t('sell.stationEntryDesc')}
              onClick={() => openPage('stationListings')}
            />
            <ListRow id="officer-fulfil-link" title={t('fulfil.entry')} subtitle={t('fulfil.entryDesc')} onClick={() => openPage('fulfil')} />
          </ListCard>
        </Section>
      ) : null}
      {station ? (
        <Section title={t('officer.manageTitle')}>
          <ListCard>
            <ListRow
              id="officer-station-edit-link"
              title={t('officer.manageEntry')}
              subtitle={t('officer.manageDesc')}
              onClick={() => openPage('officerStation')}
            />
          </ListCard>
        </Section>
      ) : null}
      <Section title={t('officer.featuresTitle')}>
        <TileGrid id="officer-features">
          {FEATURES.map((feature) => {
            const open = OPEN_FEATURES.has(feature) && Boolean(station);
            return (
              <Tile
                key={feature}
                id={`officer-feature-${feature}`}
                name={t(`officer.feature.${feature}.name`)}
                description={t(`officer.feature.${feature}.desc`)}
                status={open ? t('officer.feature.open') : t('officer.comingSoon')}
                statusTone={open ? 'brand' : 'accent'}
                edge={open ? 'brand' : 'accent'}
                onClick={
                  open && station
                    ? () =>
                        openPage(
                          FEATURE_PAGES[feature as keyof typeof FEATURE_PAGES],
                          // The station's sessions (packages/training) are listed by station.
                          feature === 'trainings' ? { stationId: station.id, name: station.villageName } : undefined,
                        )
                    : undefined
                }
              />
            );
          })}
        </TileGrid>
        <View className="officer-note">{t('officer.colleaguesNote')}</View>
      </Section>
    </View>
  );
}

/** The officer's workspace of their station: its settings and poster, and what comes next. */
export default function OfficerHomePage() {
  useNavTitle(t('role.officer.navTitle'));
  return (
    <View id="officer-page" style={pageStyle} className="page">
      {/* Outside the gate: offline, GET /me fails, and the officer still sees what waits on the phone. */}
      <OfficerQueuePanel />
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <OfficerHome me={me} />}
      </RoleGate>
    </View>
  );
}
