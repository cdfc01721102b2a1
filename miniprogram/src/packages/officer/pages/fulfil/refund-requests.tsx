import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { decideRefund, getRefundRequests } from '../../../../services/api-fulfil';
import type { Order } from '../../../../services/api-sell';
import { toApiErrorLike } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';
import { textLength } from '@shared/text-length';

const NOTE_MAX = 200;

/** One request: the buyer's reason; 同意退款 after a confirmation (money moves), or 拒绝 with a note the buyer reads. */
function RefundRequestRow({ order, onDecided }: { order: Order; onDecided: (text: string) => void }) {
  const [refusing, setRefusing] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const total = formatFen(order.totalFen);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(t('fulfil.failed', { reason: errorText(toApiErrorLike(error).code) }));
    } finally {
      setBusy(false);
    }
  };

  const approve = async () => {
    const { confirm } = await Taro.showModal({ title: t('refund.approveTitle'), content: t('refund.approveText', { total }) });
    if (!confirm) return;
    await run(async () => {
      const decided = await decideRefund(order.id, 'approve');
      onDecided(t('refund.approved', { total, status: t(`sell.orderStatus.${decided.status}`) }));
    });
  };

  const refuse = () => {
    const trimmed = note.trim();
    if (textLength(trimmed) < 2 || textLength(trimmed) > NOTE_MAX) return setFailure(t('refund.noteInvalid'));
    return run(async () => {
      await decideRefund(order.id, 'refuse', trimmed);
      onDecided(t('refund.refused'));
    });
  };

  return (
    <View id={`refund-${order.id}`} className="market-card">
      <Text className="market-row__title">
        {t('refund.row', { seller: order.sellerName, total, mode: t(`sell.deliveryMode.${order.delivery.mode}`) })}
      </Text>
      <Text id={`refund-${order.id}-reason`}>{t('refund.reason', { reason: order.refund?.reason ?? '' })}</Text>
      <ActionButton id={`refund-${order.id}-approve`} loading={busy} disabled={busy} onClick={() => void approve()}>
        {t('refund.approve')}
      </ActionButton>
      {refusing ? (
        <View>
          <TextField id={`refund-${order.id}-note`} label={t('refund.note')} value={note} maxLength={NOTE_MAX} onChange={setNote} />
          <ActionButton id={`refund-${order.id}-refuse-submit`} kind="secondary" disabled={busy} onClick={() => void refuse()}>
            {t('refund.refuseSubmit')}
          </ActionButton>
        </View>
      ) : (
        <ActionButton id={`refund-${order.id}-refuse`} kind="secondary" disabled={busy} onClick={() => setRefusing(true)}>
          {t('refund.refuse')}
        </ActionButton>
      )}
      {failure ? <Notice id={`refund-${order.id}-error`} kind="error" text={failure} /> : null}
    </View>
  );
}

/** 退款申请: the station's orders whose buyer asked for a refund before the goods left, each to approve or refuse. */
export function RefundRequests({ stationId, onDecided }: { stationId: string; onDecided: () => void }) {
  const requests = useResource(stationId, getRefundRequests);
  useReloadOnShow(requests.refresh);
  const [done, setDone] = useState<string | null>(null);
  const decided = (text: string) => {
    setDone(text);
    requests.refresh();
    onDecided();
  };
  const { state } = requests;
  return (
    <View id="refund-requests">
      {done ? <Notice id="refund-done" kind="success" text={done} /> : null}
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="refund-loading" kind="loading" title={t('refund.loading')} /> : null}
      {state.status === 'error' ? <StateView id="refund-error" kind="error" title={t('refund.error')} /> : null}
      {state.status === 'ready' && state.value.length === 0 ? <StateView id="refund-empty" kind="empty" title={t('refund.empty')} /> : null}
      {state.status === 'ready' ? state.value.map((order) => <RefundRequestRow key={order.id} order={order} onDecided={decided} />) : null}
    </View>
  );
}
