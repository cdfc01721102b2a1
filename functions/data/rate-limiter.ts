import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../domain/errors';
import { db, tableName } from './client';
import { rateLimitKeys } from './keys';

/** Where the limiter reads the time: Date.now in production; tests pin it (see setRateLimitClockForTests). */
let clock: () => number = Date.now;

/**
 * Tests of a limit through the HTTP handlers fix the time, so a window boundary falling mid-test cannot
 * reset the count (a flaky 200 where a 429 was due); `undefined` restores Date.now.
 */
export function setRateLimitClockForTests(now: (() => number) | undefined): void {
  clock = now ?? Date.now;
}

/**
 * Fixed-window limiter: one atomic ADD per call, so concurrent callers can never all slip under the
 * limit. The window item expires through TTL a window after it closes.
 */
export async function takeRateLimitToken(bucket: string, limit: number, windowSeconds: number, now = clock()): Promise<void> {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: rateLimitKeys.window(bucket, windowStart),
      UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expiresAt), entity = :entity',
      ExpressionAttributeValues: { ':one': 1, ':expiresAt': windowStart + 2 * windowSeconds, ':entity': 'RateWindow' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if (Number(Attributes?.hits ?? 0) > limit) {
    const retryAfter = Math.max(1, windowStart + windowSeconds - Math.floor(now / 1000));
    throw new AppError('RATE_LIMITED', `Too many attempts; try again in ${retryAfter} s`, undefined, retryAfter);
  }
}
