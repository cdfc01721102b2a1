/** @jest-environment jsdom */
import type { PaymentCreateRequest } from '../../../shared/schemas/payments';
import {
  attemptFor,
  isEarlierPayment,
  isFinalError,
  newIdempotencyKey,
  AttemptStoreError,
  paymentFingerprint,
  storageAttemptStore,
} from '../../../miniprogram/src/services/payment-attempt';
import { deviceStorage, type DeviceStorage } from '../../../miniprogram/src/services/device-storage';
import Taro from '@tarojs/taro';
import { resetStorage } from '../../stubs/taro';

const body: PaymentCreateRequest = {
  stationId: 'st1',
  billType: 'electricity',
  accountNo: '4401234567',
  amountFen: 12_345,
  cashReceivedFen: 15_000,
  method: 'cash',
};

describe('idempotency keys per payment attempt', () => {
  it('makes keys the API accepts, each different', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of Array.from(keys)) expect(key).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('keeps the key of an open attempt for the same request (double tap, retry, lost answer)', () => {
    let n = 0;
    const makeKey = () => `k${++n}`;
    const first = attemptFor(null, body, makeKey);
    expect(first.key).toBe('k1');
    expect(attemptFor(first, { ...body }, makeKey)).toBe(first);
    // Key order does not matter: the same form is the same attempt.
    const reordered = {
      method: 'cash',
      amountFen: 12_345,
      cashReceivedFen: 15_000,
      accountNo: '4401234567',
      billType: 'electricity',
      stationId: 'st1',
    } as PaymentCreateRequest;
    expect(attemptFor(first, reordered, makeKey).key).toBe('k1');
  });

  it('starts a new attempt when the form changed, or after a final answer', () => {
    let n = 0;
    const makeKey = () => `k${++n}`;
    const first = attemptFor(null, body, makeKey);
    expect(attemptFor(first, { ...body, cashReceivedFen: 20_000 }, makeKey).key).toBe('k2');
    expect(attemptFor(first, { ...body, accountNo: '4401230000' }, makeKey).key).toBe('k3');
    // The attempt is over (null): the very same form is a new attempt.
    expect(attemptFor(null, body, makeKey).key).toBe('k4');
  });

  it('tells the fingerprint apart by every field', () => {
    const base = paymentFingerprint(body);
    for (const change of [{ billType: 'water' }, { householdId: 'hh0123' }, { payerPhone: '13800000000' }, { amountFen: 1 }, { stationId: 'st2' }]) {
      expect(paymentFingerprint({ ...body, ...change } as PaymentCreateRequest)).not.toBe(base);
    }
  });

  it.each([
    [{ status: 0, code: 'NETWORK_ERROR' }, false],
    [{ status: 500, code: 'INTERNAL' }, false],
    [{ status: 503, code: 'DEPENDENCY_UNAVAILABLE' }, false],
    [{ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' }, false],
    [{ status: 429, code: 'RATE_LIMITED' }, false],
    [{ status: 429, code: 'LIMIT_EXCEEDED' }, true],
    [{ status: 409, code: 'DAY_CLOSED' }, true],
    [{ status: 409, code: 'CONFLICT' }, true],
    [{ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' }, true],
    [{ status: 400, code: 'VALIDATION_FAILED' }, true],
    [{ status: 404, code: 'NOT_FOUND' }, true],
    [{ status: 503, code: 'PROVIDER_NOT_CONFIGURED' }, true],
  ])('%p is final: %p', (error, final) => {
    expect(isFinalError(error)).toBe(final);
  });

  it('keeps the open attempt in storage for a day, with its request and start, so a reopened page can ask about it', () => {
    resetStorage();
    let now = 1_000;
    const store = storageAttemptStore(deviceStorage, 'u1', () => now);
    expect(store.load()).toBeNull();
    const attempt = attemptFor(
      null,
      body,
      () => 'k1',
      () => now,
    );
    store.save(attempt);
    expect(store.load()).toEqual({ key: 'k1', fingerprint: paymentFingerprint(body), body, startedAt: 1_000 });
    now += 25 * 3600_000;
    expect(store.load()).toBeNull();
    store.save(null);
    expect(Taro.getStorageSync('yinong.paymentAttempt.u1')).toBe('');
    // An attempt stored by an older version (no request to send again) is not offered.
    Taro.setStorageSync('yinong.paymentAttempt.u1', { key: 'k0', fingerprint: 'f', at: now });
    expect(store.load()).toBeNull();
  });

  it("keeps each officer's attempt in their own slot: another officer signed in on the same phone never gets it to send again", () => {
    resetStorage();
    const mine = storageAttemptStore(deviceStorage, 'u-officer-a', () => 1_000);
    const theirs = storageAttemptStore(deviceStorage, 'u-officer-b', () => 1_000);
    mine.save(
      attemptFor(
        null,
        body,
        () => 'k-a',
        () => 1_000,
      ),
    );
    // The server scopes keys per caller: sent under officer B's token, A's key would pay a second time.
    expect(theirs.load()).toBeNull();
    expect(mine.load()?.key).toBe('k-a');
    theirs.save(null);
    expect(mine.load()?.key).toBe('k-a');
  });

  it('is loud when the device cannot keep the attempt: a throwing, a missing or a forgetful storage', () => {
    const attempt = attemptFor(
      null,
      body,
      () => 'k1',
      () => 1_000,
    );
    const full: DeviceStorage = {
      getStorageSync: () => '',
      setStorageSync: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeStorageSync: () => undefined,
    };
    expect(() => storageAttemptStore(full, 'u1').save(attempt)).toThrow(AttemptStoreError);
    expect(() => storageAttemptStore(full, 'u1').save(attempt)).toThrow(/QuotaExceededError/);
    // What H5's default export of @tarojs/taro is: an object without the storage API.
    const taroH5Default = { navigateTo: () => undefined } as unknown as DeviceStorage;
    expect(() => storageAttemptStore(taroH5Default, 'u1').save(attempt)).toThrow(AttemptStoreError);
    expect(() => storageAttemptStore(taroH5Default, 'u1').load()).toThrow(AttemptStoreError);
    const forgetful: DeviceStorage = { getStorageSync: () => '', setStorageSync: () => undefined, removeStorageSync: () => undefined };
    expect(() => storageAttemptStore(forgetful, 'u1').save(attempt)).toThrow(/not kept/);
  });

  it('tells a payment made before the attempt started (a replay) from the one just confirmed', () => {
    const startedAt = Date.parse('2026-11-29T10:00:00Z');
    expect(isEarlierPayment({ createdAt: '2026-11-29T09:20:00Z' }, { startedAt })).toBe(true);
    // The server's clock a little behind the phone's is not a replay.
    expect(isEarlierPayment({ createdAt: '2026-11-29T09:59:00Z' }, { startedAt })).toBe(false);
    expect(isEarlierPayment({ createdAt: '2026-11-29T10:00:02Z' }, { startedAt })).toBe(false);
  });
});
