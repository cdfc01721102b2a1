import { AppError } from '../domain/errors';

type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string }> };

/**
 * Tells a transaction that failed one of our conditions (the caller's "no") from one that
 * collided with another transaction on the same items (retryable: 409 CONFLICT, never a 500).
 * Returns true for a condition failure; throws for a collision; false for anything else.
 */
export function isConditionFailure(error: unknown): boolean {
  if ((error as Error)?.name === 'ConditionalCheckFailedException') return true;
  if ((error as Error)?.name !== 'TransactionCanceledException') return false;
  const reasons = (error as Cancelled).CancellationReasons ?? [];
  // A throttled transaction is the table being busy, not an answer: 503 with a retry hint.
  if (reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) {
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'The database is busy; retry shortly', undefined, 2);
  }
  if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) return true;
  if (reasons.some((r) => r.Code === 'TransactionConflict')) {
    throw new AppError('CONFLICT', 'Someone else is changing the same record; try again');
  }
  return false;
}
