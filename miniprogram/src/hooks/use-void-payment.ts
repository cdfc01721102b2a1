import { useCallback, useState } from 'react';
import type { Payment } from '@shared/schemas/payments';
import { errorText, t } from '../i18n/receipt';
import { voidPayment } from '../services/api';
import { supportId, toApiErrorLike } from '../services/errors';
import { textLength } from '@shared/text-length';

export type VoidState =
  | { status: 'idle' }
  /** The reason is written: one more tap confirms (the cash goes back to the villager). */
  | { status: 'confirming' }
  | { status: 'voiding' }
  | { status: 'done' }
  | { status: 'failed'; message: string; requestId?: string };

/** Voiding a succeeded payment: a reason (2-200 characters), a confirm step, then the voided payment. */
export function useVoidPayment(paymentId: string, onVoided: (payment: Payment) => void, send: typeof voidPayment = voidPayment) {
  const [reason, setReasonState] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [state, setState] = useState<VoidState>({ status: 'idle' });

  const setReason = useCallback((value: string) => {
    setReasonState(value);
    setError(undefined);
    setState((now) => (now.status === 'failed' || now.status === 'confirming' ? { status: 'idle' } : now));
  }, []);

  const ask = useCallback(() => {
    const trimmed = reason.trim();
    const length = textLength(trimmed);
    if (length < 2 || length > 200) {
      setError(t('receipt.voidReasonInvalid'));
      return;
    }
    setState({ status: 'confirming' });
  }, [reason]);

  const cancel = useCallback(() => setState({ status: 'idle' }), []);

  const confirm = useCallback(async () => {
    if (state.status === 'voiding') return;
    setState({ status: 'voiding' });
    try {
      const payment = await send(paymentId, reason.trim());
      setState({ status: 'done' });
      onVoided(payment);
    } catch (caught) {
      const apiError = toApiErrorLike(caught);
      setState({ status: 'failed', message: voidErrorText(apiError), requestId: supportId(apiError) });
    }
  }, [state.status, send, paymentId, reason, onVoided]);

  return { reason, setReason, error, state, ask, cancel, confirm };
}

/**
 * A void that did not answer in words. Without an answer (network, 5xx) the void may have reached
 * the provider (the payment is then VOIDING until the settler finishes it): look before returning cash.
 */
export function voidErrorText(apiError: { status: number; code: string }): string {
  if (apiError.code === 'DAY_CLOSED') return t('receipt.error.DAY_CLOSED');
  if (apiError.code === 'CONFLICT') return t('receipt.error.CONFLICT');
  if (apiError.status === 0 || apiError.status >= 500) return t('receipt.error.uncertain', { reason: errorText(apiError.code) });
  return errorText(apiError.code);
}
