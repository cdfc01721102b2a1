import { isApiError } from './api-client';
import { newIdempotencyKey } from './payment-attempt';

/**
 * One `Idempotency-Key` per order attempt (as services/payment-attempt.ts does for cash): 下单 makes
 * a key for its request; a retry of the SAME request (a lost answer, a network error, a 5xx, 409 still
 * in progress) sends the same key, so the server answers with the one order it made and no stock is
 * held twice. A changed request (other quantities, delivery or address) gets a new key; so does the
 * next order once this one is placed or finally refused.
 */
export interface OrderAttempts {
  keyFor(fingerprint: string): string;
  settle(error?: unknown): void;
}

/** Whether the same attempt may be sent again with its key (the server may have made the order). */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS';
}

export function createOrderAttempts(prefix = 'ord'): OrderAttempts {
  let current: { fingerprint: string; key: string } | undefined;
  return {
    keyFor(fingerprint) {
      if (!current || current.fingerprint !== fingerprint) current = { fingerprint, key: newIdempotencyKey(prefix) };
      return current.key;
    },
    /** After an answer: a success or a final refusal ends the attempt; a retryable failure keeps its key. */
    settle(error) {
      if (error === undefined || !isRetryable(error)) current = undefined;
    },
  };
}
