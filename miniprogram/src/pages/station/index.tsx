import { useEffect, useMemo } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import type { StationProfile } from '@shared/schemas/stations';
import { ActionButton } from '../../components/action-button';
import { InfoList } from '../../components/info-list';
import { Notice } from '../../components/notice';
import { PageHero, type HeroBadge } from '../../components/page-hero';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/pill';
import { Section } from '../../components/section';
import { ServiceCard } from '../../components/service-card';
import { ErrorStateView, StateView, type StateAction } from '../../components/state-view';
import { StationMap } from '../../components/station-map';
import { TileGrid } from '../../components/tile';
import { useHomeStation } from '../../hooks/use-home-station';
import { useMe, type MeState } from '../../hooks/use-me';
import { useStation } from '../../hooks/use-station';
import { useStationPhone } from '../../hooks/use-station-phone';
import { t } from '../../i18n';
import type { ApiError } from '../../services/api-error';
import { goHome, openPage, openSignIn } from '../../services/routes';
import { stationCodeFromParams, stationPageUrl } from '../../services/station-code';
import type { StationView } from '../../services/station-view';
import { LatestFeeds } from './latest-feeds';
import './index.scss';

function homeAction(kind: StateAction['kind']): StateAction {
  return { id: 'state-home-button', label: t('state.home'), onClick: goHome, kind };
}

/**
 * Answers that no retry changes: say what is wrong and lead home. A code from a scan or a link may
 * be a stale QR code; a code typed on the home page (`entry=typed`) is more likely mistyped.
 */
const DEAD_ENDS = {
  scanned: {
    NOT_FOUND: { id: 'station-not-found', title: 'station.notFoundTitle', hint: 'station.notFoundHint' },
    VALIDATION_FAILED: { id: 'station-invalid-code', title: 'station.invalidCodeTitle', hint: 'station.invalidCodeHint' },
  },
  typed: {
    NOT_FOUND: { id: 'station-not-found', title: 'station.notFoundTitle', hint: 'station.notFoundTypedHint' },
    VALIDATION_FAILED: { id: 'station-invalid-code', title: 'station.invalidCodeTitle', hint: 'station.invalidCodeTypedHint' },
  },
} as const;

function StationError({ error, code, typed, onRetry }: { error: ApiError; code?: string; typed: boolean; onRetry: () => void }) {
  const deadEnds = DEAD_ENDS[typed ? 'typed' : 'scanned'];
  const dead = error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED' ? deadEnds[error.code as keyof typeof deadEnds] : undefined;
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

/** "设为我的站点" for a signed-in villager, or "我的站点" when it is theirs. */
function HomeStationBar({ station, me, onMeChange }: { station: StationProfile; me: MeState; onMeChange: (me: MeResponse) => void }) {
  const { state, set } = useHomeStation(station.id, me, onMeChange);
  if (state.status === 'hidden') return null;
  if (state.status === 'is-home') {
    return (
      <View id="station-home" className="station__home station__home--set">
        <Pill id="station-home-badge" tone="brand">
          {t('station.home.isHome')}
        </Pill>
        {state.justSet ? <Text className="station__home-text">{t('station.home.done')}</Text> : null}
      </View>
    );
  }
  return (
    <View id="station-home" className="station__home">
      <Text className="station__home-text">{t('station.home.intro')}</Text>
      <ActionButton id="station-home-set-button" size="small" loading={state.pending} onClick={() => void set()}>
        {state.pending ? t('station.home.setting') : t('station.home.set')}
      </ActionButton>
      {state.error ? <Notice id="station-home-error" kind="error" text={state.error} /> : null}
    </View>
  );
}

function HoursPanel({ view }: { view: StationView }) {
  return (
    <Panel id="station-hours" title={t('station.hoursTitle')}>
      {view.hours.length === 0 ? (
        <Text id="station-hours-none" className="station__muted">
          {t('station.hoursNone')}
        </Text>
      ) : (
        <View className="station__lines">
          {view.hours.map((line, index) => (
            <Text key={line} id={`station-hours-${index}`} className="station__line">
              {line}
            </Text>
          ))}
          <Text className="station__muted">{t('station.hoursNote')}</Text>
        </View>
      )}
    </Panel>
  );
}

/** The officer and the phone: masked for everyone, the full number on request for signed-in users. */
function ContactPanel({ station, view, me }: { station: StationProfile; view: StationView; me: MeState }) {
  const { state: phone, reveal } = useStationPhone(station.id);
  const signedIn = me.status !== 'signed-out';
  const shownPhone = phone.status === 'revealed' ? phone.phone : view.phoneMasked || t('station.phoneNone');
  return (
    <Panel id="station-contact" title={t('station.contactTitle')}>
      <InfoList
        items={[
          { id: 'station-officer', label: t('station.officer'), value: view.officerName || t('station.officerNone') },
          { id: 'station-phone', label: t('station.phone'), value: shownPhone },
        ]}
      />
      {!view.phoneMasked ? null : !signedIn ? (
        <View className="station__sign-in">
          <Text id="station-phone-sign-in" className="station__muted">
            {t('station.phoneSignIn')}
          </Text>
          <ActionButton id="station-phone-sign-in-button" kind="secondary" size="small" onClick={() => openSignIn(stationPageUrl(station.code))}>
            {t('station.phoneGoSignIn')}
          </ActionButton>
        </View>
      ) : phone.status === 'revealed' ? (
        <ActionButton id="station-call-button" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone.phone }).catch(() => undefined)}>
          {t('station.phoneCall')}
        </ActionButton>
      ) : (
        <ActionButton id="station-phone-reveal-button" kind="secondary" loading={phone.status === 'pending'} onClick={() => void reveal()}>
          {phone.status === 'pending' ? t('station.phoneRevealing') : t('station.phoneReveal')}
        </ActionButton>
      )}
      {phone.status === 'failed' ? <Notice id="station-phone-error" kind="error" text={phone.message} /> : null}
    </Panel>
  );
}

