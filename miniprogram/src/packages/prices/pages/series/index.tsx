import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Chip, ChipGroup } from '../../../../components/chip';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/prices';
import { getPriceSeries, listPriceMarkets, listPriceProducts, type PriceSeries } from '../../../../services/api-prices';
import { chinaDate } from '../../../../services/business-date';
import { formatFen } from '../../../../services/money';
import { rangeDates, SERIES_RANGES, seriesPoints, yuanText, type PricePoint, type SeriesRange } from '../../../../services/price-series';
import { openPage } from '../../../../services/routes';
import { ChangeLabel } from '../../components/change-label';
import { PriceChart } from '../../components/price-chart';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../prices.scss';
import { pageStyle } from '../../../../services/page-style';

/** The product's and market's names for the title (the series itself carries only their ids). */
async function loadNames(key: string): Promise<{ product: string; market: string }> {
  const [productId, marketId] = key.split('|');
  const [products, markets] = await Promise.all([listPriceProducts(), listPriceMarkets()]);
  const product = products.items.find((p) => p.id === productId);
  const market = markets.items.find((m) => m.id === marketId);
  return { product: product?.name ?? productId, market: market?.name ?? marketId };
}

function Figures({ series, unitName }: { series: PriceSeries; unitName: string }) {
  const money = (fen: number | null) => (fen === null ? '—' : formatFen(fen));
  return (
    <View id="series-figures">
      <View className="price-figures">
        <View className="price-figure">
          <Text className="price-figure__label">{t('prices.series.latest')}</Text>
          <Text id="series-latest" className="price-figure__value">
            {series.latest ? t('prices.perUnit', { price: formatFen(series.latest.priceFen), unit: unitName }) : '—'}
          </Text>
          {series.latest ? <Text className="price-muted">{t('prices.latestOn', { date: series.latest.date })}</Text> : null}
        </View>
        <View className="price-figure">
          <Text className="price-figure__label">{t('prices.series.min')}</Text>
          <Text id="series-min" className="price-figure__value">
            {money(series.minFen)}
          </Text>
        </View>
        <View className="price-figure">
          <Text className="price-figure__label">{t('prices.series.max')}</Text>
          <Text id="series-max" className="price-figure__value">
            {money(series.maxFen)}
          </Text>
        </View>
      </View>
      <View className="price-row__changes">
        <ChangeLabel id="series-week" label={t('prices.week')} change={series.weekChange} />
        <ChangeLabel id="series-month" label={t('prices.month')} change={series.monthChange} />
      </View>
    </View>
  );
}

/** The same points as rows, newest first: date, price in yuan, how many reports it averages. */
function PriceTable({ points, unitName }: { points: PricePoint[]; unitName: string }) {
  return (
    <View id="series-table" className="price-table">
      <View className="price-table__row price-table__row--head">
        <Text className="price-table__cell">{t('prices.series.date')}</Text>
        <Text className="price-table__cell price-table__cell--num">{t('prices.series.price', { unit: unitName })}</Text>
        <Text className="price-table__cell price-table__cell--num">{t('prices.series.reports')}</Text>
      </View>
      {[...points].reverse().map((point) => (
        <View key={point.date} id={`series-row-${point.date}`} className="price-table__row">
          <Text className="price-table__cell">{point.date}</Text>
          <Text className="price-table__cell price-table__cell--num">{yuanText(point.priceFen)}</Text>
          <Text className="price-table__cell price-table__cell--num">{String(point.reports)}</Text>
        </View>
      ))}
    </View>
  );
}

function Series({ productId, marketId }: { productId: string; marketId: string }) {
  const [range, setRange] = useState<SeriesRange>('quarter');
  const [asTable, setAsTable] = useState(false);
  const { state, retry } = useResource(`${productId}|${marketId}|${range}`, () =>
    getPriceSeries(productId, marketId, rangeDates(range, chinaDate())),
  );
  const series = state.status === 'ready' ? state.value : null;
  const points = useMemo(() => (series ? seriesPoints(series) : []), [series]);
  const unitName = series ? t(`prices.unit.${series.unit}`) : '';
  return (
    <View id="series">
      <ChipGroup id="series-ranges">
        {SERIES_RANGES.map((key) => (
          <Chip key={key} id={`series-range-${key}`} label={t(`prices.series.range.${key}`)} selected={key === range} onClick={() => setRange(key)} />
        ))}
      </ChipGroup>
      {state.status === 'idle' || state.status === 'loading' ? (
        <StateView id="series-loading" kind="loading" title={t('prices.series.loading')} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="series-error"
          title={t('prices.series.errorTitle')}
          error={state.error}
          actions={[{ id: 'series-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {series && points.length === 0 ? (
        <StateView id="series-empty" kind="empty" title={t('prices.series.emptyTitle')} description={t('prices.series.emptyHint')} />
      ) : null}
      {series && points.length > 0 ? (
        <Panel id="series-panel">
          <Figures series={series} unitName={unitName} />
          <Text id="series-points" className="price-muted">
            {t('prices.series.points', { count: points.length })}
          </Text>
          {asTable ? (
            <PriceTable points={points} unitName={unitName} />
          ) : (
            <PriceChart id="series-chart" points={points} label={t('prices.series.chart')} />
          )}
          <Text id="series-toggle" className="price-toggle" onClick={() => setAsTable(!asTable)}>
            {asTable ? t('prices.series.showChart') : t('prices.series.showTable')}
          </Text>
        </Panel>
      ) : null}
    </View>
  );
}

const catalogueId = (value: string | undefined) => (value && /^[0-9a-z-]{1,40}$/.test(value) ? value : undefined);

/**
 * A product's price at one market over time (`?product=&market=`): the latest, min, max and the
 * changes over a week and a month, the chart or a table, and tabs for 1 month, 3 months, 1 year.
 */
export default function PriceSeriesPage() {
  useNavTitle(t('prices.seriesNavTitle'));
  const { params } = useRouter();
  const productId = catalogueId(params.product);
  const marketId = catalogueId(params.market);
  const { state: names } = useResource(productId && marketId ? `${productId}|${marketId}` : undefined, loadNames);
  if (!productId || !marketId) {
    return (
      <View id="series-page" style={pageStyle} className="page">
        <StateView
          id="series-bad-link"
          kind="empty"
          title={t('prices.series.badLink')}
          description={t('prices.series.badLinkHint')}
          actions={[{ id: 'series-to-overview', label: t('prices.series.toOverview'), onClick: () => openPage('prices') }]}
        />
      </View>
    );
  }
  const named = names.status === 'ready' ? names.value : null;
  return (
    <View id="series-page" style={pageStyle} className="page">
      <PageHero title={{ id: 'series-title', text: named ? `${named.product} · ${named.market}` : t('prices.seriesNavTitle') }} />
      <Series productId={productId} marketId={marketId} />
    </View>
  );
}
