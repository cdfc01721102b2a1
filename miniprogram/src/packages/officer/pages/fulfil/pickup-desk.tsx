import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { TextField } from '../../../../components/text-field';
import { errorText, t } from '../../../../i18n/staff';
import { confirmPickup, lookupPickup, pickupCodeIn } from '../../../../services/api-fulfil';
import type { Order } from '../../../../services/api-sell';
import { toApiErrorLike } from '../../../../services/errors';
import { unitText } from './unit-text';
import { formatFen } from '../../../../services/money';

/**
 * 提货核销: the buyer shows a 6-digit code (or its QR code); the officer types or scans it, sees the
 * order and confirms the handover. The code works once and only at this station: the server says so.
 */
export function PickupDesk({ stationId, onHandedOver }: { stationId: string; onHandedOver: () => void }) {
  const [typed, setTyped] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      setMessage({ kind: 'error', text: t('fulfil.failed', { reason: errorText(toApiErrorLike(failure).code) }) });
    } finally {
      setBusy(false);
    }
  };

  const look = (text: string) => {
    const code = pickupCodeIn(text, stationId);
    setOrder(null);
    if (!code) return setMessage({ kind: 'error', text: t('fulfil.codeInvalid') });
    setTyped(code);
    return run(async () => setOrder(await lookupPickup(stationId, code)));
  };

  const scan = async () => {
    try {
      const result = await Taro.scanCode({ scanType: ['qrCode'] });
      await look(result.result);
    } catch {
      // Cancelled, or no camera: typing the code still works.
    }
  };

  const handOver = () =>
    run(async () => {
      const handed = await confirmPickup(stationId, typed);
      setOrder(null);
      setTyped('');
      setMessage({ kind: 'success', text: t('fulfil.handedOver', { seller: handed.sellerName, total: formatFen(handed.totalFen) }) });
      onHandedOver();
    });

  return (
    <View id="pickup-desk">
      <TextField id="pickup-code" label={t('fulfil.codeLabel')} kind="digits" value={typed} maxLength={6} onChange={setTyped} />
      <ActionButton id="pickup-look" loading={busy} disabled={busy} onClick={() => void look(typed)}>
        {t('fulfil.look')}
      </ActionButton>
      {process.env.TARO_ENV === 'weapp' ? (
        <ActionButton id="pickup-scan" kind="secondary" disabled={busy} onClick={() => void scan()}>
          {t('fulfil.scan')}
        </ActionButton>
      ) : null}
      {order ? (
        <View id="pickup-order">
          <Text id="pickup-order-seller">{t('fulfil.orderOf', { seller: order.sellerName, total: formatFen(order.totalFen) })}</Text>
          {order.lines.map((line) => (
            <Text key={line.listingId}>{t('fulfil.line', { title: line.title, quantity: line.quantity, unit: unitText(line.unit) })}</Text>
          ))}
          <ActionButton id="pickup-confirm" loading={busy} disabled={busy} onClick={() => void handOver()}>
            {t('fulfil.confirmHandover')}
          </ActionButton>
        </View>
      ) : null}
      {message ? <Notice id={`pickup-${message.kind}`} kind={message.kind} text={message.text} /> : null}
    </View>
  );
}
