import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../domain/errors';
import { db, tableName } from './client';
import { rateLimitKeys } from './keys';

/**
 * Fixed-window limiter: one atomic ADD per call, so concurrent callers can never all slip under the
 * limit. The window item expires through TTL a window after it closes.
 */
export async function takeRateLimitToken(bucket: string, limit: number, windowSeconds: number, now = Date.now()): Promise<void> {
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
