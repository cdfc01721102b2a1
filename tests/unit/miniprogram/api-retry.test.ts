/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { resetStorage } from '../../stubs/taro';
import { type ApiError, backoffMs, request, retryPolicy } from '../../../miniprogram/src/services/api-client';

type RequestOptions = Parameters<typeof Taro.request>[0];

/** Answers each call with the next of `outcomes`: a status with a body, or a network failure. */
function answers(...outcomes: Array<number | 'offline'>) {
  let call = 0;
  return jest.spyOn(Taro, 'request').mockImplementation((() => {
    const outcome = outcomes[Math.min(call++, outcomes.length - 1)];
    if (outcome === 'offline') return Promise.reject({ errMsg: 'request:fail timeout' });
    const data = outcome < 300 ? { ok: true } : { error: { code: 'X', message: 'no' } };
    return Promise.resolve({ statusCode: outcome, data, header: {} });
  }) as never);
}

/** Runs the call to its end with a fake clock, recording every retry wait the client scheduled. */
async function settle<T>(promise: Promise<T>): Promise<{ result?: T; error?: ApiError }> {
  const outcome = promise.then(
    (result) => ({ result }),
    (error: ApiError) => ({ error }),
  );
  for (let i = 0; i < 10; i++) await jest.advanceTimersByTimeAsync(5_000);
  return outcome;
}

const RETRIES = 2;

beforeEach(() => {
  // The page tests run without retries (tests/stubs/no-retries.ts); these test them.
  retryPolicy.retries = RETRIES;
  jest.useFakeTimers();
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  retryPolicy.retries = 0;
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('backoff schedule', () => {
  it('doubles from 600 ms, caps at 5 s, and jitters within the upper half of each step', () => {
    const ceilings = [600, 1200, 2400, 4800, 5000, 5000];
    ceilings.forEach((ceiling, attempt) => {
      expect(backoffMs(attempt, () => 0)).toBe(ceiling / 2);
      expect(backoffMs(attempt, () => 0.999999)).toBeCloseTo(ceiling, 2);
      expect(backoffMs(attempt, () => 0.5)).toBe((ceiling * 3) / 4);
    });
  });

  it('spreads many phones over the whole window (jitter), never outside it', () => {
    const waits = Array.from({ length: 500 }, () => backoffMs(1));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(600);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1200);
    expect(new Set(waits.map((wait) => Math.floor(wait / 100))).size).toBeGreaterThanOrEqual(5);
  });
});

describe('retries in the one API client', () => {
  it('retries a GET after no answer and a 503, and returns the answer that finally comes', async () => {
    const spy = answers('offline', 503, 200);
    const { result } = await settle(request('/stations/by-code/1', { auth: false }));
    expect(result).toEqual({ ok: true });
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('waits the backoff between attempts (nothing is re-sent before the first wait is over)', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const spy = answers('offline', 200);
    const pending = request('/feeds', { auth: false });
    await jest.advanceTimersByTimeAsync(299);
    expect(spy).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it(`gives up after ${RETRIES} retries with the last error`, async () => {
    const spy = answers('offline');
    const { error } = await settle(request('/feeds', { auth: false }));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(spy).toHaveBeenCalledTimes(1 + RETRIES);
  });

  it('never repeats a write without an Idempotency-Key (a payment is sent once)', async () => {
    const spy = answers('offline', 200);
    const { error } = await settle(request('/payments', { method: 'POST', body: { amountFen: 100 }, auth: false }));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('repeats a write that carries its Idempotency-Key, with the same key each time', async () => {
    const spy = answers(504, 200);
    const { result } = await settle(
      request('/payments', { method: 'POST', body: { amountFen: 100 }, auth: false, headers: { 'Idempotency-Key': 'k-1' } }),
    );
    expect(result).toEqual({ ok: true });
    expect(spy.mock.calls.map(([options]) => (options as RequestOptions).header?.['Idempotency-Key'])).toEqual(['k-1', 'k-1']);
  });

  it('does not retry an answer that another try cannot change soon (400, 404, 429)', async () => {
    for (const status of [400, 404, 429]) {
      const spy = answers(status, 200);
      const { error } = await settle(request('/stations/by-code/x', { auth: false }));
      expect(error).toMatchObject({ status });
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockRestore();
    }
  });

  it('gives a read a shorter timeout per attempt than a write', async () => {
    const spy = answers(200);
    await settle(request('/feeds', { auth: false }));
    await settle(request('/x', { method: 'POST', body: {}, auth: false }));
    const [read, write] = spy.mock.calls.map(([options]) => (options as RequestOptions).timeout ?? 0);
    expect(read).toBe(8_000);
    expect(write).toBe(20_000);
  });
});
