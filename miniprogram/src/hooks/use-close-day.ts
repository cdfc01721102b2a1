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
 * the ledger expects shown before anything is sent, a note (required when there is a variance, as
 * the API requires it), then `ask()` opens the confirmation with the figures and `submit()` sends.
 * A close is final: nothing is sent without that second step.
 */
export function useCloseDay(stationId: string, date: string, expectedCashFen: number, close: DayCloser = closeDay) {
  const [countedText, setCountedTextState] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<CloseState>({ status: 'idle' });
  const [error, setError] = useState<string | undefined>();
  const [noteError, setNoteError] = useState<string | undefined>();
  /** The confirmation with the figures is open. */
  const [confirming, setConfirming] = useState(false);

  const parsed = parseYuanToFen(countedText);
  const countedFen = parsed.ok ? parsed.fen : undefined;
  /** counted − expected: below zero, cash is missing. */
  const varianceFen = countedFen === undefined ? undefined : countedFen - expectedCashFen;

  const setCountedText = useCallback((value: string) => {
    setCountedTextState(value);
    setError(undefined);
    setNoteError(undefined);
  }, []);
  const setNoteText = useCallback((value: string) => {
    setNote(value);
    setNoteError(undefined);
  }, []);

  /** Checks the form; when it is complete, opens the confirmation. */
  const ask = useCallback(() => {
    if (!parsed.ok) {
      setError(yuanErrorText(parsed));
      return;
    }
    if (varianceFen !== 0 && !note.trim()) {
      setNoteError(t('close.noteRequired'));
      return;
    }
    setConfirming(true);
  }, [parsed, varianceFen, note]);

  const cancel = useCallback(() => {
    if (state.status !== 'submitting') setConfirming(false);
  }, [state.status]);

  /** Sends the close; only from the confirmation. */
  const submit = useCallback(async () => {
    if (!parsed.ok || !confirming) return;
    if (state.status === 'submitting') return;
    setState({ status: 'submitting' });
    try {
      const trimmed = note.trim();
      const reconciliation = await close(stationId, { date, countedCashFen: parsed.fen, ...(trimmed ? { note: trimmed } : {}) });
      setState({ status: 'done', reconciliation });
    } catch (caught) {
      const apiError = toApiErrorLike(caught);
      const noteRequired = apiError.details.some((detail) => detail.code === 'note_required');
      const message = noteRequired
        ? t('close.noteRequired')
        : apiError.code === 'CONFLICT'
          ? t('close.error.CONFLICT')
          : apiError.code === 'DAY_CLOSED'
            ? t('close.error.DAY_CLOSED')
            : errorText(apiError.code);
      if (noteRequired) setNoteError(message);
      setState({ status: 'failed', message, code: apiError.code, requestId: supportId(apiError) });
    } finally {
      setConfirming(false);
    }
  }, [parsed, confirming, state.status, note, close, stationId, date]);

  return {
    countedText,
    setCountedText,
    note,
    setNote: setNoteText,
    countedFen,
    varianceFen,
    error,
    noteError,
    confirming,
    ask,
    cancel,
    state,
    submit,
  };
}
