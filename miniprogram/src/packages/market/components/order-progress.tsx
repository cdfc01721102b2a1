import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { errorText, t } from '../../../i18n/market';
import { confirmReceipt, getPickupCode, type PickupCode } from '../../../services/api-fulfil';
import type { Order } from '../../../services/api-market';
import { toApiErrorLike } from '../../../services/errors';
import { formatChinaTime } from '../../../services/format';

/** The steps the server lists for this order's delivery mode (a pickup never shows "shipped"), done ones with when. */
function Steps({ order }: { order: Order }) {
  return (
    <View id="order-steps" className="market-card">
      {(order.steps ?? []).map((step) => (
        <Text key={step.status} id={`order-step-${step.status}`} className={step.done ? '' : 'market-muted'}>
          {step.done ? '● ' : '○ '}
          {t(`market.step.${step.status}`)}
          {step.at ? ` ${formatChinaTime(step.at)}` : ''}
        </Text>
      ))}
    </View>
  );
}

/** The buyer's pickup code and its QR code, read once the order is paid and until it is handed over. */
function PickupCodeCard({ orderId }: { orderId: string }) {
  const [code, setCode] = useState<PickupCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    getPickupCode(orderId).then(
      (answer) => current && setCode(answer),
      (error) => current && setFailure(t('market.pickupCodeError', { reason: errorText(toApiErrorLike(error).code) })),
    );
    return () => {
      current = false;
    };
  }, [orderId]);
  return (
    <View id="order-pickup" className="market-card">
      <Text className="market-row__title">{t('market.pickupCodeTitle')}</Text>
      {code ? (
        <Text id="order-pickup-code" className="market-pickup-code">
          {code.code}
        </Text>
      ) : null}
      {code ? <Image id="order-pickup-qr" src={code.qrImage} mode="aspectFit" style={{ width: '160px', height: '160px' }} /> : null}
      {failure ? <Text id="order-pickup-error">{failure}</Text> : null}
      <Text className="market-muted">{t('market.pickupCodeHint')}</Text>
    </View>
  );
}

/** After payment: the steps, the pickup code (pickup) or the shipment and 确认收货 (shipping). */
export function OrderProgress({ order, onChanged }: { order: Order; onChanged: (order: Order) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const receive = async () => {
    const { confirm } = await Taro.showModal({ title: t('market.confirmReceipt'), content: t('market.confirmReceiptAsk') });
    if (!confirm) return;
    setBusy(true);
    try {
      onChanged(await confirmReceipt(order.id));
    } catch (error) {
      setFailure(t('market.failed', { reason: errorText(toApiErrorLike(error).code) }));
    } finally {
      setBusy(false);
    }
  };
  const awaitingPickup = order.delivery.mode === 'pickup' && (order.status === 'PAID' || order.status === 'READY_FOR_PICKUP');
  return (
    <View id="order-progress">
      <Steps order={order} />
      {awaitingPickup ? <PickupCodeCard orderId={order.id} /> : null}
      {order.shipment ? (
        <Text id="order-shipment" className="market-card">
          {t('market.shipmentLine', { carrier: order.shipment.carrier, trackingNo: order.shipment.trackingNo })}
        </Text>
      ) : null}
      {order.status === 'SHIPPED' && order.yours ? (
        <ActionButton id="order-receive" loading={busy} disabled={busy} onClick={() => void receive()}>
          {t('market.confirmReceipt')}
        </ActionButton>
      ) : null}
      {failure ? <Text id="order-progress-error">{failure}</Text> : null}
    </View>
  );
}
