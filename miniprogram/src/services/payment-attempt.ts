import type { PaymentCreateRequest } from '@shared/schemas/payments';
import { storageFailureReason, type DeviceStorage } from './device-storage';

/**
 * One `Idempotency-Key` per payment attempt. An attempt starts when the officer confirms a form;
 * every send of that attempt in the same page session carries its key: a double tap, a retry after
 * a lost answer or a network error, a retry while the server says the same attempt is still running
 * (409 IDEMPOTENCY_IN_PROGRESS). The server then answers each with the one payment it made, so cash
 * is never taken twice for one bill.
 *
 *   confirm ──> [attempt: key K, request R] ──send K──> 201 (any status) / final 4xx ──> finished
 *                     │   ^                                                      │
 *                     │   └── network error, 5xx, 409 IN_PROGRESS: send K again   │
 *                     │       (the form stays locked until then)                  │
 *                     └── page closed with no answer: stored (before the first send) ──> next open of
 *                         the page says it may be paid and asks the server again (send R with K: at once
 *                         when confirmed moments ago, else on "check the result"), or "discard";
 *                         never reused by a new confirm
 *
 * A stored attempt is never picked up silently by a later confirm of an identical form: the server
 * would replay the earlier payment while the officer takes new cash for a second one.
 */
export interface PaymentAttempt {
  key: string;
  /** The request the key was made for: the server refuses the key with another body (422). */
  fingerprint: string;
  /** The exact request, so a stored attempt can be asked again as it was sent. */
  body: PaymentCreateRequest;
  /** When the officer confirmed it (ms since the epoch, this device's clock). */
  startedAt: number;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh key: "pay-" (or another short prefix) + time + 20 random characters, inside the contract's
 * 1-64 of [A-Za-z0-9_-]. Crypto randomness where the platform has it (H5); the mini-program's JS
 * engine has no synchronous one, where time plus Math.random is unique enough for keys scoped to one officer.
 */
export function newIdempotencyKey(prefix = 'pay'): string {
  const random = new Uint8Array(20);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(random);
  else for (let i = 0; i < random.length; i += 1) random[i] = Math.floor(Math.random() * 256);
  let suffix = '';
  for (const byte of Array.from(random)) suffix += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `${prefix}-${Date.now().toString(36)}-${suffix}`;
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
  now: () => number = Date.now,
): PaymentAttempt {
  const fingerprint = paymentFingerprint(body);
  if (current && current.fingerprint === fingerprint) return current;
  return { key: makeKey(), fingerprint, body, startedAt: now() };
}

/**
 * How far the server's clock may be behind this device's before a payment counts as made before
 * the attempt started. Phones keep network time; a few minutes of drift are tolerated.
 */
export const REPLAY_TOLERANCE_MS = 3 * 60_000;

/**
 * Whether a 201 is the replay of a payment made before this attempt started (its key was sent
 * earlier, by another page or session), rather than the payment the officer just confirmed.
 */
export function isEarlierPayment(payment: { createdAt: string }, attempt: Pick<PaymentAttempt, 'startedAt'>): boolean {
  const created = Date.parse(payment.createdAt);
  return Number.isFinite(created) && created < attempt.startedAt - REPLAY_TOLERANCE_MS;
}

/**
 * Whether an error is the attempt's final answer (a new confirm starts a new attempt) or leaves it
 * open (the same key must be sent again: the server may have taken the payment, or is taking it).
 * Any 4xx means no payment exists for the key, except 409 IDEMPOTENCY_IN_PROGRESS (still running).
 */
export function isFinalError(error: { status: number; code: string }): boolean {
  if (error.code === 'IDEMPOTENCY_IN_PROGRESS') return false;
  if (error.code === 'NETWORK_ERROR' || error.status === 0) return false;
  // The stage has no bill provider: refused before anything was written, and no retry can change it.
  if (error.code === 'PROVIDER_NOT_CONFIGURED') return true;
  if (error.status >= 500) return false;
  // Too many requests: nothing was done; retrying the same attempt later is right.
  if (error.code === 'RATE_LIMITED') return false;
  return error.status >= 400;
}

/**
 * The open attempt is also kept in storage, so an answer lost with the page (the app closed or
 * reloaded while the request ran) can be asked for again, with the same request and key, when the
 * officer opens the pay page next (`checkStored` of use-payment-submit.ts). Kept a day at most: by
 * then the payment is in the station's lists.
 *
 * One storage slot per officer: keys are scoped to the caller on the server, so an attempt sent
 * again under another officer's sign-in (a shared station phone) would be a second payment. Each
 * officer sees, and can send again, only their own.
 */
export const OPEN_ATTEMPT_STORAGE_KEY = 'yinong.paymentAttempt';
export const attemptStorageKey = (userId: string) => `${OPEN_ATTEMPT_STORAGE_KEY}.${userId}`;
const OPEN_ATTEMPT_MAX_AGE_MS = 24 * 3600_000;

/**
 * The device could not keep (or read) the attempt. Loud on purpose: an attempt that is not stored
 * is lost with the page, and after a reload the officer would see a blank form for a payment that
 * may have gone through. The pay page shows it and sends nothing it could not store.
 */
export class AttemptStoreError extends Error {
  constructor(
    readonly operation: 'load' | 'save' | 'remove',
    readonly reason: string,
  ) {
    super(`payment attempt ${operation} failed: ${reason}`);
    this.name = 'AttemptStoreError';
  }
}

export interface AttemptStore {
  /** The stored attempt; null when there is none (or it is unreadable or too old). Throws AttemptStoreError when storage fails. */
  load(): PaymentAttempt | null;
  /** Stores (or with null removes) the attempt, and checks it is there. Throws AttemptStoreError. */
  save(attempt: PaymentAttempt | null): void;
}

export function storageAttemptStore(storage: DeviceStorage, userId: string, now: () => number = Date.now): AttemptStore {
  const slot = attemptStorageKey(userId);
  const read = (): unknown => {
    try {
      return storage.getStorageSync(slot);
    } catch (error) {
      throw new AttemptStoreError('load', storageFailureReason(error));
    }
  };
  return {
    load() {
      const stored = read() as Partial<PaymentAttempt> | '' | null | undefined;
      if (
        !stored ||
        typeof stored !== 'object' ||
        typeof stored.key !== 'string' ||
        typeof stored.startedAt !== 'number' ||
        !stored.body ||
        typeof stored.body !== 'object'
      ) {
        return null;
      }
      if (now() - stored.startedAt > OPEN_ATTEMPT_MAX_AGE_MS) return null;
      // The fingerprint is recomputed: the request is what is sent again.
      return { key: stored.key, fingerprint: paymentFingerprint(stored.body), body: stored.body, startedAt: stored.startedAt };
    },
    save(attempt) {
      const operation = attempt ? 'save' : 'remove';
      try {
        if (attempt) storage.setStorageSync(slot, attempt);
        else storage.removeStorageSync(slot);
      } catch (error) {
        throw new AttemptStoreError(operation, storageFailureReason(error));
      }
      // Read back: a storage that accepts the call but keeps nothing is as bad as one that throws.
      const back = read() as Partial<PaymentAttempt> | '' | null | undefined;
      const kept = back && typeof back === 'object' ? back.key : undefined;
      if (attempt ? kept !== attempt.key : kept !== undefined) throw new AttemptStoreError(operation, 'not kept by the device storage');
    },
  };
}
