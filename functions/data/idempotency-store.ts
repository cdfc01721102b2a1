import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { AppError } from '../domain/errors';
import type { IdempotencyStore } from '../domain/idempotency';
import { db, tableName } from './client';
import { idempotencyKeys } from './keys';
import { isConditionFailure } from './transaction-errors';

export interface IdempotencyTimings {
  /** How long a claim is held before another request with the same key may take it over. */
  lockMs: number;
  /** How long a record lives (the table's TTL deletes it; reads ignore it before that). */
  ttlSeconds: number;
  now?: () => number;
}

const DEFAULTS: IdempotencyTimings = { lockMs: 60_000, ttlSeconds: 24 * 3600 };

/**
 * The test stage only (serverless.yml `idempotencyLockMs`): the crash-under-load harness shortens the lock
 * so a retry after it killed the API takes over the dead holder's key in seconds, not a minute.
 */
function testStageLockMs(): Partial<IdempotencyTimings> {
  const ms = Number(process.env.IDEMPOTENCY_LOCK_MS);
  return process.env.STAGE === 'test' && Number.isInteger(ms) && ms > 0 ? { lockMs: ms } : {};
}

export function createIdempotencyStore(timings: Partial<IdempotencyTimings> = {}): IdempotencyStore {
  const { lockMs, ttlSeconds, now = Date.now } = { ...DEFAULTS, ...testStageLockMs(), ...timings };
  return {
    async claim({ callerId, key, requestHash }) {
      const at = now();
      const token = randomBytes(12).toString('hex');
      try {
        //  free                      ──> claim
        //  expired record (TTL lag)  ──> claim
        //  in progress, lock expired, same request ──> take over (the holder died)
        const { Attributes: previous } = await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: {
              ...idempotencyKeys.item(callerId, key),
              entity: 'IdempotencyRecord',
              state: 'IN_PROGRESS',
              requestHash,
              token,
              lockExpiresAt: at + lockMs,
              expiresAt: Math.floor(at / 1000) + ttlSeconds,
            },
            ConditionExpression:
              'attribute_not_exists(PK) OR expiresAt < :nowSeconds OR (#state = :inProgress AND lockExpiresAt < :nowMs AND requestHash = :hash)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':nowSeconds': Math.floor(at / 1000), ':inProgress': 'IN_PROGRESS', ':nowMs': at, ':hash': requestHash },
            ReturnValues: 'ALL_OLD',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        // Replacing a record: the holder died (or its record expired); it may have done part of the work.
        return { kind: 'started', token, resumed: previous !== undefined };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // The SDK hands the conflicting item back in DynamoDB's wire format.
        const raw = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
        const old: Record<string, unknown> = raw ? unmarshall(raw) : {};
        if (old.requestHash !== requestHash) {
          throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key');
        }
        if (old.state === 'COMPLETED') return { kind: 'replay', response: old.response as { status: number; body: unknown } };
        return { kind: 'in_progress' };
      }
    },

    async complete({ callerId, key, token, response }) {
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: idempotencyKeys.item(callerId, key),
            UpdateExpression: 'SET #state = :completed, #response = :response REMOVE lockExpiresAt',
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#token': 'token' },
            ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': response, ':token': token },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async release({ callerId, key, token }) {
      try {
        await db().send(
          new DeleteCommand({
            TableName: tableName(),
            Key: idempotencyKeys.item(callerId, key),
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: { '#token': 'token' },
            ExpressionAttributeValues: { ':token': token },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
