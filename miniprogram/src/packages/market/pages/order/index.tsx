import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/market';
import { cancelOrder, confirmStubPayment, getOrder, payOrder, type Order } from '../../../../services/api-market';
import { toApiErrorLike } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';
import { OrderProgress } from '../../components/order-progress';
import { OrderSummary } from '../../components/order-summary';
import { RefundPanel } from '../../components/refund-panel';
import { ServiceRating } from '../../../../components/service-rating';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../market.scss';
import { pageStyle } from '../../../../services/page-style';

/** "mm:ss" left until `until`, ticking each second; null once past. */
function useCountdown(until: string | undefined): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (!until) return null;
  const left = Math.floor((Date.parse(until) - now) / 1000);
  if (left <= 0) return null;
  return `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
}

/**
 * 支付 and 取消 of an unpaid order. Only WeChat Pay's signed notification marks an order paid: after
 * requestPayment the page asks the server again rather than trusting the sheet's "success". On H5 (and
 * the local stub) there is no WeChat sheet: the stub's own sheet stands in, local stages only.
 */
function PendingActions({ order, onChanged, onRecheck }: { order: Order; onChanged: (order: Order) => void; onRecheck: () => void }) {
  const left = useCountdown(order.holdUntil);
  const [busy, setBusy] = useState(false);
  const [stubSheet, setStubSheet] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      const { code } = toApiErrorLike(failure);
      setMessage(t('market.failed', { reason: errorText(code) }));
    } finally {
      setBusy(false);
    }
  };

  const pay = () =>
    run(async () => {
      const params = await payOrder(order.id);
      if (process.env.TARO_ENV === 'weapp') {
        const { timeStamp, nonceStr, signType, paySign } = params;
        await Taro.requestPayment({ timeStamp, nonceStr, package: params.package, signType, paySign });
        setMessage(t('market.payWaiting'));
        onRecheck();
      } else if (params.provider === 'stub') setStubSheet(true);
    });

  const cancel = () =>
    run(async () => {
      const { confirm } = await Taro.showModal({ title: t('market.cancel'), content: t('market.cancelConfirm') });
      if (confirm) onChanged(await cancelOrder(order.id));
    });

  return (
    <View id="order-pending" className="market-card">
      <Text id="order-hold">{left ? t('market.holdLeft', { time: left }) : t('market.holdOver')}</Text>
      {stubSheet ? (
        <View id="order-stub-sheet">
          <Text className="market-row__title">{t('market.stubSheetTitle')}</Text>
          <Text className="market-muted">{t('market.stubSheetHint')}</Text>
          <ActionButton
            id="order-stub-confirm"
            loading={busy}
            disabled={busy}
            onClick={() => void run(async () => onChanged(await confirmStubPayment(order.id)))}
          >
            {t('market.stubConfirm', { amount: formatFen(order.totalFen) })}
          </ActionButton>
        </View>
      ) : (
        <ActionButton id="order-pay" loading={busy} disabled={busy || !left} onClick={() => void pay()}>
          {t('market.pay')}
        </ActionButton>
      )}
      <ActionButton id="order-cancel" kind="secondary" disabled={busy} onClick={() => void cancel()}>
        {t('market.cancel')}
      </ActionButton>
      {message ? <Text id="order-message">{message}</Text> : null}
    </View>
  );
}

/** One order (`?id=`): its status and the server's amounts; 支付 within the 15-minute hold, or 取消订单. */
export default function OrderPage() {
  useNavTitle(t('market.orderNavTitle'));
  const { params } = useRouter();
  const { state, retry, refresh, replace } = useResource(params.id || undefined, getOrder);
  return (
    <View id="order-page" style={pageStyle} className="page">
      {state.status === 'idle' || state.status === 'loading' ? (
        <StateView id="order-loading" kind="loading" title={t('market.orderLoading')} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="order-error"
          title={t('market.orderErrorTitle')}
          error={state.error}
          actions={[{ id: 'order-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' ? (
        <View>
          <OrderSummary order={state.value} />
          <Text id="order-delivery" className="market-card">
            {state.value.delivery.address
              ? t('market.shipTo', {
                  address: `${state.value.delivery.address.name} ${state.value.delivery.address.phoneMasked} ${state.value.delivery.address.county}${state.value.delivery.address.detail}`,
                })
              : t('market.pickupAt')}
          </Text>
          {state.value.status === 'PENDING_PAYMENT' ? <PendingActions order={state.value} onChanged={replace} onRecheck={refresh} /> : null}
          {['PAID', 'READY_FOR_PICKUP', 'HANDED_OVER', 'SHIPPED', 'RECEIVED'].includes(state.value.status) ? (
            <OrderProgress order={state.value} onChanged={replace} />
          ) : null}
          <RefundPanel order={state.value} onChanged={replace} />
          {/* Handed over or shipped: a service of the station its buyer may rate, once. */}
          {state.value.yours && ['HANDED_OVER', 'SHIPPED', 'RECEIVED'].includes(state.value.status) ? (
            <ServiceRating serviceId={`order-${state.value.id}`} />
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
