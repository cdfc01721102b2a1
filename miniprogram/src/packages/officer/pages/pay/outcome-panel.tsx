import { View } from '@tarojs/components';
import type { Payment } from '@shared/schemas/payments';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { t } from '../../../../i18n/staff';
import { paymentExplanation, paymentStatusText } from '../../../../services/payment-text';
import { openPage, replacePage } from '../../../../services/routes';
import { clockOf } from './clock';

/**
 * A payment that did not succeed at once (PROCESSING, FAILED), or any answer that is a payment
 * confirmed earlier (`earlierAt`): said as such, so the officer takes no new cash for it.
 */
export function OutcomePanel({ payment, earlierAt, onAnother }: { payment: Payment; earlierAt?: string; onAnother: () => void }) {
  const processing = payment.status === 'PROCESSING';
  const succeeded = payment.status === 'SUCCEEDED';
  const id = succeeded ? 'pay-earlier-succeeded' : processing ? 'pay-processing' : 'pay-declined';
  const title = succeeded ? paymentStatusText('SUCCEEDED') : processing ? t('pay.processingTitle') : t('pay.failedTitle');
  return (
    <Panel id={id} overlap title={title}>
      {earlierAt ? <Notice id="pay-earlier" kind="info" text={t('pay.earlier', { time: clockOf(earlierAt) })} /> : null}
      {succeeded ? null : (
        <Notice id="pay-outcome" kind={processing ? 'info' : 'error'} text={paymentExplanation(payment) ?? paymentStatusText(payment.status)} />
      )}
      <View className="pay-actions">
        <ActionButton id="pay-view-receipt" onClick={() => replacePage('receipt', { id: payment.id })}>
          {t('pay.viewReceipt')}
        </ActionButton>
        <ActionButton id="pay-another" kind="secondary" onClick={onAnother}>
          {t('pay.another')}
        </ActionButton>
      </View>
    </Panel>
  );
}

/** The day was closed: no new payment today. */
export function DayClosedPanel() {
  return (
    <Panel overlap>
      <Notice id="pay-day-closed" kind="error" text={t('pay.error.DAY_CLOSED')} />
      <ActionButton id="pay-back" kind="secondary" onClick={() => openPage('workbench')}>
        {t('pay.backToWorkbench')}
      </ActionButton>
    </Panel>
  );
}
