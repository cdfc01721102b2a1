/** @jest-environment jsdom */
import { ApiError } from '../../../miniprogram/src/services/api-error';
import { createOrderAttempts, isRetryable } from '../../../miniprogram/src/services/order-attempt';

const apiError = (status: number, code: string) => new ApiError({ status, code, message: code });

describe('one Idempotency-Key per order attempt', () => {
  it('keeps the key for a retry of the same request after a lost answer, a 5xx or a 409 in progress', () => {
    const attempts = createOrderAttempts();
    const key = attempts.keyFor('cart-a');
    expect(key).toMatch(/^ord[A-Za-z0-9_-]{1,61}$/);
    for (const error of [
      new TypeError('network'),
      apiError(0, 'NETWORK'),
      apiError(503, 'DEPENDENCY_UNAVAILABLE'),
      apiError(409, 'IDEMPOTENCY_IN_PROGRESS'),
    ]) {
      attempts.settle(error);
      expect(attempts.keyFor('cart-a')).toBe(key);
    }
  });

  it('makes a new key for a changed request, after a success and after a final refusal', () => {
    const attempts = createOrderAttempts();
    const first = attempts.keyFor('cart-a');
    const changed = attempts.keyFor('cart-b');
    expect(changed).not.toBe(first);
    attempts.settle();
    const afterSuccess = attempts.keyFor('cart-b');
    expect(afterSuccess).not.toBe(changed);
    attempts.settle(apiError(409, 'OUT_OF_STOCK'));
    expect(attempts.keyFor('cart-b')).not.toBe(afterSuccess);
  });

  it('treats only a lost answer, a 5xx and a request still in progress as retryable', () => {
    expect([apiError(400, 'VALIDATION_FAILED'), apiError(409, 'OUT_OF_STOCK'), apiError(429, 'RATE_LIMITED')].map(isRetryable)).toEqual([
      false,
      false,
      false,
    ]);
    expect([new Error('offline'), apiError(500, 'INTERNAL'), apiError(409, 'IDEMPOTENCY_IN_PROGRESS')].map(isRetryable)).toEqual([true, true, true]);
  });
});