function CapabilitiesPanel({ view }: { view: StationView }) {
  return (
    <Panel id="station-capabilities" title={t('station.capabilitiesTitle')}>
      <View className="station__capabilities">
        {view.capabilities.map((capability) => (
          <View
            key={capability.key}
            id={`capability-${capability.key}`}
            className={`station__capability station__capability--${capability.available ? 'on' : 'off'}`}
          >
            <Text className="station__capability-name">{capability.name}</Text>
            <Pill tone={capability.available ? 'brand' : 'muted'}>{t(capability.available ? 'station.capabilityOn' : 'station.capabilityOff')}</Pill>
          </View>
        ))}
      </View>
    </Panel>
  );
}

function PlacePanel({ view }: { view: StationView }) {
  return (
    <Panel id="station-place" title={t('station.locationTitle')}>
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
      {view.location ? (
        <StationMap location={view.location} name={view.title} address={[view.county, view.township, view.village].join('')} />
      ) : (
        <Text id="station-map-none" className="station__muted">
          {t('station.mapNone')}
        </Text>
      )}
    </Panel>
  );
}

function StationDetails({ station, view }: { station: StationProfile; view: StationView }) {
  // Once for the page: who is signed in decides the home-station bar and the phone button.
  const { state: me, replace } = useMe();
  const badges: HeroBadge[] = [
    { id: 'station-type', text: view.typeLabel },
    { text: view.kindLabel, tone: 'on-dark-soft' },
  ];
  if (view.openLabel) badges.push({ id: 'station-open-now', text: view.openLabel, tone: view.openState === 'open' ? 'on-dark' : 'on-dark-soft' });
  return (
    <View id="station-details" className="page station">
      <PageHero
        title={{ id: 'station-name', text: view.title }}
        badges={badges}
        lines={[{ id: 'station-code', text: t('station.code', { code: view.code }) }]}
      />
      <HomeStationBar station={station} me={me} onMeChange={replace} />
      <LatestFeeds villageCode={station.villageCode} villageName={station.villageName} />
      <HoursPanel view={view} />
      <ContactPanel station={station} view={view} me={me} />
      <Section title={t('station.servicesTitle')}>
        <TileGrid id="station-services">
          {view.services.map((service) => (
            <ServiceCard key={service.key} service={service} />
          ))}
        </TileGrid>
        <Text id="station-ask-link" className="station__link" onClick={() => openPage('ask')}>
          {t('station.askExpert')}
        </Text>
        {/* 农产品 of the station's county first (a division code's first 6 digits are its county). */}
        <Text id="station-market-link" className="station__link" onClick={() => openPage('market', { region: station.villageCode.slice(0, 6) })}>
          {t('station.market')}
        </Text>
      </Section>
      <CapabilitiesPanel view={view} />
      <PlacePanel view={view} />
      <View className="station__footer">
        {process.env.TARO_ENV === 'weapp' ? (
          <ActionButton id="station-share-button" openType="share">
            {t('station.share')}
          </ActionButton>
        ) : null}
        <View className="station__links">
          <Text id="station-find-link" className="station__link" onClick={() => openPage('search')}>
            {t('station.findOthers')}
          </Text>
          <Text id="station-prices-link" className="station__link" onClick={() => openPage('prices')}>
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
    <View id="station-loading" className="page station station--loading" aria-busy>
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

  const title = state.status === 'ready' ? state.view.title : undefined;
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);

  // Shared into a chat, the card opens this station again, like its QR code.
  useShareAppMessage(() => {
    if (state.status !== 'ready') return { title: t('app.name'), path: '/pages/index/index' };
    return { title: t('station.shareTitle', { village: state.station.villageName }), path: stationPageUrl(state.station.code) };
  });

  if (state.status === 'loading') {
    return code ? <StationSkeleton code={code} /> : <StateView id="station-loading" kind="loading" title={t('station.loading')} />;
  }
  if (state.status === 'error') {
    return <StationError error={state.error} code={code ?? params.scene} typed={params.entry === 'typed'} onRetry={retry} />;
  }
  return <StationDetails station={state.station} view={state.view} />;
}
