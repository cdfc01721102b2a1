import { useCallback, useState } from 'react';
import type { Reconciliation } from '@shared/schemas/payments';
import { errorText, t } from '../i18n/staff';
import { closeDay } from '../services/api';
import { supportId, toApiErrorLike } from '../services/errors';
import { parseYuanToFen } from '../services/money';
import { yuanErrorText } from '../services/payment-text';

export type CloseState =
  | { status: 'idle' }
  | { status: 'submitting' }
  | { status: 'done'; reconciliation: Reconciliation }
  | { status: 'failed'; message: string; code: string; requestId?: string };

export type DayCloser = (stationId: string, body: { date: string; countedCashFen: number; note?: string }) => Promise<Reconciliation>;

/**
 * The day close form: the cash counted (yuan, turned into fen exactly), the variance against what
 * the ledger expects shown before anything is sent, a note, and `submit()`.
 */
export function useCloseDay(stationId: string, date: string, expectedCashFen: number, close: DayCloser = closeDay) {
  const [countedText, setCountedTextState] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<CloseState>({ status: 'idle' });
  const [error, setError] = useState<string | undefined>();

  const parsed = parseYuanToFen(countedText);
  const countedFen = parsed.ok ? parsed.fen : undefined;
  /** counted − expected: below zero, cash is missing. */
  const varianceFen = countedFen === undefined ? undefined : countedFen - expectedCashFen;

  const setCountedText = useCallback((value: string) => {
    setCountedTextState(value);
    setError(undefined);
  }, []);

  const submit = useCallback(async () => {
    if (!parsed.ok) {
      setError(yuanErrorText(parsed));
      return;
    }
    if (state.status === 'submitting') return;
    setState({ status: 'submitting' });
    try {
      const trimmed = note.trim();
      const reconciliation = await close(stationId, { date, countedCashFen: parsed.fen, ...(trimmed ? { note: trimmed } : {}) });
      setState({ status: 'done', reconciliation });
    } catch (caught) {
      const apiError = toApiErrorLike(caught);
      const message =
        apiError.code === 'CONFLICT' ? t('close.error.CONFLICT') : apiError.code === 'DAY_CLOSED' ? t('close.error.DAY_CLOSED') : errorText(apiError.code);
      setState({ status: 'failed', message, code: apiError.code, requestId: supportId(apiError) });
    }
  }, [parsed, state.status, note, close, stationId, date]);

  return { countedText, setCountedText, note, setNote, countedFen, varianceFen, error, state, submit };
}
