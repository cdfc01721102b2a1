/**
 * Idempotency of money-moving requests (api-contract.md, reliability.md ID1-ID7), as a store the
 * payment and order flows will use:
 *
 *   claim ──> started (we own the key; lock until lockExpiresAt)
 *     │          ├── complete(response) ──> later claims replay the stored response
 *     │          └── release()          ──> the key is free again (we failed before doing anything)
 *     ├── in_progress  (someone holds it: 409 IDEMPOTENCY_IN_PROGRESS)
 *     ├── replay       (done before: same response again)
 *     └── 422 IDEMPOTENCY_KEY_REUSED (same key, different request)
 *
 * A holder that died is taken over once its lock expires (same request only); whole records expire
 * after their TTL.
 *
 * The domain owns the store's interface and the request hash; functions/data/idempotency-store.ts implements
 * the store on DynamoDB, and each handler file hands it to whatever uses it (the money flows' deps, the HTTP
 * pipeline's replays of queueable routes), as the stations domain's repositories are handed over.
 */
import { createHash } from 'node:crypto';
import { AppError } from './errors';

/**
 * A stable hash of the request a key is claimed for: the same body in any key order is the same request
 * (a replay); another body under the same key is a 422 IDEMPOTENCY_KEY_REUSED.
 */
export function requestHashOf(route: string, body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(`${route}\n${JSON.stringify(canonical(body))}`)
    .digest('hex');
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** `resumed`: the key was taken over from a holder that died (or whose record expired): look for its work. */
export type IdempotencyClaim =
  { kind: 'started'; token: string; resumed: boolean } | { kind: 'replay'; response: StoredResponse } | { kind: 'in_progress' };

export interface IdempotencyStore {
  claim(input: { callerId: string; key: string; requestHash: string }): Promise<IdempotencyClaim>;
  /** Stores the response; false when the claim was lost to a takeover meanwhile. */
  complete(input: { callerId: string; key: string; token: string; response: StoredResponse }): Promise<boolean>;
  release(input: { callerId: string; key: string; token: string }): Promise<void>;
}

/**
 * Runs a queueable officer action once per (caller, key): the generic path of the route table's
 * `queueable` routes whose domain does not handle the key itself (the offline queue replays them):
 *
 *   claim ──replay──> the first answer again (status and body)
 *     │   ──held────> 409 IDEMPOTENCY_IN_PROGRESS (the queue retries later)
 *     │   ──other request──> 422 IDEMPOTENCY_KEY_REUSED (nothing run, nothing written)
 *     │ started
 *   run() ──throws──> release (a 4xx wrote nothing: the key is free for a corrected request)
 *     │
 *   complete with the answer
 *
 * Routes on this path have an effect that is once per object by a DynamoDB condition (a household
 * informed once, a person checked in once), so even a takeover after a holder died cannot write twice.
 */
export async function runOnce(
  store: IdempotencyStore,
  claimOf: { callerId: string; key: string; requestHash: string },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const claim = await store.claim(claimOf);
  if (claim.kind === 'replay') return claim.response;
  if (claim.kind === 'in_progress') {
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'This action is still being stored; retry with the same key in a moment', undefined, 1);
  }
  const { callerId, key } = claimOf;
  let response: StoredResponse;
  try {
    response = await run();
  } catch (error) {
    await store.release({ callerId, key, token: claim.token }).catch(() => undefined);
    throw error;
  }
  // A lost completion keeps the key held until its lock expires; the effect's own condition guards the retry.
  await store.complete({ callerId, key, token: claim.token, response }).catch(() => undefined);
  return response;
}
