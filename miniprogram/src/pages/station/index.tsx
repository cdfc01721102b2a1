import { useEffect, useMemo } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { InfoList } from '../../components/info-list';
import { ServiceCard } from '../../components/service-card';
import { StateView, type StateAction } from '../../components/state-view';
import { useStation } from '../../hooks/use-station';
import { errorText, t } from '../../i18n';
import type { ApiError } from '../../services/api';
import { stationCodeFromParams } from '../../services/station-code';
import type { StationView } from '../../services/station-view';
import './index.scss';

const goHome = () => void Taro.reLaunch({ url: '/pages/index/index' });

function homeAction(kind: StateAction['kind']): StateAction {
  return { id: 'state-home-button', label: t('state.home'), onClick: goHome, kind };
}

function StationError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.code === 'NOT_FOUND') {
    return (
      <StateView
        id='station-not-found'
        kind='empty'
        title={t('station.notFoundTitle')}
        description={t('station.notFoundHint')}
        actions={[homeAction('primary')]}
      />
    );
  }
  if (error.code === 'VALIDATION_FAILED') {
    return (
      <StateView
        id='station-invalid-code'
        kind='empty'
        title={t('station.invalidCodeTitle')}
        description={t('station.invalidCodeHint')}
        actions={[homeAction('primary')]}
      />
    );
  }
  // Network trouble, rate limits, server errors: worth another try.
  return (
    <StateView
      id='station-error'
      kind='error'
      title={t('station.errorTitle')}
      description={errorText(error.code)}
      note={error.requestId ? t('state.requestId', { id: error.requestId }) : undefined}
      actions={[{ id: 'state-retry-button', label: t('state.retry'), onClick: onRetry }, homeAction('secondary')]}
    />
  );
}

function StationDetails({ view }: { view: StationView }) {
  return (
    <View id='station-details' className='station'>
      <View className='station__hero'>
        <Text id='station-name' className='station__name'>
          {view.title}
        </Text>
        <View className='station__badges'>
          <Text id='station-type' className='station__badge'>
            {view.typeLabel}
          </Text>
          <Text className='station__badge station__badge--light'>{view.kindLabel}</Text>
        </View>
        <Text id='station-code' className='station__code'>
          {t('station.code', { code: view.code })}
        </Text>
      </View>

      <View className='station__section station__section--card'>
        <Text className='station__section-title'>{t('station.locationTitle')}</Text>
        <InfoList
          items={[
            { id: 'station-village', label: t('station.field.village'), value: view.village },
            { id: 'station-official-name', label: t('station.field.officialName'), value: view.officialName },
            { id: 'station-township', label: t('station.field.township'), value: view.township },
            { id: 'station-county', label: t('station.field.county'), value: view.county },
            { id: 'station-prefecture', label: t('station.field.prefecture'), value: view.prefecture },
            { id: 'station-province', label: t('station.field.province'), value: view.province },
          ].filter((item) => item.value !== '')}
        />
      </View>

      <View className='station__section'>
        <Text className='station__section-title'>{t('station.servicesTitle')}</Text>
        <View id='station-services' className='station__services'>
          {view.services.map((service) => (
            <ServiceCard key={service.key} service={service} />
          ))}
        </View>
      </View>

      <View className='station__footer'>
        <Text id='station-home-link' className='station__home-link' onClick={goHome}>
          {t('state.home')}
        </Text>
      </View>
    </View>
  );
}

/** A station's public profile, opened from its QR code (`?scene=<code>`) or the home page. */
export default function StationPage() {
  const { params } = useRouter();
  const code = useMemo(() => stationCodeFromParams(params), [params]);
  const { state, retry } = useStation(code);

  const title = state.status === 'ready' ? state.view.title : undefined;
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);

  if (state.status === 'loading') {
    return <StateView id='station-loading' kind='loading' title={t('station.loading')} />;
  }
  if (state.status === 'error') {
    return <StationError error={state.error} onRetry={retry} />;
  }
  return <StationDetails view={state.view} />;
}
