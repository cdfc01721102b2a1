import type { PaymentCreateRequest } from '@shared/schemas/payments';

/**
 * One `Idempotency-Key` per payment attempt. An attempt starts when the officer confirms a form;
 * every send of that attempt carries its key: a double tap, a retry after a lost answer or a
 * network error, a retry while the server says the same attempt is still running (409
 * IDEMPOTENCY_IN_PROGRESS). The server then answers each with the one payment it made, so cash is
 * never taken twice for one bill.
 *
 *   confirm ──> [attempt: key K, form F] ──send K──> 201 (any status) / final 4xx ──> finished
 *                     │   ^                                                          │
 *                     │   └── network error, 5xx, 409 IN_PROGRESS: send K again       │
 *                     └── form changed (F' ≠ F): a new attempt, key K'   <────────────┘ next confirm: K'
 */
export interface PaymentAttempt {
  key: string;
  /** The request the key was made for: the server refuses the key with another body (422). */
  fingerprint: string;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh key: "pay-" + time + 20 random characters, inside the contract's 1-64 of [A-Za-z0-9_-].
 * Crypto randomness where the platform has it (H5); the mini-program's JS engine has no
 * synchronous one, where time plus Math.random is unique enough for keys scoped to one officer.
 */
export function newIdempotencyKey(): string {
  const random = new Uint8Array(20);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(random);
  else for (let i = 0; i < random.length; i += 1) random[i] = Math.floor(Math.random() * 256);
  let suffix = '';
  for (const byte of Array.from(random)) suffix += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `pay-${Date.now().toString(36)}-${suffix}`;
}

/** The request as a stable string: the same form gives the same fingerprint, whatever the key order. */
export function paymentFingerprint(body: PaymentCreateRequest): string {
  const fields: Array<keyof PaymentCreateRequest> = [
    'stationId',
    'billType',
    'accountNo',
    'householdId',
    'amountFen',
    'cashReceivedFen',
    'payerPhone',
    'method',
  ];
  return JSON.stringify(fields.map((field) => body[field] ?? null));
}

/**
 * The attempt to send `body` with: the open attempt when it is for the same request, else a new
 * one. `current` is null once the last attempt had its final answer.
 */
export function attemptFor(
  current: PaymentAttempt | null,
  body: PaymentCreateRequest,
  makeKey: () => string = newIdempotencyKey,
): PaymentAttempt {
  const fingerprint = paymentFingerprint(body);
  if (current && current.fingerprint === fingerprint) return current;
  return { key: makeKey(), fingerprint };
}

/**
 * Whether an error is the attempt's final answer (a new confirm starts a new attempt) or leaves it
 * open (the same key must be sent again: the server may have taken the payment, or is taking it).
 * Any 4xx means no payment exists for the key, except 409 IDEMPOTENCY_IN_PROGRESS (still running).
 */
export function isFinalError(error: { status: number; code: string }): boolean {
  if (error.code === 'IDEMPOTENCY_IN_PROGRESS') return false;
  if (error.code === 'NETWORK_ERROR' || error.status === 0) return false;
  if (error.status >= 500) return false;
  // Too many requests: nothing was done; retrying the same attempt later is right.
  if (error.code === 'RATE_LIMITED') return false;
  return error.status >= 400;
}

/**
 * The open attempt is also kept in storage, so an answer lost with the page (the app closed or
 * reloaded while the request ran) is asked for again with the same key when the officer confirms
 * the same payment. Kept a day at most: by then the payment is in the station's lists.
 */
export const OPEN_ATTEMPT_STORAGE_KEY = 'yinong.paymentAttempt';
const OPEN_ATTEMPT_MAX_AGE_MS = 24 * 3600_000;

export interface AttemptStore {
  load(): PaymentAttempt | null;
  save(attempt: PaymentAttempt | null): void;
}

export function storageAttemptStore(storage: {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}, now: () => number = Date.now): AttemptStore {
  return {
    load() {
      try {
        const stored = storage.getStorageSync(OPEN_ATTEMPT_STORAGE_KEY) as Partial<PaymentAttempt & { at: number }> | '';
        if (!stored || typeof stored.key !== 'string' || typeof stored.fingerprint !== 'string' || typeof stored.at !== 'number') return null;
        if (now() - stored.at > OPEN_ATTEMPT_MAX_AGE_MS) return null;
        return { key: stored.key, fingerprint: stored.fingerprint };
      } catch {
        return null;
      }
    },
    save(attempt) {
      try {
        if (attempt) storage.setStorageSync(OPEN_ATTEMPT_STORAGE_KEY, { ...attempt, at: now() });
        else storage.removeStorageSync(OPEN_ATTEMPT_STORAGE_KEY);
      } catch {
        // Storage full or unavailable: the attempt still lives in memory for this page.
      }
    },
  };
}
