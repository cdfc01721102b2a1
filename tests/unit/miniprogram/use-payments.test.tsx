/** @jest-environment jsdom */
/**
 * The payment hooks: sending a payment safely (one Idempotency-Key per attempt), the new-payment
 * form, the day close, voiding and registering a household.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { LedgerEntry, LedgerResponse, PaymentCreateRequest } from '../../../shared/schemas/payments';
import { useCloseDay } from '../../../miniprogram/src/hooks/use-close-day';
import { buildHouseholdRequest, splitNames, useHouseholdForm } from '../../../miniprogram/src/hooks/use-household-form';
import { textLength } from '../../../shared/text-length';
import { useLinkHousehold } from '../../../miniprogram/src/hooks/use-household-actions';
import { useNewPayment, type NewPaymentApi } from '../../../miniprogram/src/hooks/use-new-payment';
import { usePaymentSubmit } from '../../../miniprogram/src/hooks/use-payment-submit';
import { useLedgerDay } from '../../../miniprogram/src/hooks/use-ledger-day';
import { useResource } from '../../../miniprogram/src/hooks/use-resource';
import { useVoidPayment, voidErrorText } from '../../../miniprogram/src/hooks/use-void-payment';
import { ApiError } from '../../../miniprogram/src/services/api';
import type { AttemptStore, PaymentAttempt } from '../../../miniprogram/src/services/payment-attempt';
import { resetStorage } from '../../stubs/taro';
import { billTypes, household, ledgerOf, paymentOf, station } from './fixtures';

const apiError = (status: number, code: string, message = code, details?: Array<{ path: string; message: string; code?: string }>) =>
  new ApiError({ status, code, message, details });

const body: PaymentCreateRequest = {
  stationId: station.id,
  billType: 'electricity',
  accountNo: '4401234567',
  amountFen: 12_345,
  cashReceivedFen: 15_000,
  method: 'cash',
};

/** An in-memory attempt store, shared by hooks that stand for the same page opened twice. */
function memoryStore(): AttemptStore & { value: PaymentAttempt | null } {
  const store = {
    value: null as PaymentAttempt | null,
    load: () => store.value,
    save: (attempt: PaymentAttempt | null) => {
      store.value = attempt;
    },
  };
  return store;
}

/** When the officer confirms in these tests: just before the fixture payment was made. */
const confirmAt = () => Date.parse('2026-11-29T03:04:00.000Z');

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

beforeEach(() => resetStorage());
afterEach(() => jest.restoreAllMocks());

