import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { FeatureCard } from '../../../../components/feature-card';
import { RoleGate } from '../../../../components/role-gate';
import { t } from '../../../../i18n';
import './index.scss';

const FEATURES = ['payments', 'listings', 'trainings', 'notices'] as const;

function OfficerHome({ me }: { me: MeResponse }) {
  const { station } = me;
  return (
    <View id='officer-home' className='officer'>
      <View className='officer__hero'>
        <Text className='officer__title'>{t('role.officer.title')}</Text>
        {station ? (
          <>
            <Text id='officer-station-name' className='officer__station'>
              {t('officer.stationLine', { village: station.villageName })}
            </Text>
            <Text id='officer-station-region' className='officer__meta'>
              {station.regionNames.join(' ')}
            </Text>
            <Text id='officer-station-code' className='officer__meta'>
              {t('officer.stationCode', { code: station.code })}
            </Text>
          </>
        ) : (
          <Text id='officer-station-missing' className='officer__station'>
            {t('officer.stationMissing')}
          </Text>
        )}
      </View>
      <View className='officer__section'>
        <Text className='officer__section-title'>{t('officer.featuresTitle')}</Text>
        <View id='officer-features' className='officer__features'>
          {FEATURES.map((feature) => (
            <FeatureCard
              key={feature}
              id={`officer-feature-${feature}`}
              name={t(`officer.feature.${feature}.name`)}
              description={t(`officer.feature.${feature}.desc`)}
              status={t('officer.comingSoon')}
            />
          ))}
        </View>
        <Text className='officer__note'>{t('officer.colleaguesNote')}</Text>
      </View>
    </View>
  );
}

/** The officer's workspace of their station: its features arrive with the next issues. */
export default function OfficerHomePage() {
  return (
    <View id='officer-page' className='staff-page'>
      <RoleGate roles={['officer']} title='role.officer.title' signInPrompt='role.officer.signIn' deniedText='role.officer.denied'>
        {(me) => <OfficerHome me={me} />}
      </RoleGate>
    </View>
  );
}
