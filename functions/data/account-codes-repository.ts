/** Account codes a user shows from "me" to be appointed (kept apart from household link codes). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountCodeRepository } from '../domain/accounts/account-code';
import { db, tableName } from './client';
import { accountCodeKeys } from './keys';
import { putOneTimeCode } from './one-time-codes';

export const dynamoAccountCodeRepository: AccountCodeRepository = {
  put: (code, userId, expiresAtMs, nowMs) => putOneTimeCode(accountCodeKeys.item(code), 'AccountCode', userId, expiresAtMs, nowMs),

  async find(code, nowMs) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: accountCodeKeys.item(code), ConsistentRead: true }));
    // DynamoDB's TTL deletes late (DynamoDB Local never): the expiry is checked here.
    if (!Item || Number(Item.expiresAtMs) < nowMs) return null;
    return { userId: String(Item.userId) };
  },
};

/**
 * The code's deletion, as an item of the appointment's transaction: the appointment happens only if
 * the code is still live and still the user's, and uses it up (one appointment per code).
 */
export function spendAccountCode(table: string, code: string, userId: string, nowMs: number) {
  return {
    Delete: {
      TableName: table,
      Key: accountCodeKeys.item(code),
      ConditionExpression: 'userId = :codeUser AND expiresAtMs >= :now',
      ExpressionAttributeValues: { ':codeUser': userId, ':now': nowMs },
    },
  };
}
