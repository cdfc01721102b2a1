import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Payment, PaymentCreateRequest } from '@shared/schemas/payments';
import { errorText, t } from '../i18n';
import { createPayment } from '../services/api';
import { supportId, toApiErrorLike } from '../services/errors';
import { attemptFor, isFinalError, newIdempotencyKey, storageAttemptStore, type AttemptStore, type PaymentAttempt } from '../services/payment-attempt';
import { paymentErrorText } from '../services/payment-text';

export type SubmitState =
  | { status: 'idle' }
  /** `waiting`: the server said this attempt is still running (409 IDEMPOTENCY_IN_PROGRESS); asked again. */
  | { status: 'submitting'; waiting: boolean }
  /** A 201: SUCCEEDED, PROCESSING or FAILED; the attempt is over. */
  | { status: 'done'; payment: Payment }
  /** No answer (network, 5xx, still running after the waits): the payment may exist. Retry = same key. */
  | { status: 'uncertain'; message: string; requestId?: string }
  /** A refusal (4xx): no payment exists; the next confirm is a new attempt. */
  | { status: 'failed'; message: string; code: string; requestId?: string };

export interface PaymentSubmitOptions {
  send?: (body: PaymentCreateRequest, idempotencyKey: string) => Promise<Payment>;
  makeKey?: () => string;
  store?: AttemptStore;
  sleep?: (ms: number) => Promise<void>;
  /** How often a 409 IDEMPOTENCY_IN_PROGRESS is asked again, and after how long. */
  inProgressRetries?: number;
  inProgressDelayMs?: number;
  limits?: { perPaymentMaxFen: number; perDayMaxFen: number };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a confirmed payment, safely: one Idempotency-Key per attempt (services/payment-attempt.ts),
 * taps while a send runs are ignored, an unanswered attempt is retried with its own key (`retry`),
 * and "still running" answers are waited out a few times before the officer is asked to retry.
 */
export function usePaymentSubmit(options: PaymentSubmitOptions = {}) {
  const {
    send = createPayment,
    makeKey = newIdempotencyKey,
    sleep = defaultSleep,
    inProgressRetries = 5,
    inProgressDelayMs = 2_000,
    limits,
  } = options;
  const store = useRef<AttemptStore>(options.store ?? storageAttemptStore(Taro));
  const attempt = useRef<PaymentAttempt | null>(null);
  const loaded = useRef(false);
  const inFlight = useRef(false);
  const lastBody = useRef<PaymentCreateRequest | null>(null);
  const mounted = useRef(true);
  const [state, setState] = useState<SubmitState>({ status: 'idle' });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = (next: SubmitState) => {
    if (mounted.current) setState(next);
  };
  const remember = (next: PaymentAttempt | null) => {
    attempt.current = next;
    store.current.save(next);
  };

  const submit = useCallback(
    async (body: PaymentCreateRequest): Promise<Payment | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      if (!loaded.current) {
        loaded.current = true;
        attempt.current = attempt.current ?? store.current.load();
      }
      const current = attemptFor(attempt.current, body, makeKey);
      remember(current);
      lastBody.current = body;
      update({ status: 'submitting', waiting: false });
      try {
        for (let waits = 0; ; waits += 1) {
          try {
            const payment = await send(body, current.key);
            remember(null);
            update({ status: 'done', payment });
            return payment;
          } catch (caught) {
            const error = toApiErrorLike(caught);
            if (error.code === 'IDEMPOTENCY_IN_PROGRESS' && waits < inProgressRetries) {
              update({ status: 'submitting', waiting: true });
              await sleep(inProgressDelayMs);
              continue;
            }
            if (isFinalError(error)) {
              remember(null);
              update({ status: 'failed', message: paymentErrorText(error, limits), code: error.code, requestId: supportId(error) });
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
    [send, makeKey, sleep, inProgressRetries, inProgressDelayMs, limits],
  );

  /** The unanswered attempt again, with its key. */
  const retry = useCallback(() => (lastBody.current ? submit(lastBody.current) : Promise.resolve(undefined)), [submit]);

  /** Back to a blank outcome (a new payment). An unanswered attempt is kept: its key is still open. */
  const reset = useCallback(() => {
    if (!inFlight.current) setState({ status: 'idle' });
  }, []);

  return { state, submit, retry, reset, openKey: attempt.current?.key };
}
