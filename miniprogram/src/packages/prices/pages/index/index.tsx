import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Chip, ChipGroup } from '../../../../components/chip';
import { PageHero } from '../../../../components/page-hero';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/prices';
import { getMarketPrices, listPriceProducts, type OverviewRow, type Product } from '../../../../services/api-prices';
import { formatFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';
import { ChangeLabel } from '../../components/change-label';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../prices.scss';
import { pageStyle } from '../../../../services/page-style';

const loadProducts = async () => (await listPriceProducts()).items.filter((product) => product.active);

/** One market: its latest price and date, the changes over a week and a month; opens its series. */
function MarketRow({ row, product }: { row: OverviewRow; product: Product }) {
  const id = `price-row-${row.marketId}`;
  return (
    <View id={id} className="price-row" onClick={() => openPage('priceSeries', { product: product.id, market: row.marketId })}>
      <View className="price-row__head">
        <Text className="price-row__market">{row.marketName}</Text>
        <Text id={`${id}-latest`} className="price-row__price">
          {row.latest ? t('prices.perUnit', { price: formatFen(row.latest.priceFen), unit: product.unitName }) : '—'}
        </Text>
      </View>
      <Text className="price-row__date">{row.latest ? t('prices.latestOn', { date: row.latest.date }) : t('prices.noRecent')}</Text>
      {row.latest ? (
        <View className="price-row__changes">
          <ChangeLabel id={`${id}-week`} label={t('prices.week')} change={row.weekChange} />
          <ChangeLabel id={`${id}-month`} label={t('prices.month')} change={row.monthChange} />
        </View>
      ) : null}
    </View>
  );
}

function Overview({ product, region }: { product: Product; region: string | undefined }) {
  const { state, retry } = useResource(`${product.id}|${region ?? ''}`, () => getMarketPrices(product.id, region));
  if (state.status === 'idle' || state.status === 'loading') return <StateView id="prices-loading" kind="loading" title={t('prices.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="prices-error"
        title={t('prices.errorTitle')}
        error={state.error}
        actions={[{ id: 'prices-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  if (state.value.items.length === 0)
    return <StateView id="prices-empty" kind="empty" title={t('prices.emptyTitle')} description={t('prices.emptyHint')} />;
  return (
    <View id="prices-list">
      <Text id="prices-unit" className="price-muted">
        {t('prices.unitLine', { unit: product.unitName })}
      </Text>
      {state.value.items.map((row) => (
        <MarketRow key={row.marketId} row={row} product={product} />
      ))}
    </View>
  );
}

/**
 * 市场行情: a tab per product (`?product=` picks one), and the product's latest price at every market
 * (`?region=` narrows them to a prefecture or county; the whole province by default).
 */
export default function PricesPage() {
  useNavTitle(t('prices.navTitle'));
  const { params } = useRouter();
  const region = params.region && /^\d{2,9}$/.test(params.region) ? params.region : undefined;
  const [chosen, setChosen] = useState<string | undefined>(params.product);
  const { state, retry } = useResource('products', loadProducts);
  const products = state.status === 'ready' ? state.value : [];
  const product = products.find((p) => p.id === chosen) ?? products[0];
  return (
    <View id="prices-page" style={pageStyle} className="page">
      <PageHero title={{ text: t('prices.title') }} lines={[{ text: t('prices.intro') }]} />
      {state.status === 'idle' || state.status === 'loading' ? (
        <StateView id="prices-products-loading" kind="loading" title={t('prices.productsLoading')} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="prices-products-error"
          title={t('prices.productsError')}
          error={state.error}
          actions={[{ id: 'prices-products-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && !product ? <StateView id="prices-products-empty" kind="empty" title={t('prices.productsEmpty')} /> : null}
      {product ? (
        <>
          <View className="prices-tabs">
            <ChipGroup id="prices-products">
              {products.map((p) => (
                <Chip key={p.id} id={`prices-product-${p.id}`} label={p.name} selected={p.id === product.id} onClick={() => setChosen(p.id)} />
              ))}
            </ChipGroup>
          </View>
          <Overview product={product} region={region} />
        </>
      ) : null}
    </View>
  );
}
