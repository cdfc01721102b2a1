import { useMemo } from 'react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StationProfile } from '@shared/schemas/stations';
import { ActionButton } from '../../components/action-button';
import { ListCard, ListRow } from '../../components/list-row';
import { OfflineAge } from '../../components/offline-age';
import { PageHero, type HeroBadge } from '../../components/page-hero';
import { Section } from '../../components/section';
import { ServiceCard } from '../../components/service-card';
import { ErrorStateView, StateView, type StateAction } from '../../components/state-view';
import { TileGrid } from '../../components/tile';
import { useStation } from '../../hooks/use-station';
import { t } from '../../i18n';
import type { ApiError } from '../../services/api-error';
import { goHome, openMainPage } from '../../services/main-routes';
import { stationCodeFromParams, stationPageUrl } from '../../services/station-code';
import type { StationView } from '../../services/station-view';
import { LatestFeeds } from './latest-feeds';
import { useNavTitle } from '../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../services/page-style';

function homeAction(kind: StateAction['kind']): StateAction {
  return { id: 'state-home-button', label: t('state.home'), onClick: goHome, kind };
}

/**
 * Answers that no retry changes: say what is wrong and lead home. A code from a scan or a link may
 * be a stale QR code; a code typed on the home page (`entry=typed`) is more likely mistyped.
 */
function deadEnd(code: string, typed: boolean) {
  if (code === 'NOT_FOUND')
    return { id: 'station-not-found', title: 'station.notFoundTitle', hint: typed ? 'station.notFoundTypedHint' : 'station.notFoundHint' } as const;
  if (code === 'VALIDATION_FAILED')
    return {
      id: 'station-invalid-code',
      title: 'station.invalidCodeTitle',
      hint: typed ? 'station.invalidCodeTypedHint' : 'station.invalidCodeHint',
    } as const;
  return undefined;
}

function StationError({ error, code, typed, onRetry }: { error: ApiError; code?: string; typed: boolean; onRetry: () => void }) {
  const dead = deadEnd(error.code, typed);
  if (dead) {
    return (
      <StateView id={dead.id} kind="empty" title={t(dead.title)} description={t(dead.hint, { code: code ?? '' })} actions={[homeAction('primary')]} />
    );
  }
  // Network trouble, rate limits, server errors: worth another try.
  return (
    <ErrorStateView
      id="station-error"
      title={t('station.errorTitle')}
      error={error}
      actions={[{ id: 'state-retry-button', label: t('state.retry'), onClick: onRetry }, homeAction('secondary')]}
    />
  );
}

/** The way to the station's details (hours, the officer's phone, capabilities, the map): packages/station, preloaded. */
function AboutLink({ code }: { code: string }) {
  return (
    <View className="station__about">
      <ListCard>
        <ListRow
          id="station-about-link"
          title={t('station.aboutTitle')}
          subtitle={t('station.aboutDesc')}
          onClick={() => openMainPage('stationAbout', { code })}
        />
      </ListCard>
    </View>
  );
}

function StationDetails({ station, view }: { station: StationProfile & { cachedAt?: number }; view: StationView }) {
  const badges: HeroBadge[] = [
    { id: 'station-type', text: view.typeLabel },
    { text: view.kindLabel, tone: 'on-dark-soft' },
  ];
  if (view.openLabel) badges.push({ id: 'station-open-now', text: view.openLabel, tone: view.openState === 'open' ? 'on-dark' : 'on-dark-soft' });
  return (
    <View id="station-details" style={pageStyle} className="page station">
      <PageHero
        title={{ id: 'station-name', text: view.title }}
        badges={badges}
        lines={[{ id: 'station-code', text: t('station.code', { code: view.code }) }]}
      />
      <OfflineAge id="station-offline-age" cachedAt={station.cachedAt} />
      <AboutLink code={station.code} />
      <LatestFeeds villageCode={station.villageCode} villageName={station.villageName} />
      <Section title={t('station.servicesTitle')}>
        <TileGrid id="station-services">
          {view.services.map((service) => (
            <ServiceCard key={service.key} service={service} />
          ))}
        </TileGrid>
        <Text id="station-ask-link" className="station__link" onClick={() => openMainPage('ask')}>
          {t('station.askExpert')}
        </Text>
        {/* 农产品 of the station's county first (a division code's first 6 digits are its county). */}
        <Text id="station-market-link" className="station__link" onClick={() => openMainPage('market', { region: station.villageCode.slice(0, 6) })}>
          {t('station.market')}
        </Text>
        <Text
          id="station-trainings-link"
          className="station__link"
          onClick={() => openMainPage('trainings', { stationId: station.id, name: station.villageName })}
        >
          {t('station.trainings')}
        </Text>
      </Section>
      <View className="station__footer">
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton id="station-share-button" openType="share">
            {t('station.share')}
          </ActionButton>
        ) : null}
        <View className="station__links">
          <Text id="station-find-link" className="station__link" onClick={() => openMainPage('search')}>
            {t('station.findOthers')}
          </Text>
          <Text id="station-prices-link" className="station__link" onClick={() => openMainPage('prices')}>
            {t('station.prices')}
          </Text>
          <Text id="station-home-link" className="station__link" onClick={goHome}>
            {t('state.home')}
          </Text>
        </View>
      </View>
    </View>
  );
}

/**
 * While the station loads: its code (known from the URL) and the shape of the page, so a slow link
 * shows something meaningful at once (H5's index.html shows the same before the app has loaded).
 */
function StationSkeleton({ code }: { code: string }) {
  return (
    <View id="station-loading" style={pageStyle} className="page station station--loading" aria-busy>
      <PageHero title={{ text: '' }} lines={[{ id: 'station-loading-code', text: t('station.code', { code }) }]} />
      <View className="station__skeleton">
        <View className="station__skeleton-bar" />
        <View className="station__skeleton-bar station__skeleton-bar--short" />
      </View>
      <View className="station__skeleton">
        <View className="station__skeleton-bar" />
        <View className="station__skeleton-bar" />
        <View className="station__skeleton-bar station__skeleton-bar--short" />
      </View>
      <Text className="station__skeleton-text">{t('station.loading')}</Text>
    </View>
  );
}

/** A station's public profile, opened from its QR code (`?scene=<code>`), a list or the home page. */
export default function StationPage() {
  const { params } = useRouter();
  const code = useMemo(() => stationCodeFromParams(params), [params]);
  const { state, retry } = useStation(code);

  // The station's name once it is loaded.
  useNavTitle(state.status === 'ready' ? state.view.title : t('station.navTitle'));

  // Shared into a chat, the card opens this station again, like its QR code.
  useShareAppMessage(() => {
    if (state.status !== 'ready') return { title: t('app.name'), path: '/pages/index/index' };
    return { title: t('station.name', { village: state.station.villageName }), path: stationPageUrl(state.station.code) };
  });

  if (state.status === 'loading') {
    return code ? <StationSkeleton code={code} /> : <StateView id="station-loading" kind="loading" title={t('station.loading')} />;
  }
  if (state.status === 'error') {
    return <StationError error={state.error} code={code ?? params.scene} typed={params.entry === 'typed'} onRetry={retry} />;
  }
  return <StationDetails station={state.station} view={state.view} />;
}
