import { isConditionFailure } from '../../../functions/data/transaction-errors';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });

describe('reading a cancelled transaction', () => {
  it('a failed condition is an answer', () => {
    expect(isConditionFailure(cancelled('None', 'ConditionalCheckFailed'))).toBe(true);
    expect(isConditionFailure(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(true);
  });

  it('a collision with another transaction is a 409 to retry', () => {
    expect(() => isConditionFailure(cancelled('None', 'TransactionConflict'))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('a throttled table is a 503 with a retry hint, never a 500 (FA1)', () => {
    for (const code of ['ThrottlingError', 'ProvisionedThroughputExceeded']) {
      expect(() => isConditionFailure(cancelled('None', code))).toThrow(
        expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE', retryAfterSeconds: 2 }),
      );
    }
  });

  it('anything else is not ours to interpret', () => {
    expect(isConditionFailure(new Error('boom'))).toBe(false);
  });
});
