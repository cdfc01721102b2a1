import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RegionChildrenResponse, RegionSummary } from '@shared/schemas/regions';
import { ListCard, ListRow } from '../../../../components/list-row';
import { Pill } from '../../../../components/pill';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useRegionBrowser } from '../../../../hooks/use-region-children';
import { t } from '../../../../i18n/find';
import { goUpToRegion, openRegion } from '../../../../services/region-navigation';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../find.scss';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

const counts = (region: Pick<RegionSummary, 'stationCount' | 'villageCount'>) =>
  t('browse.counts', { stations: region.stationCount, villages: region.villageCount });

/** Province > … > the parent of the region shown (its name is the title below): each taps back up. */
function Breadcrumbs({ answer }: { answer: RegionChildrenResponse }) {
  const { chain } = answer.region;
  if (chain.length === 0) return null;
  return (
    <View id="browse-breadcrumbs" className="browse__crumbs">
      {chain.map((region) => (
        <View key={region.code} className="browse__crumb-step">
          <Text id={`browse-crumb-${region.code}`} className="browse__crumb" onClick={() => goUpToRegion(region.code, chain)}>
            {region.name}
          </Text>
          <Text className="browse__crumb-sep">›</Text>
        </View>
      ))}
    </View>
  );
}

function ChildRow({ region }: { region: RegionSummary }) {
  if (region.level === 'village') {
    // The station code is the village's 12-digit division code.
    const hasStation = region.stationCount > 0;
    return (
      <ListRow
        id={`browse-region-${region.code}`}
        title={region.name}
        aside={<Pill tone={hasStation ? 'brand' : 'muted'}>{t(hasStation ? 'browse.hasStation' : 'browse.noStation')}</Pill>}
        disabled={!hasStation}
        onClick={() => openPage('station', { scene: region.code })}
      />
    );
  }
  return (
    <ListRow
      id={`browse-region-${region.code}`}
      title={region.name}
      subtitle={counts(region)}
      disabled={region.villageCount === 0}
      onClick={() => openRegion(region.code)}
    />
  );
}

/**
 * Province -> prefecture -> county -> township -> village, with how many villages have a station.
 * One level per page (`?region=<code>`): Back goes up a level, a reload keeps the level.
 */
export default function BrowsePage() {
  useNavTitle(t('find.navBrowse'));
  const { params } = useRouter();
  const { state, retry } = useRegionBrowser(params.region);

  return (
    <View id="browse-page" style={pageStyle} className="page find">
      {state.status === 'ready' ? (
        <>
          <View className="find__head">
            <Breadcrumbs answer={state.value} />
            <Text id="browse-title" className="find__title">
              {state.value.region.name}
            </Text>
            <Text id="browse-summary" className="find__summary">
              {counts(state.value.region)}
            </Text>
          </View>
          <Section title={t(state.value.items[0]?.level === 'village' ? 'browse.villagesTitle' : 'browse.childrenTitle')}>
            {state.value.items.length === 0 ? (
              <StateView id="browse-empty" kind="empty" title={t('browse.empty')} />
            ) : (
              <ListCard id="browse-list">
                {state.value.items.map((region) => (
                  <ChildRow key={region.code} region={region} />
                ))}
              </ListCard>
            )}
          </Section>
        </>
      ) : state.status === 'error' ? (
        <ErrorStateView
          id="browse-error"
          title={t('browse.errorTitle')}
          error={state.error}
          actions={[{ id: 'browse-retry-button', label: t('state.retry'), onClick: retry }]}
        />
      ) : (
        <StateView id="browse-loading" kind="loading" title={t('browse.loading')} />
      )}
    </View>
  );
}
