import { Text, View } from '@tarojs/components';
import type { Payment } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import { useResource } from '../../../../hooks/use-resource';
import { useVoidPayment } from '../../../../hooks/use-void-payment';
import { t } from '../../../../i18n/receipt';
import { getStationLedger } from '../../../../services/api';
import { requestNote } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';

export interface VoidPanelProps {
  payment: Payment;
  onVoided: (payment: Payment) => void;
  /** Reads the payment again (after a void that did not answer). */
  onReload: () => void;
}

/**
 * The officer's void of a succeeded payment: a reason, a second tap, the cash back to the villager.
 * Rendered for the station's own officer only; the API refuses everyone else anyway.
 */
export function VoidPanel({ payment, onVoided, onReload }: VoidPanelProps) {
  // The day that holds its entry must still be open: asked from that day's ledger.
  const ledgerDate = payment.ledgerDate ?? payment.businessDate;
  const day = useResource(`${payment.station.id}|${ledgerDate}`, () => getStationLedger(payment.station.id, ledgerDate, { limit: 1 }));
  const form = useVoidPayment(payment.id, onVoided);
  if (day.state.status !== 'ready') return null;
  if (day.state.value.status === 'CLOSED') {
    return (
      <View className="no-print">
        <Panel id="receipt-void-closed">
          <Text className="receipt__note">{t('receipt.voidClosed')}</Text>
        </Panel>
      </View>
    );
  }
  const { state } = form;
  return (
    <View className="no-print">
      <Panel id="receipt-void" title={t('receipt.voidTitle')} intro={t('receipt.voidIntro')}>
        <TextField
          id="receipt-void-reason"
          label={t('receipt.voidReason')}
          value={form.reason}
          placeholder={t('receipt.voidPlaceholder')}
          maxLength={200}
          error={form.error}
          onChange={form.setReason}
        />
        {state.status === 'confirming' || state.status === 'voiding' ? (
          <View className="receipt__actions">
            <ActionButton id="receipt-void-confirm" kind="danger" loading={state.status === 'voiding'} onClick={() => void form.confirm()}>
              {state.status === 'voiding'
                ? t('receipt.voiding') // The change went back at payment time: a void returns the amount paid (the ledger's VOID line is −amountFen).
                : t('receipt.voidConfirm', { amount: formatFen(payment.amountFen) })}
            </ActionButton>
            <ActionButton id="receipt-void-cancel" kind="secondary" disabled={state.status === 'voiding'} onClick={form.cancel}>
              {t('receipt.cancel')}
            </ActionButton>
          </View>
        ) : (
          <ActionButton id="receipt-void-button" kind="secondary" onClick={form.ask}>
            {t('receipt.void')}
          </ActionButton>
        )}
        {state.status === 'failed' ? (
          <>
            <Notice id="receipt-void-error" kind="error" text={state.message} note={requestNote(state.requestId)} />
            <ActionButton id="receipt-void-refresh" kind="secondary" onClick={onReload}>
              {t('receipt.refresh')}
            </ActionButton>
          </>
        ) : null}
      </Panel>
    </View>
  );
}