describe('usePaymentSubmit: one key per attempt', () => {
  it('sends a double tap once', async () => {
    let release: (value: unknown) => void = () => undefined;
    const send = jest.fn(() => new Promise((resolve) => (release = resolve)).then(() => paymentOf()));
    const makeKey = keys();
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey, store: memoryStore(), now: confirmAt }));
    let first: Promise<unknown> = Promise.resolve();
    act(() => {
      first = result.current.submit(body);
      void result.current.submit(body);
    });
    expect(result.current.state).toEqual({ status: 'submitting', waiting: false });
    await act(async () => {
      release(undefined);
      await first;
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(result.current.state).toEqual({ status: 'done', payment: paymentOf() });
  });

  it('retries a lost answer with the same key, and the next payment gets a new one', async () => {
    const send = jest
      .fn()
      .mockRejectedValueOnce(apiError(0, 'NETWORK_ERROR'))
      .mockRejectedValueOnce(apiError(503, 'DEPENDENCY_UNAVAILABLE'))
      .mockResolvedValueOnce(paymentOf())
      .mockResolvedValueOnce(paymentOf({ id: 'pm2' }));
    const makeKey = keys();
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey, store: memoryStore(), now: confirmAt }));
    await act(async () => void (await result.current.submit(body)));
    expect(result.current.state).toMatchObject({ status: 'uncertain' });
    expect((result.current.state as { message: string }).message).toContain('不会重复扣款');
    await act(async () => void (await result.current.retry()));
    await act(async () => void (await result.current.submit(body)));
    expect(result.current.state).toEqual({ status: 'done', payment: paymentOf() });
    // The same form again after a final answer: a new attempt.
    await act(async () => void (await result.current.submit(body)));
    expect(send.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-1', 'key-1', 'key-2']);
  });

  it('waits while the server says the same attempt is running, then has the answer', async () => {
    const send = jest
      .fn()
      .mockRejectedValueOnce(apiError(409, 'IDEMPOTENCY_IN_PROGRESS'))
      .mockRejectedValueOnce(apiError(409, 'IDEMPOTENCY_IN_PROGRESS'))
      .mockResolvedValueOnce(paymentOf({ status: 'PROCESSING', settledAt: null }));
    const sleep = jest.fn().mockResolvedValue(undefined);
    const makeKey = keys();
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey, store: memoryStore(), now: confirmAt, sleep, inProgressDelayMs: 1500 }));
    await act(async () => void (await result.current.submit(body)));
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(1500);
    expect(send.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-1', 'key-1']);
    expect(result.current.state).toMatchObject({ status: 'done', payment: { status: 'PROCESSING' } });
  });

  it('gives up waiting after a few tries but keeps the key for the retry', async () => {
    const send = jest.fn().mockRejectedValue(apiError(409, 'IDEMPOTENCY_IN_PROGRESS'));
    const makeKey = keys();
    const { result } = renderHook(() =>
      usePaymentSubmit({ send, makeKey, store: memoryStore(), now: confirmAt, sleep: async () => undefined, inProgressRetries: 2 }),
    );
    await act(async () => void (await result.current.submit(body)));
    expect(send).toHaveBeenCalledTimes(3);
    expect(result.current.state).toMatchObject({ status: 'uncertain' });
    await act(async () => void (await result.current.retry()));
    expect(new Set(send.mock.calls.map((call) => call[1]))).toEqual(new Set(['key-1']));
  });

  it('a refusal ends the attempt: says which limit, and the next confirm is a new attempt', async () => {
    const send = jest
      .fn()
      .mockRejectedValueOnce(
        apiError(429, 'LIMIT_EXCEEDED', 'over the daily limit', [
          { path: 'body.amountFen', message: 'at most 120000 fen left today', code: 'station_daily_limit' },
        ]),
      )
      .mockResolvedValueOnce(paymentOf());
    const makeKey = keys();
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey, store: memoryStore(), now: confirmAt, limits: billTypes.stationLimits }));
    await act(async () => void (await result.current.submit(body)));
    expect(result.current.state).toMatchObject({
      status: 'failed',
      code: 'LIMIT_EXCEEDED',
      message: '超出本站每天的代缴上限，今天最多还能缴 ¥1,200.00。',
    });
    await act(async () => void (await result.current.submit(body)));
    expect(send.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-2']);
  });

  it('a changed form is a new attempt', async () => {
    const send = jest.fn().mockRejectedValueOnce(apiError(0, 'NETWORK_ERROR')).mockResolvedValue(paymentOf());
    const makeKey = keys();
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey, store: memoryStore(), now: confirmAt }));
    await act(async () => void (await result.current.submit(body)));
    await act(async () => void (await result.current.submit({ ...body, cashReceivedFen: 20_000 })));
    expect(send.mock.calls.map((call) => call[1])).toEqual(['key-1', 'key-2']);
  });

  it('never reuses a stored attempt for a new confirm: the page offers to check it, and says its payment is the earlier one', async () => {
    const store = memoryStore();
    const startedAt = Date.parse('2026-11-29T01:30:00Z');
    const earlier = paymentOf({ createdAt: '2026-11-29T01:30:01.000Z' });
    const send = jest.fn().mockRejectedValueOnce(apiError(0, 'NETWORK_ERROR')).mockResolvedValue(earlier);
    const first = renderHook(() => usePaymentSubmit({ send, makeKey: keys(), store, now: () => startedAt }));
    await act(async () => void (await first.result.current.submit(body)));
    expect(first.result.current.locked).toBe(true);
    first.unmount();

    // Reopened later: the identical form is not sent (it would replay the earlier payment as new).
    const second = renderHook(() => usePaymentSubmit({ send, makeKey: () => 'another', store, now: () => startedAt + 3600_000 }));
    expect(second.result.current.stored).toMatchObject({ key: 'key-1', body, startedAt });
    expect(second.result.current.locked).toBe(true);
    await act(async () => void (await second.result.current.submit(body)));
    expect(send).toHaveBeenCalledTimes(1);

    // "Check the result": the stored request with its key, answered as the earlier payment.
    await act(async () => void (await second.result.current.checkStored()));
    expect(send.mock.calls[1]).toEqual([body, 'key-1']);
    expect(second.result.current.state).toEqual({ status: 'done', payment: earlier, earlierAt: new Date(startedAt).toISOString() });
    expect(second.result.current.stored).toBeNull();
    expect(second.result.current.locked).toBe(false);
    expect(store.value).toBeNull();
  });

  it('a stored attempt can be discarded, and a refused one says so; then new payments get new keys', async () => {
    const store = memoryStore();
    const startedAt = Date.parse('2026-11-29T01:30:00Z');
    store.value = { key: 'old', fingerprint: 'f', body, startedAt };
    const send = jest
      .fn()
      .mockRejectedValueOnce(apiError(409, 'DAY_CLOSED'))
      .mockResolvedValue(paymentOf({ createdAt: new Date().toISOString() }));
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey: keys(), store }));
    await act(async () => void (await result.current.checkStored()));
    expect(result.current.state).toMatchObject({ status: 'failed', code: 'DAY_CLOSED', earlierAt: new Date(startedAt).toISOString() });
    expect(result.current.stored).toBeNull();

    store.value = { key: 'old2', fingerprint: 'f', body, startedAt };
    const again = renderHook(() => usePaymentSubmit({ send, makeKey: keys(), store }));
    expect(again.result.current.stored).not.toBeNull();
    act(() => again.result.current.discard());
    expect(again.result.current.stored).toBeNull();
    expect(store.value).toBeNull();
    await act(async () => void (await again.result.current.submit(body)));
    expect(send.mock.calls.map((call) => call[1])).toEqual(['old', 'key-1']);
    expect(again.result.current.state).toMatchObject({ status: 'done' });
    expect(again.result.current.state).not.toHaveProperty('earlierAt');
  });

  it('says a 201 for a payment made before this confirm is that earlier payment, not a new success', async () => {
    const confirmedAt = Date.parse('2026-11-29T10:00:00Z');
    const replayed = paymentOf({ createdAt: '2026-11-29T09:12:00.000Z' });
    const { result } = renderHook(() =>
      usePaymentSubmit({ send: jest.fn().mockResolvedValue(replayed), makeKey: keys(), store: memoryStore(), now: () => confirmedAt }),
    );
    await act(async () => void (await result.current.submit(body)));
    expect(result.current.state).toEqual({ status: 'done', payment: replayed, earlierAt: replayed.createdAt });
  });

  it.each([
    ['per_payment_limit', '超出本站单笔上限 ¥6,000.00。'],
    ['bill_type_range', '金额超出这个项目的范围。'],
  ])('names the limit of a %s refusal', async (detailCode, message) => {
    const send = jest
      .fn()
      .mockRejectedValue(apiError(429, 'LIMIT_EXCEEDED', 'limit', [{ path: 'body.amountFen', message: 'too much', code: detailCode }]));
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey: () => 'k', store: memoryStore(), limits: billTypes.stationLimits }));
    await act(async () => void (await result.current.submit(body)));
    expect(result.current.state).toMatchObject({ status: 'failed', message });
  });

  it.each([
    ['DAY_CLOSED', 409, '今天已经日结，不能再缴费。'],
    ['IDEMPOTENCY_KEY_REUSED', 422, '这次提交和上一次的内容不一致，没有缴费。请重新核对后再缴。'],
    ['CONFLICT', 409, '内容已被他人修改，请刷新后再试。'],
  ])('explains %s', async (code, status, message) => {
    const send = jest.fn().mockRejectedValue(apiError(status, code));
    const makeKey = keys();
    const { result } = renderHook(() => usePaymentSubmit({ send, makeKey, store: memoryStore() }));
    await act(async () => void (await result.current.submit(body)));
    expect(result.current.state).toMatchObject({ status: 'failed', message });
  });
});

