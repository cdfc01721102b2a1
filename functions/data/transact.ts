import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string }> };

const ATTEMPTS = 4;

/**
 * A TransactWrite retried (a bounded number of times, with jitter) when it only collided with another
 * transaction on the same item: two officers of one station paying at the same moment both update
 * that day's totals. A condition failure is an answer, never retried; the last collision is thrown
 * for isConditionFailure to turn into a 409.
 */
export async function transactWrite(input: TransactWriteCommandInput): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand(input));
      return;
    } catch (error) {
      const reasons = (error as Cancelled).CancellationReasons ?? [];
      const collidedOnly =
        (error as Error)?.name === 'TransactionCanceledException' &&
        reasons.some((r) => r.Code === 'TransactionConflict') &&
        !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
      if (!collidedOnly || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 15 * attempt + Math.random() * 25 * attempt));
    }
  }
}
