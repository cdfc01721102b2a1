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
 */
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
