import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ListCard, ListRow } from '../../../../components/list-row';
import { PageHero, type HeroText } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { Tile, TileGrid } from '../../../../components/tile';
import { t } from '../../../../i18n';
import { openPage } from '../../../../services/routes';
import './index.scss';

const FEATURES = ['payments', 'listings', 'trainings', 'notices'] as const;

function OfficerHome({ me }: { me: MeResponse }) {
  const { station } = me;
  const lines: HeroText[] = station
    ? [
        { id: 'officer-station-region', text: station.regionNames.join(' ') },
        { id: 'officer-station-code', text: t('officer.stationCode', { code: station.code }) },
      ]
    : [];
  return (
    <View id='officer-home'>
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
        <Section title={t('officer.manageTitle')}>
          <ListCard>
            <ListRow
              id='officer-station-edit-link'
              title={t('officer.manageEntry')}
              subtitle={t('officer.manageDesc')}
              onClick={() => openPage('officerStation')}
            />
          </ListCard>
        </Section>
      ) : null}
      <Section title={t('officer.featuresTitle')}>
        <TileGrid id='officer-features'>
          {FEATURES.map((feature) => (
            <Tile
              key={feature}
              id={`officer-feature-${feature}`}
              name={t(`officer.feature.${feature}.name`)}
              description={t(`officer.feature.${feature}.desc`)}
              status={t('officer.comingSoon')}
              statusTone='accent'
              edge='accent'
            />
          ))}
        </TileGrid>
        <View className='officer-note'>{t('officer.colleaguesNote')}</View>
      </Section>
    </View>
  );
}

/** The officer's workspace of their station: its settings and poster, and what comes next. */
export default function OfficerHomePage() {
  return (
    <View id='officer-page' className='page'>
      <RoleGate roles={['officer']} title='role.officer.title' signInPrompt='role.officer.signIn' deniedText='role.officer.denied'>
        {(me) => <OfficerHome me={me} />}
      </RoleGate>
    </View>
  );
}
