import { View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Panel } from '../../../../components/panel';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView, type StateAction } from '../../../../components/state-view';
import { StationList } from '../../../../components/station-list';
import { useNearestStations } from '../../../../hooks/use-nearest-stations';
import { t } from '../../../../i18n/find';
import { openLocationSettings } from '../../../../services/location';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../find.scss';
import { pageStyle } from '../../../../services/page-style';

const otherWays: StateAction[] = [
  { id: 'nearest-browse-button', label: t('find.browseInstead'), onClick: () => openPage('browse') },
  { id: 'nearest-search-button', label: t('find.searchInstead'), kind: 'secondary', onClick: () => openPage('search') },
];

/** Stations nearest first, after the user has read why the position is asked for and agreed. */
export default function NearestPage() {
  useNavTitle(t('find.navNearest'));
  const { state, start } = useNearestStations();
  const retryAction = (label: string): StateAction => ({ id: 'nearest-retry-button', label, kind: 'secondary', onClick: () => void start() });

  let body: JSX.Element;
  if (state.status === 'intro') {
    body = (
      <Panel id="nearest-intro" title={t('nearest.introTitle')} intro={t('nearest.intro')}>
        <ActionButton id="nearest-locate-button" onClick={() => void start()}>
          {t('nearest.locate')}
        </ActionButton>
      </Panel>
    );
  } else if (state.status === 'locating' || state.status === 'loading') {
    body = <StateView id="nearest-loading" kind="loading" title={t(state.status === 'locating' ? 'nearest.locating' : 'nearest.loading')} />;
  } else if (state.status === 'denied') {
    // WeChat asks only once: after a refusal the permission is switched back on in the settings.
    const again: StateAction =
      process.env.TARO_ENV === 'weapp'
        ? {
            id: 'nearest-settings-button',
            label: t('nearest.deniedSettings'),
            kind: 'secondary',
            onClick: () => void openLocationSettings().then((granted) => (granted ? start() : undefined)),
          }
        : retryAction(t('state.retry'));
    body = (
      <StateView
        id="nearest-denied"
        kind="empty"
        title={t('nearest.deniedTitle')}
        description={t('nearest.deniedHint')}
        actions={[...otherWays, again]}
      />
    );
  } else if (state.status === 'unavailable') {
    body = (
      <StateView
        id="nearest-unavailable"
        kind="empty"
        title={t('nearest.unavailableTitle')}
        description={t('nearest.unavailableHint')}
        actions={[retryAction(t('state.retry')), ...otherWays]}
      />
    );
  } else if (state.status === 'error') {
    body = (
      <ErrorStateView
        id="nearest-error"
        title={t('nearest.errorTitle')}
        error={state.error}
        actions={[{ ...retryAction(t('state.retry')), kind: 'primary' }, ...otherWays]}
      />
    );
  } else if (state.stations.length === 0) {
    body = <StateView id="nearest-empty" kind="empty" title={t('nearest.emptyTitle')} description={t('nearest.emptyHint')} actions={otherWays} />;
  } else {
    body = (
      <Section title={t('nearest.resultsTitle', { n: state.stations.length })}>
        <StationList id="nearest-results" idPrefix="nearest-result" stations={state.stations} />
        <View className="find__after-list">
          <ActionButton id="nearest-again-button" kind="secondary" onClick={() => void start()}>
            {t('nearest.again')}
          </ActionButton>
        </View>
      </Section>
    );
  }
  return (
    <View id="nearest-page" style={pageStyle} className="page find">
      {body}
    </View>
  );
}
