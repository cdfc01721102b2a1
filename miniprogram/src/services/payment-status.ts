import type { BillType, Payment, PaymentStatus } from '@shared/schemas/payments';
import { t } from '../i18n/receipt';

/**
 * A payment's type and status in words, for the villager's own list on "me" (main package) as well
 * as the staff pages. Only main-catalogue strings here: the staff-only wording (limits, day close,
 * ledger) is in payment-text.ts, which the main package does not import.
 */

/** "电费", "话费充值"... */
export const billTypeName = (billType: BillType | string) => t(`billType.${billType as BillType}`);

export const paymentStatusText = (status: PaymentStatus) => t(`paymentStatus.${status}`);

/** The tone of a status pill: done, waiting (for the provider: a payment or a void), refused, undone. */
export function paymentStatusTone(status: PaymentStatus): 'brand' | 'accent' | 'danger' | 'muted' {
  if (status === 'SUCCEEDED') return 'brand';
  if (status === 'PROCESSING' || status === 'VOIDING') return 'accent';
  if (status === 'FAILED') return 'danger';
  return 'muted';
}

/** Whether the provider still owes an answer (a payment, or a void): the receipt offers a refresh. */
export const isAwaitingProvider = (status: PaymentStatus) => status === 'PROCESSING' || status === 'VOIDING';

/** What a payment's outcome means for the officer and the villager, in words (null: nothing to add). */
export function paymentExplanation(payment: Pick<Payment, 'status' | 'failure' | 'voided'>): string | null {
  if (payment.status === 'PROCESSING') return t('payment.processingExplain');
  // The void's reason is recorded once the provider has cancelled (VOIDED); until then the cash stays.
  if (payment.status === 'VOIDING') return t('payment.voidingExplain');
  if (payment.status === 'FAILED') return payment.failure ? t(`paymentFailure.${payment.failure.code}`) : t('paymentStatus.FAILED');
  if (payment.status === 'VOIDED' && payment.voided) return t('payment.voidedExplain', { reason: payment.voided.reason });
  return null;
}
