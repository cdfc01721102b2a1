import { useCallback, useEffect, useRef, useState } from 'react';
import type { Payment, PaymentCreateRequest } from '@shared/schemas/payments';
import { errorText, t } from '../i18n/staff';
import { createPayment } from '../services/api';
import { deviceStorage } from '../services/device-storage';
import { supportId, toApiErrorLike } from '../services/errors';
import {
  AttemptStoreError,
  attemptFor,
  isEarlierPayment,
  isFinalError,
  newIdempotencyKey,
  storageAttemptStore,
  type AttemptStore,
  type PaymentAttempt,
} from '../services/payment-attempt';
import { paymentErrorText } from '../services/payment-text';

export type SubmitState =
  | { status: 'idle' }
  /** `waiting`: the server said this attempt is still running (409 IDEMPOTENCY_IN_PROGRESS); asked again. */
  | { status: 'submitting'; waiting: boolean }
  /**
   * A 201: SUCCEEDED, PROCESSING or FAILED; the attempt is over. `earlierAt` (ISO time): the answer
   * is a payment confirmed earlier (a stored attempt checked, or the server replayed a payment made
   * before this attempt started), not a new one: no new cash is due for it.
   */
  | { status: 'done'; payment: Payment; earlierAt?: string }
  /** No answer (network, 5xx, still running after the waits): the payment may exist. Retry = same key. */
  | { status: 'uncertain'; message: string; requestId?: string }
  /** A refusal (4xx): no payment exists; the next confirm is a new attempt. `earlierAt`: of a stored attempt. */
  | { status: 'failed'; message: string; code: string; requestId?: string; earlierAt?: string };

