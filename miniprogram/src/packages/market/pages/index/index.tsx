import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useDebounced } from '../../../../hooks/use-debounced';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/market';
import { getCategories, listListings } from '../../../../services/api-market';
import { openPage } from '../../../../services/routes';
import { ListingRow } from '../../components/listing-row';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../market.scss';
import { pageStyle } from '../../../../services/page-style';

/** The whole province (Qinghai's division code): the default region. */
const PROVINCE = '63';
/** The API's region filter: a Qinghai division code of any level. */
const REGION_CODE = /^63(\d{2}|\d{4}|\d{7}|\d{10})?$/;

function Tabs<K extends string>({
  id,
  items,
  selected,
  onSelect,
}: {
  id: string;
  items: Array<{ key: K; name: string }>;
  selected: K;
  onSelect: (key: K) => void;
}) {
  return (
    <ScrollView id={id} className="market-tabs" scrollX enhanced showScrollbar={false}>
      {items.map((item) => (
        <Text
          key={item.key}
          id={`${id}-${item.key}`}
          className={`market-tab${item.key === selected ? ' market-tab--selected' : ''}`}
          onClick={() => onSelect(item.key)}
        >
          {item.name}
        </Text>
      ))}
    </ScrollView>
  );
}

/**
 * 农产品: listings on sale, by category chip and region (the whole province, or the county of the
 * station it was opened from: `?region=`), or by keyword (Chinese or pinyin, sent once typing pauses).
 */
export default function MarketPage() {
  useNavTitle(t('market.navTitle'));
  const { params } = useRouter();
  const here = params.region && REGION_CODE.test(params.region) && params.region !== PROVINCE ? params.region : undefined;
  const [region, setRegion] = useState<string>(here ?? PROVINCE);
  const [category, setCategory] = useState<string>('all');
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 400);
  const categories = useResource('categories', () => getCategories());
  const tabs = [
    { key: 'all', name: t('market.all') },
    ...(categories.state.status === 'ready' ? categories.state.value.items.map((c) => ({ key: c.id, name: c.name })) : []),
  ];
  const { state, loadMore, retry } = usePagedList(`${region}|${category}|${q}`, (_key, cursor) =>
    listListings({ region, category: category === 'all' ? undefined : category, q: q || undefined, cursor }),
  );
  return (
    <View id="market-page" style={pageStyle} className="page">
      <PageHero title={{ text: t('market.title') }} lines={[{ id: 'market-intro', text: t('market.intro') }]} />
      <View className="market-toolbar">
        <Input
          id="market-search"
          className="market-search"
          value={typed}
          placeholder={t('market.searchPlaceholder')}
          maxlength={40}
          confirmType="search"
          onInput={(event) => setTyped(event.detail.value)}
        />
        <Text id="market-cart-link" className="market-link" onClick={() => openPage('cart')}>
          {t('market.cart')}
        </Text>
        <Text id="market-orders-link" className="market-link" onClick={() => openPage('orders')}>
          {t('market.myOrders')}
        </Text>
      </View>
      {here ? (
        <Tabs
          id="market-region"
          items={[
            { key: here, name: t('market.regionHere') },
            { key: PROVINCE, name: t('market.regionProvince') },
          ]}
          selected={region}
          onSelect={setRegion}
        />
      ) : null}
      <Tabs id="market-category" items={tabs} selected={category} onSelect={setCategory} />
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="market-loading" kind="loading" title={t('market.loading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="market-error"
          title={t('market.errorTitle')}
          error={state.error}
          actions={[{ id: 'market-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView
          id="market-empty"
          kind="empty"
          title={t('market.emptyTitle')}
          description={q ? t('market.emptySearch', { q }) : t('market.emptyHint')}
        />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View id="market-list" className="market-list">
          {state.items.map((listing) => (
            <ListingRow key={listing.id} listing={listing} onOpen={() => openPage('listing', { id: listing.id })} />
          ))}
          <LoadMore id="market-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}
