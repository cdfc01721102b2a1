/**
 * The write every kind of one-time code shares (household link codes, account codes, seller link codes): a code is
 * taken only when free or expired, so two users never hold the same live code. Each kind keeps its
 * own key space (data/keys.ts).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { isConditionFailure } from './transaction-errors';

/** Stores `code` for `userId` until `expiresAtMs`; false when a live code of that key exists. */
export const putOneTimeCode = (key: Record<string, string>, entity: string, userId: string, expiresAtMs: number, nowMs: number) =>
  putOneTimeCodeOf(key, entity, { userId }, expiresAtMs, nowMs);

/** The same for a code that names another owner (a cooperative seller's link code names the seller). */
export async function putOneTimeCodeOf(
  key: Record<string, string>,
  entity: string,
  owner: Record<string, string>,
  expiresAtMs: number,
  nowMs: number,
): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        // `expiresAt` (seconds) is the table's TTL attribute; reads check `expiresAtMs` (TTL deletes late).
        Item: { ...key, entity, ...owner, expiresAtMs, expiresAt: Math.ceil(expiresAtMs / 1000) },
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAtMs < :now',
        ExpressionAttributeValues: { ':now': nowMs },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
