import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import type { StationProfile } from '@shared/schemas/stations';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { Pill } from '../../../../components/pill';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { StationMap } from '../../../../components/station-map';
import { useHomeStation } from '../../../../hooks/use-home-station';
import { useMe, type MeState } from '../../../../hooks/use-me';
import { useStation } from '../../../../hooks/use-station';
import { useStationPhone } from '../../../../hooks/use-station-phone';
import { t } from '../../../../i18n/station';
import { goHome, openSignIn, pageUrl } from '../../../../services/routes';
import { toStationDetailsView, type StationDetailsView } from '../../../../services/station-details-view';
import { loadStationDetailsByCode } from '../../../../services/station-prefetch';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

/** "设为我的站点" for a signed-in villager, or "我的站点" when it is theirs. */
function HomeStationBar({ station, me, onMeChange }: { station: StationProfile; me: MeState; onMeChange: (me: MeResponse) => void }) {
  const { state, set } = useHomeStation(station.id, me, onMeChange);
  if (state.status === 'hidden') return null;
  if (state.status === 'is-home') {
    return (
      <View id="station-home" className="about__home about__home--set">
        <Pill id="station-home-badge" tone="brand">
          {t('station.home.isHome')}
        </Pill>
        {state.justSet ? <Text className="about__home-text">{t('station.home.done')}</Text> : null}
      </View>
    );
  }
  return (
    <View id="station-home" className="about__home">
      <Text className="about__home-text">{t('station.home.intro')}</Text>
      <ActionButton id="station-home-set-button" size="small" loading={state.pending} onClick={() => void set()}>
        {state.pending ? t('station.home.setting') : t('station.home.set')}
      </ActionButton>
      {state.error ? <Notice id="station-home-error" kind="error" text={state.error} /> : null}
    </View>
  );
}

function HoursPanel({ details }: { details: StationDetailsView }) {
  return (
    <Panel id="station-hours" title={t('station.hoursTitle')}>
      {details.hours.length === 0 ? (
        <Text id="station-hours-none" className="about__muted">
          {t('station.hoursNone')}
        </Text>
      ) : (
        <View className="about__lines">
          {details.hours.map((line, index) => (
            <Text key={line} id={`station-hours-${index}`} className="about__line">
              {line}
            </Text>
          ))}
          <Text className="about__muted">{t('station.hoursNote')}</Text>
        </View>
      )}
    </Panel>
  );
}

/** The officer and the phone: masked for everyone, the full number on request for signed-in users. */
function ContactPanel({ station, details, me }: { station: StationProfile; details: StationDetailsView; me: MeState }) {
  const { state: phone, reveal } = useStationPhone(station.id);
  const signedIn = me.status !== 'signed-out';
  const shownPhone = phone.status === 'revealed' ? phone.phone : details.phoneMasked || t('station.phoneNone');
  return (
    <Panel id="station-contact" title={t('station.contactTitle')}>
      <InfoList
        items={[
          { id: 'station-officer', label: t('station.officer'), value: details.officerName || t('station.officerNone') },
          { id: 'station-phone', label: t('station.phone'), value: shownPhone },
        ]}
      />
      {!details.phoneMasked ? null : !signedIn ? (
        <View className="about__sign-in">
          <Text id="station-phone-sign-in" className="about__muted">
            {t('station.phoneSignIn')}
          </Text>
          <ActionButton id="station-phone-sign-in-button" kind="secondary" size="small" onClick={() => openSignIn(aboutPageUrl(station.code))}>
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

function CapabilitiesPanel({ details }: { details: StationDetailsView }) {
  return (
    <Panel id="station-capabilities" title={t('station.capabilitiesTitle')}>
      <View className="about__capabilities">
        {details.capabilities.map((capability) => (
          <View
            key={capability.key}
            id={`capability-${capability.key}`}
            className={`about__capability about__capability--${capability.available ? 'on' : 'off'}`}
          >
            <Text className="about__capability-name">{capability.name}</Text>
            <Pill tone={capability.available ? 'brand' : 'muted'}>{t(capability.available ? 'station.capabilityOn' : 'station.capabilityOff')}</Pill>
          </View>
        ))}
      </View>
    </Panel>
  );
}

function PlacePanel({ details, title }: { details: StationDetailsView; title: string }) {
  return (
    <Panel id="station-place" title={t('station.locationTitle')}>
      <InfoList
        items={[
          { id: 'station-village', label: t('station.field.village'), value: details.village },
          { id: 'station-official-name', label: t('station.field.officialName'), value: details.officialName },
          { id: 'station-township', label: t('station.field.township'), value: details.township },
          { id: 'station-county', label: t('station.field.county'), value: details.county },
          { id: 'station-prefecture', label: t('station.field.prefecture'), value: details.prefecture },
          { id: 'station-province', label: t('station.field.province'), value: details.province },
        ].filter((item) => item.value !== '')}
      />
      {details.location ? (
        <StationMap location={details.location} name={title} address={[details.county, details.township, details.village].join('')} />
      ) : (
        <Text id="station-map-none" className="about__muted">
          {t('station.mapNone')}
        </Text>
      )}
    </Panel>
  );
}

/** This page's own address, to come back to after signing in to see the phone. */
const aboutPageUrl = (code: string) => pageUrl('stationAbout', { code });

/**
 * A station's details, one tap from its page (`?code=`): hours, the officer and the phone, what it can
 * do and where it is, and 设为我的站点. The station page has just loaded the station, so this shows at once.
 */
export default function StationAboutPage() {
  const { params } = useRouter();
  const { state, retry } = useStation(params.code, loadStationDetailsByCode);
  // Once for the page: who is signed in decides the home-station bar and the phone button.
  const { state: me, replace } = useMe();
  useNavTitle(state.status === 'ready' ? state.view.title : t('station.aboutNavTitle'));

  if (state.status === 'loading') return <StateView id="station-about-loading" kind="loading" title={t('station.loading')} />;
  if (state.status === 'error') {
    const home = { id: 'state-home-button', label: t('state.home'), onClick: goHome };
    if (state.error.code === 'NOT_FOUND' || state.error.code === 'VALIDATION_FAILED') {
      return <StateView id="station-not-found" kind="empty" title={t('station.notFoundTitle')} actions={[{ ...home, kind: 'primary' }]} />;
    }
    return (
      <ErrorStateView
        id="station-error"
        title={t('station.errorTitle')}
        error={state.error}
        actions={[
          { id: 'state-retry-button', label: t('state.retry'), onClick: retry },
          { ...home, kind: 'secondary' },
        ]}
      />
    );
  }
  const { station, view } = state;
  const details = toStationDetailsView(station);
  return (
    <View id="station-about" style={pageStyle} className="page about">
      <PageHero title={{ id: 'station-name', text: view.title }} lines={[{ id: 'station-code', text: t('station.code', { code: view.code }) }]} />
      <HomeStationBar station={station} me={me} onMeChange={replace} />
      <HoursPanel details={details} />
      <ContactPanel station={station} details={details} me={me} />
      <CapabilitiesPanel details={details} />
      <PlacePanel details={details} title={view.title} />
    </View>
  );
}
