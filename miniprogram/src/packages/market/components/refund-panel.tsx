import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { TextField } from '../../../components/text-field';
import { errorText, t } from '../../../i18n/market';
import { requestRefund, type Order } from '../../../services/api-market';
import { toApiErrorLike } from '../../../services/errors';
import { formatFen } from '../../../services/money';
import { textLength } from '@shared/text-length';

/** The server's bound on a reason (REFUND_REASON_MAX, shared/schemas/fulfilment.ts), kept here so the package carries no schema code. */
const REFUND_REASON_MAX = 200;
/** Statuses a refund may be asked from: paid, the goods still at the station (the server decides; this only offers the button). */
const REFUNDABLE = ['PAID', 'READY_FOR_PICKUP'];

/** Where the buyer's refund stands (asked, refused with the station's note, approved, refunded). */
function RefundStatus({ order }: { order: Order }) {
  const refund = order.refund;
  if (!refund) return null;
  const line =
    refund.status === 'REFUSED'
      ? t('market.refundStatus.REFUSED', { note: refund.note ?? '' })
      : refund.status === 'REFUNDED'
        ? t('market.refundStatus.REFUNDED', { amount: formatFen(refund.amountFen) })
        : t(`market.refundStatus.${refund.status}`);
  return (
    <Text id="order-refund-status" className="market-card">
      {line}
    </Text>
  );
}

/**
 * 申请退款: the buyer's own paid order, before the goods leave the station, with a reason the station
 * reads. Only the provider's refund notification makes it 已退款: the page shows what the server says.
 */
export function RefundPanel({ order, onChanged }: { order: Order; onChanged: (order: Order) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const trimmed = reason.trim();
  const valid = textLength(trimmed) >= 2 && textLength(trimmed) <= REFUND_REASON_MAX;

  const submit = async () => {
    if (!valid) return setFailure(t('market.refundReasonInvalid'));
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await requestRefund(order.id, trimmed));
      setOpen(false);
      setReason('');
    } catch (error) {
      setFailure(t('market.failed', { reason: errorText(toApiErrorLike(error).code) }));
    } finally {
      setBusy(false);
    }
  };

  const mayAsk = order.yours && REFUNDABLE.includes(order.status);
  return (
    <View id="order-refund">
      <RefundStatus order={order} />
      {mayAsk && !open ? (
        <ActionButton id="order-refund-ask" kind="secondary" onClick={() => setOpen(true)}>
          {t('market.refundAsk')}
        </ActionButton>
      ) : null}
      {mayAsk && open ? (
        <View id="order-refund-form" className="market-card">
          <TextField
            id="order-refund-reason"
            label={t('market.refundReason')}
            hint={t('market.refundReasonHint')}
            value={reason}
            maxLength={REFUND_REASON_MAX}
            onChange={setReason}
          />
          <ActionButton id="order-refund-submit" loading={busy} disabled={busy} onClick={() => void submit()}>
            {t('market.refundSubmit')}
          </ActionButton>
        </View>
      ) : null}
      {failure ? <Text id="order-refund-error">{failure}</Text> : null}
    </View>
  );
}
