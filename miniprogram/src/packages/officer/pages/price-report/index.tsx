import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { ListCard, ListRow } from '../../../../components/list-row';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { usePriceReport } from '../../../../hooks/use-price-report';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/prices';
import { getStationById } from '../../../../services/api';
import { listPriceMarkets, listPriceProducts, type Market, type Product } from '../../../../services/api-prices';
import { chinaDate, shiftDate } from '../../../../services/business-date';
import { formatFen, parseYuanToFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';
import { OfficerQueuePanel } from '../../../../components/officer-queue-panel';
import { PRICE_REPORT_MAX_AGE_DAYS } from '@shared/schemas/prices';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

/** What the form offers: active products, and the active markets of the station's prefecture (where the server accepts reports). */
async function loadChoices(stationId: string): Promise<{ products: Product[]; markets: Market[] }> {
  const station = await getStationById(stationId);
  const [products, markets] = await Promise.all([listPriceProducts(), listPriceMarkets(station.villageCode.slice(0, 4))]);
  return { products: products.items.filter((p) => p.active), markets: markets.items.filter((m) => m.active) };
}

function ReportForm({ products, markets }: { products: Product[]; markets: Market[] }) {
  const today = chinaDate();
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const [marketId, setMarketId] = useState(markets[0]?.id ?? '');
  const [date, setDate] = useState(today);
  const [priceText, setPriceText] = useState('');
  const [shownError, setShownError] = useState<string | undefined>(undefined);
  const { state, submit, reset } = usePriceReport();
  const product = products.find((p) => p.id === productId);
  const market = markets.find((m) => m.id === marketId);

  if (state.status === 'done' && product && market) {
    const { report } = state;
    return (
      <Panel id="price-report-done">
        <Notice
          id="price-report-done-notice"
          kind="success"
          text={t('prices.report.done', {
            product: product.name,
            market: market.name,
            date: report.date,
            price: formatFen(report.priceFen),
            unit: product.unitName,
          })}
        />
        <ActionButton id="price-report-series" onClick={() => openPage('priceSeries', { product: report.productId, market: report.marketId })}>
          {t('prices.report.viewSeries')}
        </ActionButton>
        <ActionButton
          id="price-report-another"
          kind="secondary"
          onClick={() => {
            setPriceText('');
            reset();
          }}
        >
          {t('prices.report.another')}
        </ActionButton>
      </Panel>
    );
  }

  const send = () => {
    const parsed = parseYuanToFen(priceText);
    if (!parsed.ok) {
      setShownError(t(`prices.report.error.${parsed.reason}`));
      return;
    }
    if (parsed.fen < 1) {
      setShownError(t('prices.report.error.empty'));
      return;
    }
    setShownError(undefined);
    void submit({ productId, marketId, date, priceFen: parsed.fen });
  };
  const sending = state.status === 'sending';
  return (
    <Panel id="price-report-form">
      <ChipGroup id="price-report-products" label={t('prices.report.product')}>
        {products.map((p) => (
          <Chip
            key={p.id}
            id={`price-report-product-${p.id}`}
            label={p.name}
            selected={p.id === productId}
            disabled={sending}
            onClick={() => setProductId(p.id)}
          />
        ))}
      </ChipGroup>
      <ChipGroup id="price-report-markets" label={t('prices.report.market')}>
        {markets.map((m) => (
          <Chip
            key={m.id}
            id={`price-report-market-${m.id}`}
            label={m.name}
            selected={m.id === marketId}
            disabled={sending}
            onClick={() => setMarketId(m.id)}
          />
        ))}
      </ChipGroup>
      <View className="text-field">
        <Text className="text-field__label">{t('prices.report.date')}</Text>
        <Picker
          mode="date"
          value={date}
          start={shiftDate(today, -(PRICE_REPORT_MAX_AGE_DAYS - 1))}
          end={today}
          onChange={(event) => setDate(String(event.detail.value))}
        >
          <View id="price-report-date" className="text-field__input text-field__picker">
            <Text>{date}</Text>
          </View>
        </Picker>
      </View>
      <TextField
        id="price-report-price"
        label={t('prices.report.price', { unit: product?.unitName ?? '' })}
        value={priceText}
        placeholder={t('prices.report.pricePlaceholder')}
        error={shownError}
        kind="decimal"
        onChange={setPriceText}
        onConfirm={send}
      />
      {state.status === 'queued' ? <Notice id="price-report-queued" kind="info" text={t('prices.report.queued')} /> : null}
      <OfficerQueuePanel />
      {state.status === 'failed' ? (
        <Notice
          id="price-report-failed"
          kind="error"
          text={t('prices.report.failed', { reason: errorText(state.error.code) })}
          note={state.retryable ? t('prices.report.retryHint') : undefined}
        />
      ) : null}
      <ActionButton id="price-report-submit" loading={sending} disabled={sending || !product || !market} onClick={send}>
        {sending ? t('prices.report.sending') : state.status === 'failed' && state.retryable ? t('prices.report.retry') : t('prices.report.submit')}
      </ActionButton>
    </Panel>
  );
}

function PriceReportBody({ me }: { me: MeResponse }) {
  const stationId = me.station?.id;
  const { state, retry } = useResource(stationId, loadChoices);
  if (!stationId) return <StateView id="price-report-no-station" kind="empty" title={t('prices.report.noStation')} />;
  if (state.status === 'idle' || state.status === 'loading')
    return <StateView id="price-report-loading" kind="loading" title={t('prices.report.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="price-report-error"
        title={t('prices.report.loadError')}
        error={state.error}
        actions={[{ id: 'price-report-retry-load', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  if (state.value.markets.length === 0) return <StateView id="price-report-no-markets" kind="empty" title={t('prices.report.noMarkets')} />;
  return (
    <>
      <ReportForm products={state.value.products} markets={state.value.markets} />
      <ListCard>
        <ListRow id="price-report-overview" title={t('prices.navTitle')} onClick={() => openPage('prices')} />
      </ListCard>
    </>
  );
}

/** 报价格: the officer reports a price seen today (or in the last 30 days) at a market of their prefecture. */
export default function PriceReportPage() {
  useNavTitle(t('prices.report.navTitle'));
  return (
    <View id="price-report-page" style={pageStyle} className="page">
      <PageHero title={{ text: t('prices.report.title') }} lines={[{ text: t('prices.report.intro') }]} />
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <PriceReportBody me={me} />}
      </RoleGate>
    </View>
  );
}
