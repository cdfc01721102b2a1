import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import type { FeedCategory } from '@shared/schemas/feeds';
import { LoadMore } from '../../../../components/load-more';
import { OfflineAge } from '../../../../components/offline-age';
import { PageHero } from '../../../../components/page-hero';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useFeedCategories } from '../../../../hooks/use-feed-categories';
import { useOfflineFirstPage } from '../../../../hooks/use-offline-first-page';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { t } from '../../../../i18n/feed';
import { listFeeds, type FeedCategoryTab } from '../../../../services/api-feeds';
import { openPage } from '../../../../services/routes';
import { FeedRow } from '../../components/feed-row';
import { SubscribePrompt } from '../../../../components/subscribe-prompt';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../feed.scss';
import { pageStyle } from '../../../../services/page-style';

/** 全部 and a tab per category; the selected one is underlined. */
function CategoryTabs({
  tabs,
  selected,
  onSelect,
}: {
  tabs: FeedCategoryTab[];
  selected: FeedCategory | undefined;
  onSelect: (category: FeedCategory | undefined) => void;
}) {
  const all = [{ key: undefined, name: t('feed.tabAll') }, ...tabs];
  return (
    <ScrollView id="feed-tabs" className="feed-tabs" scrollX enhanced showScrollbar={false}>
      {all.map((tab) => (
        <Text
          key={tab.key ?? 'all'}
          id={`feed-tab-${tab.key ?? 'all'}`}
          className={`feed-tab${tab.key === selected ? ' feed-tab--selected' : ''}`}
          onClick={() => onSelect(tab.key)}
        >
          {tab.name}
        </Text>
      ))}
    </ScrollView>
  );
}

/** Stops the pull-down spinner once the load it started has answered. */
function usePullToRefresh(refresh: () => void, settled: unknown) {
  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    refresh();
  });
  useEffect(() => {
    if (!pulling.current) return;
    pulling.current = false;
    void Taro.stopPullDownRefresh();
  }, [settled]);
}

function Feed({ region, place }: { region: string; place: string | undefined }) {
  const [category, setCategory] = useState<FeedCategory | undefined>(undefined);
  const { tabs, nameOf } = useFeedCategories();
  const load = useCallback((_key: string, cursor: string | undefined) => listFeeds(region, { category, cursor }), [region, category]);
  // The first page of each place and tab is kept on the device: read again without signal, with its age.
  const { fetchPage, cachedAt } = useOfflineFirstPage('feedpage', load);
  const { state, loadMore, retry, refresh } = usePagedList(`${region}|${category ?? ''}`, fetchPage);
  usePullToRefresh(refresh, state);

  return (
    <View id="feed">
      <PageHero title={{ text: t('feed.title') }} lines={[{ id: 'feed-place', text: place ? t('feed.placeLine', { place }) : t('feed.intro') }]} />
      <CategoryTabs tabs={tabs} selected={category} onSelect={setCategory} />
      <SubscribePrompt id="feed-subscribe" />
      {state.status === 'ready' ? <OfflineAge id="feed-offline-age" cachedAt={cachedAt} /> : null}
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="feed-loading" kind="loading" title={t('feed.loading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="feed-error"
          title={t('feed.errorTitle')}
          error={state.error}
          actions={[{ id: 'feed-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView id="feed-empty" kind="empty" title={t('feed.emptyTitle')} description={category ? t('feed.emptyCategory') : t('feed.emptyHint')} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View id="feed-list" className="feed-list">
          {state.items.map((item) => (
            <FeedRow key={item.id} item={item} categoryName={nameOf(item.category)} onOpen={() => openPage('feedItem', { id: item.id })} />
          ))}
          <LoadMore id="feed-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}

/** A page parameter as typed: H5 hands them over still percent-encoded, weapp decoded. */
function decodedParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The information feed of a place (`?region=<village code>`, `name=` its name for the title): what
 * the station's village sees, urgent alerts pinned on top, then newest first, a tab per category.
 */
export default function FeedPage() {
  useNavTitle(t('feed.navTitle'));
  const { params } = useRouter();
  const region = params.region && /^\d{2,12}$/.test(params.region) ? params.region : undefined;
  const place = params.name ? decodedParam(params.name) : undefined;
  return (
    <View id="feed-page" style={pageStyle} className="page">
      {region ? (
        <Feed region={region} place={place} />
      ) : (
        <StateView
          id="feed-no-place"
          kind="empty"
          title={t('feed.noPlaceTitle')}
          description={t('feed.noPlaceHint')}
          actions={[{ id: 'feed-find-station', label: t('feed.findStation'), onClick: () => openPage('search') }]}
        />
      )}
    </View>
  );
}