describe('useNewPayment', () => {
  const api = (fields: Partial<NewPaymentApi> = {}): NewPaymentApi => ({
    lookup: jest.fn().mockResolvedValue({ billType: 'electricity', accountNoMasked: '******4567', holderNameMasked: '张*明', amountDueFen: 12_345 }),
    saveToBook: jest.fn().mockResolvedValue(household),
    ...fields,
  });

  it('pays a postpaid bill exactly as due, with the change computed', async () => {
    const fake = api();
    const { result } = renderHook(() => useNewPayment(station.id, billTypes, fake));
    act(() => result.current.choosePayer({ kind: 'phone' }));
    act(() => result.current.setPhone('13800000000'));
    act(() => result.current.chooseBillType('electricity'));
    act(() => result.current.setAccountNo('4401234567'));
    await act(async () => result.current.runLookup());
    expect(fake.lookup).toHaveBeenCalledWith('electricity', { accountNo: '4401234567' });
    act(() => result.current.setCashText('150'));
    let reviewed: PaymentCreateRequest | undefined;
    act(() => {
      reviewed = result.current.review();
    });
    expect(reviewed).toEqual({
      stationId: station.id,
      billType: 'electricity',
      accountNo: '4401234567',
      amountFen: 12_345,
      cashReceivedFen: 15_000,
      payerPhone: '13800000000',
      method: 'cash',
    });
    expect(result.current.confirming).toEqual(reviewed);
  });

  it('drops the lookup when the account changes, and refuses to review without one', async () => {
    const { result } = renderHook(() => useNewPayment(station.id, billTypes, api()));
    act(() => result.current.choosePayer({ kind: 'phone' }));
    act(() => result.current.chooseBillType('electricity'));
    act(() => result.current.setAccountNo('4401234567'));
    await act(async () => result.current.runLookup());
    expect(result.current.lookup.status).toBe('ready');
    act(() => result.current.setAccountNo('4401234568'));
    expect(result.current.lookup.status).toBe('idle');
    act(() => void result.current.review());
    expect(result.current.confirming).toBeNull();
    expect(result.current.errors.lookup).toBeDefined();
  });

  it('takes a prepaid amount within the type’s range, and cash not below it', async () => {
    const fake = api({
      lookup: jest.fn().mockResolvedValue({ billType: 'phone', accountNoMasked: '*******0000', holderNameMasked: '王*', amountDueFen: null }),
    });
    const { result } = renderHook(() => useNewPayment(station.id, billTypes, fake));
    act(() => result.current.choosePayer({ kind: 'phone' }));
    act(() => result.current.chooseBillType('phone'));
    act(() => result.current.setAccountNo('13812340000'));
    await act(async () => result.current.runLookup());
    act(() => result.current.setAmountText('5'));
    act(() => void result.current.review());
    expect(result.current.errors.amount).toBe('金额要在 ¥10.00 到 ¥500.00 之间。');
    act(() => result.current.setAmountText('50.5'));
    act(() => result.current.setCashText('50'));
    act(() => void result.current.review());
    expect(result.current.errors.cash).toBe('现金比缴费金额少了 ¥0.50。');
    act(() => result.current.setCashText(''));
    let reviewed: PaymentCreateRequest | undefined;
    act(() => {
      reviewed = result.current.review();
    });
    expect(reviewed).toMatchObject({ billType: 'phone', amountFen: 5_050, cashReceivedFen: 5_050 });
  });

  it('uses the household’s bill book, or saves a typed account to it', async () => {
    const fake = api();
    const { result } = renderHook(() => useNewPayment(station.id, billTypes, fake));
    act(() => result.current.choosePayer({ kind: 'household', household }));
    act(() => result.current.chooseBillType('water'));
    expect(result.current.draft.accountSource).toBe('book');
    expect(result.current.bookEntry?.accountNoMasked).toBe('******5678');
    await act(async () => result.current.runLookup());
    expect(fake.lookup).toHaveBeenLastCalledWith('water', { householdId: household.id });
    let reviewed: PaymentCreateRequest | undefined;
    act(() => {
      reviewed = result.current.review();
    });
    expect(reviewed).toMatchObject({ householdId: household.id, billType: 'water' });
    expect(reviewed).not.toHaveProperty('accountNo');

    act(() => result.current.backToForm());
    act(() => result.current.chooseBillType('electricity'));
    expect(result.current.draft.accountSource).toBe('typed');
    act(() => result.current.setAccountNo('4401234567'));
    act(() => result.current.setSaveToBook(true));
    await act(async () => result.current.runLookup());
    expect(fake.saveToBook).toHaveBeenCalledWith(household.id, 'electricity', '4401234567');
    expect(result.current.book).toEqual({ status: 'saved' });
  });

  it('drops a lookup answer for account A that arrives after the draft changed to B, and never saves A to the bill book', async () => {
    let answerA: (value: unknown) => void = () => undefined;
    const lookup = jest
      .fn()
      .mockImplementationOnce(() => new Promise((resolve) => (answerA = resolve)))
      .mockResolvedValueOnce({ billType: 'electricity', accountNoMasked: '******2222', holderNameMasked: '李*', amountDueFen: 5_000 });
    const fake = api({ lookup });
    const { result } = renderHook(() => useNewPayment(station.id, billTypes, fake));
    act(() => result.current.choosePayer({ kind: 'household', household }));
    act(() => result.current.chooseBillType('electricity'));
    act(() => result.current.setAccountNo('4401111111'));
    act(() => result.current.setSaveToBook(true));
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.runLookup();
    });
    expect(result.current.lookup.status).toBe('loading');
    // The officer corrects the account while A is being looked up, and looks B up.
    act(() => result.current.setAccountNo('4401112222'));
    await act(async () => result.current.runLookup());
    expect(result.current.lookupResult?.accountNoMasked).toBe('******2222');
    await act(async () => {
      answerA({ billType: 'electricity', accountNoMasked: '******1111', holderNameMasked: '张*', amountDueFen: 9_900 });
      await first;
    });
    expect(result.current.lookupResult?.accountNoMasked).toBe('******2222');
    expect(fake.saveToBook).toHaveBeenCalledTimes(1);
    expect(fake.saveToBook).toHaveBeenCalledWith(household.id, 'electricity', '4401112222');
    let reviewed: PaymentCreateRequest | undefined;
    act(() => {
      reviewed = result.current.review();
    });
    expect(reviewed).toMatchObject({ accountNo: '4401112222', amountFen: 5_000 });
  });

  it('drops a late answer (or failure) once the payer or bill type changed, leaving no lookup', async () => {
    let fail: (error: unknown) => void = () => undefined;
    const fake = api({ lookup: jest.fn().mockImplementationOnce(() => new Promise((_resolve, reject) => (fail = reject))) });
    const { result } = renderHook(() => useNewPayment(station.id, billTypes, fake));
    act(() => result.current.choosePayer({ kind: 'phone' }));
    act(() => result.current.chooseBillType('electricity'));
    act(() => result.current.setAccountNo('4401111111'));
    let pending: Promise<void> = Promise.resolve();
    act(() => {
      pending = result.current.runLookup();
    });
    act(() => result.current.chooseBillType('water'));
    await act(async () => {
      fail(apiError(404, 'NOT_FOUND'));
      await pending;
    });
    expect(result.current.lookup).toEqual({ status: 'idle' });
  });

  it('says an unknown account in words', async () => {
    const { result } = renderHook(() =>
      useNewPayment(station.id, billTypes, api({ lookup: jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND')) })),
    );
    act(() => result.current.choosePayer({ kind: 'phone' }));
    act(() => result.current.chooseBillType('electricity'));
    act(() => result.current.setAccountNo('abc'));
    await act(async () => result.current.runLookup());
    expect(result.current.errors.accountNo).toBe('户号是 4 到 32 位数字、字母或短横线。');
    act(() => result.current.setAccountNo('4401230000'));
    await act(async () => result.current.runLookup());
    expect(result.current.lookup).toEqual({ status: 'failed', message: '缴费单位没有这个户号，请核对。' });
  });
});

describe('useCloseDay', () => {
  it('shows the variance before sending, in exact fen', async () => {
    const close = jest.fn().mockImplementation(async (_id: string, request: { countedCashFen: number }) => ({
      stationId: station.id,
      stationCode: station.code,
      villageName: '土桥村',
      date: '2026-11-29',
      totals: {} as never,
      close: {
        countedCashFen: request.countedCashFen,
        varianceFen: request.countedCashFen - 30_010,
        closedAt: '2026-11-29T10:00:00Z',
        closedBy: 'u1',
        note: null,
      },
    }));
    const { result } = renderHook(() => useCloseDay(station.id, '2026-11-29', 30_010, close));
    act(() => result.current.setCountedText('300.09'));
    expect(result.current.varianceFen).toBe(-1);
    act(() => result.current.setCountedText('300.1'));
    expect(result.current.varianceFen).toBe(0);
    act(() => result.current.setNote('  '));
    // Nothing is sent without the confirmation.
    await act(async () => result.current.submit());
    expect(close).not.toHaveBeenCalled();
    act(() => result.current.ask());
    expect(result.current.confirming).toBe(true);
    await act(async () => result.current.submit());
    expect(close).toHaveBeenCalledWith(station.id, { date: '2026-11-29', countedCashFen: 30_010 });
    expect(result.current.state).toMatchObject({ status: 'done' });
  });

  it('needs a note when the counted cash differs, and says so when the API asks for one', async () => {
    const close = jest
      .fn()
      .mockRejectedValue(apiError(400, 'VALIDATION_FAILED', 'note', [{ path: 'body.note', message: 'is required', code: 'note_required' }]));
    const { result } = renderHook(() => useCloseDay(station.id, '2026-11-29', 30_010, close));
    act(() => result.current.setCountedText('296'));
    act(() => result.current.setNote(' '));
    act(() => result.current.ask());
    expect(result.current.confirming).toBe(false);
    expect(result.current.noteError).toBe('有差额，请在备注里说明原因。');
    act(() => result.current.setNote('少了四元，找零多找'));
    expect(result.current.noteError).toBeUndefined();
    act(() => result.current.ask());
    expect(result.current.confirming).toBe(true);
    act(() => result.current.cancel());
    expect(result.current.confirming).toBe(false);
    // The expected cash moved meanwhile (another tab): the API's own answer is said the same way.
    act(() => result.current.setCountedText('300.10'));
    act(() => result.current.setNote(''));
    act(() => result.current.ask());
    await act(async () => result.current.submit());
    expect(result.current.noteError).toBe('有差额，请在备注里说明原因。');
    expect(result.current.confirming).toBe(false);
  });

  it('refuses a bad amount and explains a day with payments still processing', async () => {
    const close = jest
      .fn()
      .mockRejectedValue(
        apiError(409, 'CONFLICT', 'processing', [
          { path: 'body.date', message: 'the station has payments still processing', code: 'payments_processing' },
        ]),
      );
    const { result } = renderHook(() => useCloseDay(station.id, '2026-11-29', 100, close));
    act(() => result.current.setCountedText('1.234'));
    act(() => result.current.ask());
    expect(result.current.error).toBe('最多两位小数（到分）。');
    expect(result.current.confirming).toBe(false);
    expect(close).not.toHaveBeenCalled();
    act(() => result.current.setCountedText('1'));
    act(() => result.current.ask());
    await act(async () => result.current.submit());
    expect(result.current.state).toMatchObject({
      status: 'failed',
      message: '本站还有缴费或作废在等缴费单位确认（也可能是前几天的），暂时不能日结。系统会自动查询，请稍后刷新再试。',
    });
  });
});

describe('useVoidPayment', () => {
  it('needs a reason and a second tap', async () => {
    const send = jest.fn().mockResolvedValue(paymentOf({ status: 'VOIDED' }));
    const onVoided = jest.fn();
    const { result } = renderHook(() => useVoidPayment('pm1', onVoided, send));
    act(() => result.current.ask());
    expect(result.current.error).toBe('请写明原因（2 到 200 个字）。');
    act(() => result.current.setReason(' 户号错了 '));
    act(() => result.current.ask());
    expect(result.current.state).toEqual({ status: 'confirming' });
    await act(async () => result.current.confirm());
    expect(send).toHaveBeenCalledWith('pm1', '户号错了');
    expect(onVoided).toHaveBeenCalledWith(paymentOf({ status: 'VOIDED' }));
  });

  it('answers a void the provider has not finished (VOIDING) like any other', async () => {
    const onVoided = jest.fn();
    const { result } = renderHook(() => useVoidPayment('pm1', onVoided, jest.fn().mockResolvedValue(paymentOf({ status: 'VOIDING' }))));
    act(() => result.current.setReason('户号错了'));
    act(() => result.current.ask());
    await act(async () => result.current.confirm());
    expect(result.current.state).toEqual({ status: 'done' });
    expect(onVoided).toHaveBeenCalledWith(paymentOf({ status: 'VOIDING' }));
  });

  it('says a void without an answer may have gone through: look before returning cash', () => {
    expect(voidErrorText({ status: 0, code: 'NETWORK_ERROR' })).toBe(
      '没有收到作废的结果（网络连接失败，请检查网络后重试。）。请刷新凭条看状态，先不要退还现金。',
    );
    expect(voidErrorText({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' })).toContain('先不要退还现金');
    expect(voidErrorText({ status: 409, code: 'CONFLICT' })).toBe('这笔缴费已经不能作废（可能已作废、正在作废或已结算），请刷新。');
    expect(voidErrorText({ status: 403, code: 'FORBIDDEN' })).toBe('您没有权限进行这项操作。');
  });

  it('says a closed day cannot be voided', async () => {
    const { result } = renderHook(() => useVoidPayment('pm1', jest.fn(), jest.fn().mockRejectedValue(apiError(409, 'DAY_CLOSED'))));
    act(() => result.current.setReason('户号错了'));
    act(() => result.current.ask());
    await act(async () => result.current.confirm());
    expect(result.current.state).toMatchObject({ status: 'failed', message: '这一天已经日结，不能再作废。' });
  });
});

describe('households', () => {
  it('needs the villagers’ consent and checks the fields', () => {
    expect(buildHouseholdRequest({ headName: ' ', phone: '123', members: '', consent: false }).errors).toEqual({
      headName: '请填写户主姓名（最多 40 个字）。',
      phone: '请填写 11 位手机号，或者不填。',
      consent: '请先征得村民同意并勾选。',
    });
    expect(buildHouseholdRequest({ headName: '张三', phone: '', members: '李四，王五 赵六', consent: true }).body).toEqual({
      headName: '张三',
      members: [{ name: '李四' }, { name: '王五' }, { name: '赵六' }],
      consent: true,
    });
    expect(splitNames('a、b;;c ')).toEqual(['a', 'b', 'c']);
  });

  it('splits Tibetan member names on the shad (a tsheg before it going too), never on the tsheg inside a name', () => {
    expect(splitNames('བཀྲ་ཤིས་རྡོ་རྗེ། སྒྲོལ་མ་ཚེ་རིང་། པདྨ༎ཉི་མ')).toEqual(['བཀྲ་ཤིས་རྡོ་རྗེ', 'སྒྲོལ་མ་ཚེ་རིང', 'པདྨ', 'ཉི་མ']);
    expect(splitNames('བསྟན་འཛིན་ཆོས་གྲགས')).toEqual(['བསྟན་འཛིན་ཆོས་གྲགས']);
    expect(splitNames('卓玛、བཀྲ་ཤིས།')).toEqual(['卓玛', 'བཀྲ་ཤིས']);
    // The form's limit of 40 counts what a reader sees: སྒྲུབ་ is three (སྒྲུ, བ, ་) in six code points.
    const name = (syllables: number) => `${'སྒྲུབ་'.repeat(syllables - 1)}ཀ`;
    expect([textLength(name(14)), name(14).length]).toEqual([40, 79]);
    const members = (text: string) => buildHouseholdRequest({ headName: name(14), phone: '', members: text, consent: true });
    expect(members(`${name(14)}། ${name(3)}`)).toEqual({
      body: { headName: name(14), members: [{ name: name(14) }, { name: name(3) }], consent: true },
      errors: {},
    });
    expect(members(name(15)).errors).toEqual({ members: '最多 20 人，每个名字最多 40 个字。' });
  });

  it('registers, then clears the form', async () => {
    const create = jest.fn().mockResolvedValue(household);
    const onCreated = jest.fn();
    const { result } = renderHook(() => useHouseholdForm(station.id, onCreated, create));
    act(() => result.current.setHeadName('张三'));
    act(() => result.current.setPhone('13800000000'));
    act(() => result.current.setConsent(true));
    await act(async () => result.current.submit());
    expect(create).toHaveBeenCalledWith(station.id, { headName: '张三', phone: '13800000000', consent: true });
    expect(onCreated).toHaveBeenCalledWith(household);
    expect(result.current.headName).toBe('');
    expect(result.current.consent).toBe(false);
  });

  it('words a 400 from the server at the fields it names, not as a generic line', async () => {
    const tooLong = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request. body.headName: too long',
      details: [{ path: 'body.headName', message: 'Too big', code: 'too_big' }],
    });
    const create = jest.fn().mockRejectedValue(tooLong);
    const { result } = renderHook(() => useHouseholdForm(station.id, jest.fn(), create));
    act(() => result.current.setHeadName('张三'));
    act(() => result.current.setConsent(true));
    await act(async () => result.current.submit());
    expect(result.current.errors.headName).toBe('请填写户主姓名（最多 40 个字）。');
    expect(result.current.state).toEqual({ status: 'failed', message: '有几项没有填对，请按红字修改后再保存。' });
    // Nothing typed is lost: the officer corrects it.
    expect(result.current.headName).toBe('张三');
  });

  it('warns of the same family registered already, offers it, and registers a second one only when confirmed', async () => {
    const existing = { id: 'hh-existing', label: '张三', phoneMasked: '138****0000' };
    const duplicate = new ApiError({
      status: 409,
      code: 'CONFLICT',
      message: 'duplicate',
      details: [{ path: 'body.headName', message: 'is registered already', code: 'duplicate_household', existing }],
    });
    const create = jest.fn().mockRejectedValueOnce(duplicate).mockResolvedValueOnce(household);
    const onCreated = jest.fn();
    const { result } = renderHook(() => useHouseholdForm(station.id, onCreated, create));
    act(() => result.current.setHeadName('张三'));
    act(() => result.current.setPhone('13800000000'));
    act(() => result.current.setConsent(true));
    await act(async () => result.current.submit());
    expect(result.current.state).toEqual({ status: 'duplicate', existing });
    expect(onCreated).not.toHaveBeenCalled();
    await act(async () => result.current.registerAnyway());
    expect(create).toHaveBeenLastCalledWith(station.id, { headName: '张三', phone: '13800000000', consent: true, allowDuplicate: true });
    expect(onCreated).toHaveBeenCalledWith(household);
  });

  it('links a villager by their 6-digit code, and explains a wrong one', async () => {
    const link = jest
      .fn()
      .mockRejectedValueOnce(apiError(404, 'NOT_FOUND'))
      .mockResolvedValueOnce({ household: { ...household, linkedUserCount: 1 } });
    const onLinked = jest.fn();
    const { result } = renderHook(() => useLinkHousehold(household.id, onLinked, link));
    act(() => result.current.setCode('12345'));
    await act(async () => result.current.submit());
    expect(result.current.error).toBe('关联码是 6 位数字。');
    act(() => result.current.setCode('123456'));
    await act(async () => result.current.submit());
    expect(result.current.state).toEqual({ status: 'failed', message: '关联码不对或已过期（10 分钟内有效），请村民重新获取。' });
    await act(async () => result.current.submit());
    expect(onLinked).toHaveBeenCalledWith({ ...household, linkedUserCount: 1 });
  });
});

describe('useResource: a refresh keeps the value on screen', () => {
  it('keeps `ready` while asking again, then shows the new value; a failed refresh keeps the old one', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce('v1')
      .mockImplementationOnce(async () => 'v2')
      .mockRejectedValueOnce(apiError(0, 'NETWORK_ERROR'))
      .mockResolvedValueOnce('v3');
    const { result } = renderHook(() => useResource('k', load));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', value: 'v1' }));
    act(() => result.current.refresh());
    expect(result.current.state).toEqual({ status: 'ready', value: 'v1' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', value: 'v2' }));
    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', value: 'v2', refreshError: { code: 'NETWORK_ERROR' } }));
    // A retry (an error screen's button) shows loading.
    act(() => result.current.retry());
    expect(result.current.state).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', value: 'v3' }));
  });
});

describe('useLedgerDay', () => {
  const today = () => '2026-11-29';
  const entryOf = (fields: Partial<LedgerEntry> = {}): LedgerEntry => ({
    id: 'le1',
    kind: 'PAYMENT',
    paymentId: paymentOf().id,
    receiptNo: paymentOf().receiptNo,
    billType: 'electricity',
    cashFen: 12_345,
    commissionFen: 50,
    at: '2026-11-29T03:04:06.000Z',
    officerId: 'u0123456789',
    reason: null,
    ...fields,
  });
  const dayOf = (date: string, items: LedgerEntry[], nextCursor: string | null = null, status: 'OPEN' | 'CLOSED' = 'OPEN'): LedgerResponse => ({
    ...ledgerOf({}, status),
    date,
    items,
    nextCursor,
  });

  it("opens today's ledger, then its next page of entries", async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(dayOf('2026-11-29', [entryOf()], 'c1'))
      .mockResolvedValueOnce(dayOf('2026-11-29', [entryOf({ id: 'le2', kind: 'VOID', cashFen: -12_345, reason: '户号错了' })]));
    const { result } = renderHook(() => useLedgerDay(station.id, undefined, fetch, today));
    await waitFor(() => expect(result.current.day).toBeDefined());
    expect(result.current.date).toBe('2026-11-29');
    expect(result.current.isToday).toBe(true);
    expect(result.current.canGoNext).toBe(false);
    expect(result.current.day).toMatchObject({ date: '2026-11-29', status: 'OPEN', totals: { expectedCashFen: 15_000 } });
    expect(result.current.day).not.toHaveProperty('items');
    await act(async () => result.current.entries.loadMore());
    expect(fetch.mock.calls).toEqual([
      [station.id, '2026-11-29', { cursor: undefined }],
      [station.id, '2026-11-29', { cursor: 'c1' }],
    ]);
    const { state } = result.current.entries;
    expect(state.status === 'ready' && state.items.map((entry) => entry.id)).toEqual(['le1', 'le2']);
  });

  it('goes a day back and forth, never past today, and checks a typed day', async () => {
    const fetch = jest.fn(async (_id: string, date: string) => dayOf(date, [], null, date < '2026-11-29' ? 'CLOSED' : 'OPEN'));
    const { result } = renderHook(() => useLedgerDay(station.id, undefined, fetch, today));
    await waitFor(() => expect(result.current.day).toBeDefined());
    act(() => result.current.next());
    expect(result.current.dateError).toBe('还没到这一天。');
    expect(result.current.date).toBe('2026-11-29');
    act(() => result.current.previous());
    await waitFor(() => expect(result.current.day?.date).toBe('2026-11-28'));
    expect(result.current.day?.status).toBe('CLOSED');
    expect(result.current.dateText).toBe('2026-11-28');
    expect(result.current.canGoNext).toBe(true);
    act(() => result.current.setDateText('2026-02-30'));
    act(() => result.current.show());
    expect(result.current.dateError).toBe('请按 年-月-日 填写，如 2026-11-29。');
    act(() => result.current.setDateText(' 2026-11-01 '));
    act(() => result.current.show());
    await waitFor(() => expect(result.current.day?.date).toBe('2026-11-01'));
    act(() => result.current.backToToday());
    await waitFor(() => expect(result.current.day?.date).toBe('2026-11-29'));
    expect(fetch.mock.calls.map((call) => call[1])).toEqual(['2026-11-29', '2026-11-28', '2026-11-01', '2026-11-29']);
  });

  it('starts on the day asked for (not one to come), and drops the answer of a day no longer shown', async () => {
    let releaseOld: (value: LedgerResponse) => void = () => undefined;
    const fetch = jest
      .fn()
      .mockImplementationOnce(() => new Promise<LedgerResponse>((resolve) => (releaseOld = resolve)))
      .mockImplementation(async (_id: string, date: string) => dayOf(date, [entryOf({ id: `le-${date}` })]));
    const { result } = renderHook(() => useLedgerDay(station.id, '2026-11-20', fetch, today));
    expect(result.current.date).toBe('2026-11-20');
    act(() => result.current.previous());
    await waitFor(() => expect(result.current.day?.date).toBe('2026-11-19'));
    await act(async () => releaseOld(dayOf('2026-11-20', [entryOf({ id: 'stale' })])));
    expect(result.current.day?.date).toBe('2026-11-19');
    const { state } = result.current.entries;
    expect(state.status === 'ready' && state.items.map((entry) => entry.id)).toEqual(['le-2026-11-19']);

    const future = renderHook(() =>
      useLedgerDay(
        station.id,
        '2027-01-01',
        jest.fn(async () => dayOf('2026-11-29', [])),
        today,
      ),
    );
    expect(future.result.current.date).toBe('2026-11-29');
    await waitFor(() => expect(future.result.current.day).toBeDefined());
  });

  it('keeps the newest totals when an older reload of the same day answers last', async () => {
    const releases: Array<(value: LedgerResponse) => void> = [];
    const fetch = jest.fn(() => new Promise<LedgerResponse>((resolve) => releases.push(resolve)));
    const { result } = renderHook(() => useLedgerDay(station.id, undefined, fetch, today));
    act(() => result.current.entries.retry());
    await waitFor(() => expect(releases).toHaveLength(2));
    const totals = (expectedCashFen: number) => ({ ...dayOf('2026-11-29', []), totals: { ...ledgerOf().totals, expectedCashFen } });
    await act(async () => releases[1](totals(20_000)));
    await act(async () => releases[0](totals(15_000)));
    expect(result.current.day?.totals.expectedCashFen).toBe(20_000);
  });
});
