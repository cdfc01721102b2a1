import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { LoadMore } from '../../../../components/load-more';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/prices';
import {
  listMarketReports,
  listPriceMarkets,
  listPriceProducts,
  markPriceReport,
  type Market,
  type PriceReport,
  type Product,
} from '../../../../services/api-prices';
import { toApiErrorLike } from '../../../../services/errors';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

async function loadChoices(region: string): Promise<{ products: Product[]; markets: Market[] }> {
  const [products, markets] = await Promise.all([listPriceProducts(), listPriceMarkets(region)]);
  return { products: products.items, markets: markets.items };
}

/** One report: date, price, valid or wrong with the last mark; 标为错误 asks for a reason and a confirm first, 撤销 undoes. */
function ReportRow({ report, unitName, onChanged }: { report: PriceReport; unitName: string; onChanged: (report: PriceReport) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const id = `price-report-${report.id}`;
  const wrong = report.status === 'WRONG';
  const lastMark = report.marks[report.marks.length - 1];
  const price = formatFen(report.priceFen);

  const mark = async (toWrong: boolean) => {
    setSending(true);
    setFailure(undefined);
    try {
      const trimmed = reason.trim();
      onChanged(await markPriceReport(report.id, toWrong && trimmed ? { wrong: true, reason: trimmed } : { wrong: toWrong }));
      setConfirming(false);
      setReason('');
    } catch (caught) {
      setFailure(t('prices.admin.failed', { reason: errorText(toApiErrorLike(caught).code) }));
    } finally {
      setSending(false);
    }
  };

  return (
    <View id={id} className="price-row">
      <View className="price-row__head">
        <Text className="price-row__market">{t('prices.admin.row', { date: report.date, price, unit: unitName })}</Text>
        <Pill id={`${id}-status`} tone={wrong ? 'danger' : 'brand'}>
          {wrong ? t('prices.admin.wrong') : t('prices.admin.valid')}
        </Pill>
      </View>
      {lastMark ? (
        <Text className="price-row__date">
          {t('prices.admin.lastMark', {
            at: formatChinaTime(lastMark.at),
            role: t(`roleName.${lastMark.byRole}` as 'roleName.officer'),
            reason: lastMark.reason ? `：${lastMark.reason}` : '',
          })}
        </Text>
      ) : null}
      {failure ? <Notice id={`${id}-failed`} kind="error" text={failure} /> : null}
      {wrong ? (
        <ActionButton id={`${id}-undo`} kind="secondary" size="small" loading={sending} disabled={sending} onClick={() => void mark(false)}>
          {t('prices.admin.undo')}
        </ActionButton>
      ) : confirming ? (
        <View id={`${id}-confirm`}>
          <Text className="price-row__market">{t('prices.admin.confirmTitle')}</Text>
          <Text className="price-row__date">{t('prices.admin.confirmText', { date: report.date, price })}</Text>
          <TextField
            id={`${id}-reason`}
            label={t('prices.admin.reason')}
            placeholder={t('prices.admin.reasonPlaceholder')}
            value={reason}
            maxLength={200}
            onChange={setReason}
          />
          <ActionButton id={`${id}-confirm-button`} kind="danger" loading={sending} disabled={sending} onClick={() => void mark(true)}>
            {t('prices.admin.confirm')}
          </ActionButton>
          <ActionButton id={`${id}-cancel`} kind="secondary" disabled={sending} onClick={() => setConfirming(false)}>
            {t('prices.admin.cancel')}
          </ActionButton>
        </View>
      ) : (
        <ActionButton id={`${id}-mark`} kind="secondary" size="small" onClick={() => setConfirming(true)}>
          {t('prices.admin.markWrong')}
        </ActionButton>
      )}
    </View>
  );
}

function Reports({ market, product }: { market: Market; product: Product }) {
  const { state, loadMore, retry } = usePagedList(`${market.id}|${product.id}`, (_key, cursor) => listMarketReports(market.id, product.id, cursor));
  // Marks answered since the list loaded, shown in place of the listed report.
  const [changed, setChanged] = useState<Record<string, PriceReport>>({});
  if (state.status === 'idle' || state.status === 'loading')
    return <StateView id="price-reports-loading" kind="loading" title={t('prices.admin.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="price-reports-error"
        title={t('prices.admin.loadError')}
        error={state.error}
        actions={[{ id: 'price-reports-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  if (state.items.length === 0) return <StateView id="price-reports-empty" kind="empty" title={t('prices.admin.empty')} />;
  return (
    <View id="price-reports-list">
      {state.items.map((item) => (
        <ReportRow
          key={item.id}
          report={changed[item.id] ?? item}
          unitName={product.unitName}
          onChanged={(report) => setChanged((all) => ({ ...all, [report.id]: report }))}
        />
      ))}
      <LoadMore id="price-reports-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
    </View>
  );
}

function PriceReportsBody({ me }: { me: MeResponse }) {
  const region = me.user.regionCode;
  const { state, retry } = useResource(region, loadChoices);
  const [marketId, setMarketId] = useState<string | undefined>(undefined);
  const [productId, setProductId] = useState<string | undefined>(undefined);
  if (state.status === 'idle' || state.status === 'loading')
    return <StateView id="price-reports-choices-loading" kind="loading" title={t('prices.admin.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="price-reports-choices-error"
        title={t('prices.admin.loadError')}
        error={state.error}
        actions={[{ id: 'price-reports-choices-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  const { products, markets } = state.value;
  if (markets.length === 0) return <StateView id="price-reports-no-markets" kind="empty" title={t('prices.admin.noMarkets')} />;
  const market = markets.find((m) => m.id === marketId) ?? markets[0];
  const product = products.find((p) => p.id === productId) ?? products[0];
  return (
    <View>
      <ChipGroup id="price-reports-markets" label={t('prices.report.market')}>
        {markets.map((m) => (
          <Chip key={m.id} id={`price-reports-market-${m.id}`} label={m.name} selected={m.id === market.id} onClick={() => setMarketId(m.id)} />
        ))}
      </ChipGroup>
      <ChipGroup id="price-reports-products" label={t('prices.report.product')}>
        {products.map((p) => (
          <Chip key={p.id} id={`price-reports-product-${p.id}`} label={p.name} selected={p.id === product?.id} onClick={() => setProductId(p.id)} />
        ))}
      </ChipGroup>
      {product ? <Reports market={market} product={product} /> : null}
    </View>
  );
}

/** A market's price reports for the admins over its region: mark an outlier wrong (it leaves the series) or undo it. */
export default function PriceReportsPage() {
  useNavTitle(t('prices.admin.title'));
  return (
    <View id="price-reports-page" style={pageStyle} className="page">
      <PageHero title={{ text: t('prices.admin.title') }} lines={[{ text: t('prices.admin.intro') }]} />
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <PriceReportsBody me={me} />}
      </RoleGate>
    </View>
  );
}