export interface PaymentSubmitOptions {
  /** The signed-in officer: their attempts only are stored, shown and sent again (payment-attempt.ts). */
  userId?: string;
  send?: (body: PaymentCreateRequest, idempotencyKey: string) => Promise<Payment>;
  makeKey?: () => string;
  store?: AttemptStore;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** How often a 409 IDEMPOTENCY_IN_PROGRESS is asked again, and after how long. */
  inProgressRetries?: number;
  inProgressDelayMs?: number;
  limits?: { perPaymentMaxFen: number; perDayMaxFen: number };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A stored attempt this young is asked about as soon as the page opens: the page was reloaded or
 * reopened right after the officer confirmed it (cash in hand), so what became of it is shown at
 * once. An older one waits for the officer's tap (they may have given the cash back meanwhile).
 */
export const RECENT_ATTEMPT_MS = 2 * 60_000;

/** The officer's words for a storage failure. */
function storageErrorText(error: unknown): string {
  const reason = error instanceof AttemptStoreError ? error.reason : String(error);
  if (error instanceof AttemptStoreError && error.operation === 'remove') return t('pay.storageClearFailed', { reason });
  if (error instanceof AttemptStoreError && error.operation === 'load') return t('pay.storageReadFailed', { reason });
  return t('pay.storageFailed', { reason });
}

/**
 * Sends a confirmed payment, safely: one Idempotency-Key per attempt (services/payment-attempt.ts),
 * taps while a send runs are ignored, an unanswered attempt is retried with its own key (`retry`),
 * and "still running" answers are waited out a few times before the officer is asked to retry.
 *
 * An attempt left without an answer by an earlier page (`stored`) is not reused by a new confirm:
 * the page offers `checkStored()` (the same request and key again, to learn what became of it) or
 * `discard()`. While any attempt is without an answer (`locked`), nothing new is sent.
 */
export function usePaymentSubmit(options: PaymentSubmitOptions = {}) {
  const {
    send = createPayment,
    makeKey = newIdempotencyKey,
    sleep = defaultSleep,
    now = Date.now,
    inProgressRetries = 5,
    inProgressDelayMs = 2_000,
    limits,
  } = options;
  const store = useRef<AttemptStore>(options.store ?? storageAttemptStore(deviceStorage, options.userId ?? 'signed-out'));
  // This page session's attempt; a stored one is never put here (see `stored`).
  const attempt = useRef<PaymentAttempt | null>(null);
  // What the device stored from an earlier page, read once; a storage failure is said on the page,
  // never swallowed (see AttemptStoreError).
  const [initial] = useState<{ stored: PaymentAttempt | null; error?: string }>(() => {
    try {
      return { stored: store.current.load() };
    } catch (error) {
      return { stored: null, error: storageErrorText(error) };
    }
  });
  const [storageError, setStorageError] = useState<string | undefined>(initial.error);
  const [stored, setStored] = useState<PaymentAttempt | null>(initial.stored);
  const storedRef = useRef(stored);
  const inFlight = useRef(false);
  const mounted = useRef(true);
  const [state, setState] = useState<SubmitState>({ status: 'idle' });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Helpers on refs and state setters only: stable across renders (useCallback with no inputs).
  const update = useCallback((next: SubmitState) => {
    if (mounted.current) setState(next);
  }, []);
  /** Keeps `next` (null: forgets it) in storage; a failure is shown. False when it could not. */
  const persist = useCallback((next: PaymentAttempt | null): boolean => {
    try {
      store.current.save(next);
      return true;
    } catch (error) {
      if (mounted.current) setStorageError(storageErrorText(error));
      return false;
    }
  }, []);
  const remember = useCallback(
    (next: PaymentAttempt | null) => {
      attempt.current = next;
      persist(next);
    },
    [persist],
  );
  const forgetStored = useCallback(() => {
    storedRef.current = null;
    persist(null);
    if (mounted.current) setStored(null);
  }, [persist]);

  /** Sends `current` until it has an answer or gives up for now; `fromStorage`: a stored attempt checked. */
  const run = useCallback(
    async (current: PaymentAttempt, fromStorage: boolean): Promise<Payment | undefined> => {
      update({ status: 'submitting', waiting: false });
      const storedAt = fromStorage ? new Date(current.startedAt).toISOString() : undefined;
      try {
        for (let waits = 0; ; waits += 1) {
          try {
            const payment = await send(current.body, current.key);
            if (fromStorage) forgetStored();
            else remember(null);
            const earlierAt = storedAt ?? (isEarlierPayment(payment, current) ? payment.createdAt : undefined);
            update(earlierAt ? { status: 'done', payment, earlierAt } : { status: 'done', payment });
            return payment;
          } catch (caught) {
            const error = toApiErrorLike(caught);
            if (error.code === 'IDEMPOTENCY_IN_PROGRESS' && waits < inProgressRetries) {
              update({ status: 'submitting', waiting: true });
              await sleep(inProgressDelayMs);
              continue;
            }
            if (isFinalError(error)) {
              if (fromStorage) forgetStored();
              else remember(null);
              const failed: SubmitState = {
                status: 'failed',
                message: paymentErrorText(error, limits),
                code: error.code,
                requestId: supportId(error),
              };
              update(storedAt ? { ...failed, earlierAt: storedAt } : failed);
            } else {
              update({ status: 'uncertain', message: t('pay.uncertain', { reason: errorText(error.code) }), requestId: supportId(error) });
            }
            return undefined;
          }
        }
      } finally {
        inFlight.current = false;
      }
    },
    [send, sleep, inProgressRetries, inProgressDelayMs, limits, update, remember, forgetStored],
  );

  /** A confirmed form: the open attempt of this page when it is the same request, else a new one. */
  const submit = useCallback(
    async (body: PaymentCreateRequest): Promise<Payment | undefined> => {
      // A stored attempt without an answer comes first: checked or discarded, never reused.
      if (inFlight.current || storedRef.current) return undefined;
      inFlight.current = true;
      const current = attemptFor(attempt.current, body, makeKey, now);
      // Stored before it is sent, or not sent at all: an attempt only this page knows of is lost
      // with a reload while its payment may go through.
      if (!persist(current)) {
        inFlight.current = false;
        update({ status: 'failed', code: 'STORAGE_FAILED', message: t('pay.notSentStorage') });
        return undefined;
      }
      attempt.current = current;
      return run(current, false);
    },
    [makeKey, now, run, persist, update],
  );

  /** This page's unanswered attempt again, with its key. */
  const retry = useCallback(() => (attempt.current && !inFlight.current ? submit(attempt.current.body) : Promise.resolve(undefined)), [submit]);

  /** The stored attempt's request again, with its key: the server answers with what became of it. */
  const checkStored = useCallback(async (): Promise<Payment | undefined> => {
    const current = storedRef.current;
    if (!current || inFlight.current) return undefined;
    inFlight.current = true;
    return run(current, true);
  }, [run]);

  // A reload or reopen right after a confirm: what became of it is asked at once (RECENT_ATTEMPT_MS).
  useEffect(() => {
    const current = storedRef.current;
    if (current && now() - current.startedAt < RECENT_ATTEMPT_MS) void checkStored();
    // Once, on opening the page: a later render must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /**
   * Gives up on the attempt without an answer (stored, or this page's), after the officer found it
   * in the pending or today's list, or knows no cash was taken for it.
   */
  const discard = useCallback(() => {
    if (inFlight.current) return;
    if (storedRef.current) forgetStored();
    else remember(null);
    update({ status: 'idle' });
  }, [forgetStored, remember, update]);

  /** Back to a blank outcome (a new payment). An unanswered attempt is kept: its key is still open. */
  const reset = useCallback(() => {
    if (!inFlight.current) setState({ status: 'idle' });
  }, []);

  /** An attempt is without its answer: the bill and the cash must not change, nothing new is sent. */
  const locked = stored !== null || state.status === 'submitting' || state.status === 'uncertain';

  return { state, submit, retry, reset, stored, checkStored, discard, locked, storageError, openKey: attempt.current?.key };
}
