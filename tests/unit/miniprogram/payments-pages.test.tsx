/** @jest-environment jsdom */
/**
 * The payment pages rendered with stubbed Taro components, through the real API client (Taro.request
 * answered by route): what the officer and the villager see, and the Idempotency-Key on the wire.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { hidePages, resetStorage, setRouterParams, showPages } from '../../stubs/taro';
import WorkbenchPage from '../../../miniprogram/src/packages/officer/pages/payments/index';
import PayPage from '../../../miniprogram/src/packages/officer/pages/pay/index';
import ReceiptPage from '../../../miniprogram/src/packages/receipt/pages/index/index';
import CloseDayPage from '../../../miniprogram/src/packages/officer/pages/close/index';
import LedgerPage from '../../../miniprogram/src/packages/officer/pages/ledger/index';
import ClosesPage from '../../../miniprogram/src/packages/officer/pages/closes/index';
import ReconciliationsPage from '../../../miniprogram/src/packages/admin/pages/reconciliations/index';
import type { PaymentCreateRequest } from '../../../shared/schemas/payments';
import { chinaDate, shiftDate } from '../../../miniprogram/src/services/business-date';
import { formatChinaTime } from '../../../miniprogram/src/services/format';
import { saveSession } from '../../../miniprogram/src/services/session';
import { adminMe, billTypes, errorBody, ledgerOf, loginAnswer, officerMe, paymentOf, station, villagerMe } from './fixtures';
import { button, byId, exists, ok, routes, type RequestOptions } from './page-helpers';

const input = (id: string) => byId(id).querySelector('input') ?? (byId(id) as HTMLInputElement);
const typeInto = (id: string, value: string) => fireEvent.change(input(id), { target: { value } });

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
  saveSession(loginAnswer({ role: 'officer' }));
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('workbench', () => {
  it("shows today's cash, the limits, the pending and today's payments", async () => {
    const pending = paymentOf({ id: 'pmpending', status: 'PROCESSING', settledAt: null });
    routes({
      'GET /me': ok(officerMe),
      'GET /bill-types': ok(billTypes),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf({ processingCount: 1, limitUsedFen: 24_690 })),
      [`GET /stations/${officerMe.station!.id}/payments`]: (options: RequestOptions) =>
        ok({ items: options.url.includes('status=PROCESSING') ? [pending] : [paymentOf(), pending], nextCursor: null }),
    });
    render(<WorkbenchPage />);
    await waitFor(() => byId('workbench-totals'));
    expect(byId('workbench-expected').textContent).toBe('¥150.00');
    expect(byId('workbench-processing').textContent).toBe('1 笔');
    await waitFor(() => expect(byId('workbench-limit-used').textContent).toBe('¥246.90 / ¥50,000.00'));
    expect(byId('workbench-limits').textContent).toBe('单笔上限 ¥6,000.00，每天上限 ¥50,000.00。');
    await waitFor(() => byId('workbench-pending-pmpending'));
    expect(byId('workbench-pending-pmpending-status').textContent).toBe('处理中');
    expect(byId(`workbench-today-${paymentOf().id}`).textContent).toContain('电费 ¥123.45');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(button('workbench-ledger'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/officer/pages/ledger/index' });
    fireEvent.click(button('workbench-closes'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/officer/pages/closes/index' });
  });
});

describe('new payment', () => {
  it('sends one key per attempt: a lost answer is asked again with the same Idempotency-Key', async () => {
    const keys: string[] = [];
    let lose = true;
    routes({
      'GET /me': ok(officerMe),
      'GET /bill-types': ok(billTypes),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      'POST /bills/lookup': ok({ billType: 'electricity', accountNoMasked: '******4567', holderNameMasked: '张*明', amountDueFen: 12_345 }),
      'POST /payments': (options: RequestOptions) => {
        keys.push(options.header!['Idempotency-Key']);
        if (lose) {
          lose = false;
          throw { errMsg: 'request:fail timeout' };
        }
        return { statusCode: 201, data: paymentOf({ status: 'PROCESSING', settledAt: null }) };
      },
    });
    render(<PayPage />);
    await waitFor(() => byId('pay-form'));
    fireEvent.click(byId('pay-payer-phone'));
    fireEvent.click(byId('pay-type-electricity'));
    typeInto('pay-account-input', '4401234567');
    await act(async () => fireEvent.click(button('pay-lookup-button')));
    await waitFor(() => byId('pay-lookup-result'));
    expect(byId('pay-lookup-due').textContent).toBe('¥123.45');
    typeInto('pay-cash-input', '200');
    expect(byId('pay-change').textContent).toBe('应找零 ¥76.55');
    fireEvent.click(button('pay-review-button'));
    expect(byId('pay-confirm-change').textContent).toBe('¥76.55');
    // The officer reads out whose account it is before taking the cash.
    expect(byId('pay-confirm-holder').textContent).toBe('张*明');
    expect(byId('pay-confirm-account').textContent).toBe('******4567');

    await act(async () => fireEvent.click(button('pay-submit-button')));
    await waitFor(() => byId('pay-uncertain'));
    expect(byId('pay-uncertain').textContent).toContain('不会重复扣款');
    // Without an answer the bill and the cash cannot be changed (that would be a second payment).
    expect(exists('pay-edit-button')).toBe(false);
    expect(byId('pay-locked').textContent).toContain('不能再改');
    await act(async () => fireEvent.click(button('pay-retry-button')));
    await waitFor(() => byId('pay-processing'));
    expect(byId('pay-outcome').textContent).toContain('请不要重复缴费');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('opens the receipt of a succeeded payment', async () => {
    routes({
      'GET /me': ok(officerMe),
      'GET /bill-types': ok(billTypes),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      'POST /bills/lookup': ok({ billType: 'electricity', accountNoMasked: '******4567', holderNameMasked: '张*明', amountDueFen: 12_345 }),
      // Made now, for this confirm (an answer made before it would be an earlier payment replayed).
      'POST /payments': { statusCode: 201, data: paymentOf({ createdAt: new Date().toISOString() }) },
    });
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    render(<PayPage />);
    await waitFor(() => byId('pay-form'));
    fireEvent.click(byId('pay-payer-phone'));
    fireEvent.click(byId('pay-type-electricity'));
    typeInto('pay-account-input', '4401234567');
    await act(async () => fireEvent.click(button('pay-lookup-button')));
    await waitFor(() => byId('pay-lookup-result'));
    fireEvent.click(button('pay-review-button'));
    await act(async () => fireEvent.click(button('pay-submit-button')));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/receipt/pages/index/index?id=${paymentOf().id}` }));
  });
});

describe('new payment: kept on the device', () => {
  const payApi = (post: (options: RequestOptions) => { statusCode: number; data: unknown }) =>
    routes({
      'GET /me': ok(officerMe),
      'GET /bill-types': ok(billTypes),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      'POST /bills/lookup': ok({ billType: 'electricity', accountNoMasked: '******4567', holderNameMasked: '张*明', amountDueFen: 12_345 }),
      'POST /payments': post,
    });
  async function fillToConfirm() {
    await waitFor(() => byId('pay-form'));
    fireEvent.click(byId('pay-payer-phone'));
    typeInto('pay-phone', '13800000000');
    fireEvent.click(byId('pay-type-electricity'));
    typeInto('pay-account-input', '4401234567');
    await act(async () => fireEvent.click(button('pay-lookup-button')));
    await waitFor(() => byId('pay-lookup-result'));
    typeInto('pay-cash-input', '200');
    fireEvent.click(button('pay-review-button'));
    byId('pay-confirm');
  }

  it('sends nothing it cannot store first, and says so (storage full)', async () => {
    const post = jest.fn(() => ({ statusCode: 201, data: paymentOf() }));
    payApi(post);
    render(<PayPage />);
    await fillToConfirm();
    jest.spyOn(Taro, 'setStorageSync').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await act(async () => fireEvent.click(button('pay-submit-button')));
    expect(byId('pay-failed').textContent).toContain('没有发送');
    expect(byId('pay-storage-error').textContent).toContain('QuotaExceededError');
    expect(post).not.toHaveBeenCalled();
  });

  it('brings a filled form back after the page is left at the confirm step, until it is sent or cleared', async () => {
    payApi(() => ({ statusCode: 201, data: paymentOf() }));
    const first = render(<PayPage />);
    await fillToConfirm();
    first.unmount();
    render(<PayPage />);
    await waitFor(() => byId('pay-draft-restored'));
    expect(input('pay-phone').value).toBe('13800000000');
    expect(input('pay-account-input').value).toBe('4401234567');
    // The bill is looked up again (it may have changed); the cash typed is still there.
    await act(async () => fireEvent.click(button('pay-lookup-button')));
    await waitFor(() => byId('pay-lookup-result'));
    expect(input('pay-cash-input').value).toBe('200');
    fireEvent.click(button('pay-draft-clear'));
    expect(exists('pay-draft-restored')).toBe(false);
    expect(Taro.getStorageSync('yinong.paymentDraft')).toBe('');
  });

  it('asks at once about an attempt confirmed moments before the page was reloaded', async () => {
    const sent: PaymentCreateRequest = {
      stationId: officerMe.station!.id,
      billType: 'electricity',
      accountNo: '4401234567',
      amountFen: 12_345,
      method: 'cash',
    };
    Taro.setStorageSync(`yinong.paymentAttempt.${officerMe.user.id}`, {
      key: 'pay-just-now',
      fingerprint: 'x',
      body: sent,
      startedAt: Date.now() - 5_000,
    });
    const keys: string[] = [];
    payApi((options) => {
      keys.push(options.header!['Idempotency-Key']);
      return { statusCode: 201, data: paymentOf({ createdAt: new Date(Date.now() - 4_000).toISOString() }) };
    });
    render(<PayPage />);
    await waitFor(() => byId('pay-earlier-succeeded'));
    expect(keys).toEqual(['pay-just-now']);
    expect(byId('pay-earlier').textContent).toContain('不要为它再收现金');
  });
});

describe('new payment: an attempt left without an answer by an earlier visit', () => {
  const startedAt = Date.now() - 3600_000;
  const hhmm = formatChinaTime(new Date(startedAt).toISOString()).slice(11);
  const sent: PaymentCreateRequest = {
    stationId: officerMe.station!.id,
    billType: 'electricity',
    accountNo: '4401234567',
    amountFen: 12_345,
    cashReceivedFen: 20_000,
    payerPhone: '13800000000',
    method: 'cash',
  };
  const storeAttempt = () =>
    Taro.setStorageSync(`yinong.paymentAttempt.${officerMe.user.id}`, { key: 'pay-old-key', fingerprint: 'x', body: sent, startedAt });

  it('is checked with its own request and key, and its payment is said to be the earlier one', async () => {
    storeAttempt();
    const posts: Array<{ key: string; body: unknown }> = [];
    routes({
      'GET /me': ok(officerMe),
      'GET /bill-types': ok(billTypes),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      'POST /payments': (options: RequestOptions) => {
        posts.push({ key: options.header!['Idempotency-Key'], body: options.data });
        return { statusCode: 201, data: paymentOf({ createdAt: new Date(startedAt + 1_000).toISOString() }) };
      },
    });
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    render(<PayPage />);
    await waitFor(() => byId('pay-stored'));
    expect(byId('pay-stored-notice').textContent).toBe(`上次 ${hhmm} 提交的缴费（电费 ¥123.45）可能已经缴上，还没有收到结果。`);
    // No new payment until it is cleared up.
    expect(exists('pay-form')).toBe(false);
    await act(async () => fireEvent.click(button('pay-stored-check')));
    await waitFor(() => byId('pay-earlier-succeeded'));
    expect(posts).toHaveLength(1);
    expect(posts[0].key).toBe('pay-old-key');
    expect(JSON.parse(JSON.stringify(posts[0].body))).toEqual(sent);
    expect(byId('pay-earlier').textContent).toBe(`这是 ${hhmm} 提交的那笔缴费，不是新的缴费：不要为它再收现金。`);
    expect(redirectTo).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(`yinong.paymentAttempt.${officerMe.user.id}`)).toBe('');
  });

  it('can be discarded after checking the lists; then the form is back', async () => {
    storeAttempt();
    const post = jest.fn();
    routes({
      'GET /me': ok(officerMe),
      'GET /bill-types': ok(billTypes),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      'POST /payments': (options: RequestOptions) => {
        post(options);
        return { statusCode: 500, data: errorBody('INTERNAL') };
      },
    });
    render(<PayPage />);
    await waitFor(() => byId('pay-stored'));
    fireEvent.click(button('pay-stored-discard'));
    await waitFor(() => byId('pay-form'));
    expect(post).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(`yinong.paymentAttempt.${officerMe.user.id}`)).toBe('');
  });
});

describe('receipt', () => {
  it('offers the officer of the station a void while the day is open', async () => {
    setRouterParams({ id: paymentOf().id });
    routes({
      'GET /me': ok(officerMe),
      [`GET /payments/${paymentOf().id}`]: ok(paymentOf()),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      [`POST /payments/${paymentOf().id}/void`]: ok(
        paymentOf({ status: 'VOIDED', voided: { reason: '户号错了', at: '2026-11-29T05:00:00Z', by: 'u0123456789' } }),
      ),
    });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt'));
    expect(byId('receipt-no').textContent).toBe('YN-20261129-01234567');
    expect(byId('receipt-change').textContent).toBe('¥26.55');
    expect(byId('receipt-time').textContent).toBe('2026-11-29 11:04');
    expect(exists('receipt-print')).toBe(true);
    await waitFor(() => byId('receipt-void'));
    typeInto('receipt-void-reason', '户号错了');
    fireEvent.click(button('receipt-void-button'));
    await act(async () => fireEvent.click(button('receipt-void-confirm')));
    await waitFor(() => byId('receipt-voided'));
    expect(byId('receipt-status').textContent).toBe('已作废');
    // One notice: what to do now, with the reason; not "returned" beside "please return".
    expect(byId('receipt-voided').textContent).toBe('已作废。请把 ¥123.45 现金退还村民。原因：户号错了');
    expect(exists('receipt-explain')).toBe(false);
  });

  it('names a phone top-up account 手机号 on the receipt, and a bill account 户号', async () => {
    for (const [billType, label] of [
      ['phone', '手机号'],
      ['electricity', '户号'],
    ] as const) {
      const paid = paymentOf({ billType });
      setRouterParams({ id: paid.id });
      routes({ 'GET /me': ok(officerMe), [`GET /payments/${paid.id}`]: ok(paid), [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()) });
      const view = render(<ReceiptPage />);
      await waitFor(() => byId('receipt-account'));
      expect(byId('receipt-account').parentElement!.textContent).toContain(label);
      view.unmount();
      jest.restoreAllMocks();
    }
  });

  it('returns the amount paid on a void, not the cash handed over (the change went back at payment time)', async () => {
    const paid = paymentOf({ amountFen: 8_750, cashReceivedFen: 10_000, changeFen: 1_250 });
    setRouterParams({ id: paid.id });
    routes({
      'GET /me': ok(officerMe),
      [`GET /payments/${paid.id}`]: ok(paid),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
      [`POST /payments/${paid.id}/void`]: ok({
        ...paid,
        status: 'VOIDED',
        voided: { reason: '户号错了', at: '2026-11-29T05:00:00Z', by: 'u0123456789' },
      }),
    });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt-void'));
    typeInto('receipt-void-reason', '户号错了');
    fireEvent.click(button('receipt-void-button'));
    expect(byId('receipt-void-confirm').textContent).toBe('确认作废并退还 ¥87.50');
    await act(async () => fireEvent.click(button('receipt-void-confirm')));
    await waitFor(() => byId('receipt-voided'));
    expect(byId('receipt-voided').textContent).toBe('已作废。请把 ¥87.50 现金退还村民。原因：户号错了');
  });

  it('refreshes on coming back without dropping a void reason being typed', async () => {
    setRouterParams({ id: paymentOf().id });
    let reads = 0;
    routes({
      'GET /me': ok(officerMe),
      [`GET /payments/${paymentOf().id}`]: () => {
        reads += 1;
        return ok(paymentOf());
      },
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
    });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt-void'));
    typeInto('receipt-void-reason', '户号错了');
    act(() => hidePages());
    act(() => showPages());
    expect(exists('receipt-loading')).toBe(false);
    await waitFor(() => expect(reads).toBe(2));
    expect(input('receipt-void-reason').value).toBe('户号错了');
  });

  it('shows a villager the receipt, a failure in words, and no void', async () => {
    saveSession(loginAnswer());
    const failed = paymentOf({ status: 'FAILED', settledAt: null, failure: { code: 'ACCOUNT_CLOSED', message: 'closed' } });
    setRouterParams({ id: failed.id });
    routes({ 'GET /me': ok(villagerMe), [`GET /payments/${failed.id}`]: ok(failed) });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt'));
    expect(byId('receipt-explain').textContent).toContain('这个户号已销户');
    expect(exists('receipt-void')).toBe(false);
  });

  it('shows a void the provider has not finished as a wait: no void button, a refresh', async () => {
    const voiding = paymentOf({ status: 'VOIDING' });
    setRouterParams({ id: voiding.id });
    const request = routes({
      'GET /me': ok(officerMe),
      [`GET /payments/${voiding.id}`]: ok(voiding),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf()),
    });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt'));
    expect(byId('receipt-status').textContent).toBe('作废处理中');
    expect(byId('receipt-explain').textContent).toContain('撤销成功');
    expect(exists('receipt-void')).toBe(false);
    await act(async () => fireEvent.click(button('receipt-refresh')));
    await waitFor(() => expect(request.mock.calls.filter(([options]) => options.url.includes('/payments/')).length).toBe(2));
  });

  it('says a receipt that is not there (or a malformed id in the link) was not found, and offers a retry for other failures', async () => {
    setRouterParams({ id: 'pm000000000000000000000000' });
    routes({ 'GET /me': ok(officerMe), 'GET /payments/pm000000000000000000000000': { statusCode: 404, data: errorBody('NOT_FOUND') } });
    const first = render(<ReceiptPage />);
    await waitFor(() => byId('receipt-not-found'));
    expect(byId('receipt-not-found').textContent).toContain('没有找到这张凭条');
    first.unmount();

    setRouterParams({ id: 'not-a-receipt' });
    routes({ 'GET /me': ok(officerMe), 'GET /payments/not-a-receipt': { statusCode: 400, data: errorBody('VALIDATION_FAILED') } });
    const second = render(<ReceiptPage />);
    await waitFor(() => byId('receipt-not-found'));
    expect(byId('receipt-not-found').textContent).not.toContain('填写的信息有误');
    second.unmount();

    setRouterParams({ id: 'pm000000000000000000000000' });
    routes({ 'GET /me': ok(officerMe), 'GET /payments/pm000000000000000000000000': { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt-error'));
    expect(exists('receipt-retry')).toBe(true);
  });
});

describe('day close', () => {
  it('shows the variance before closing and cannot close while payments are processing', async () => {
    routes({ 'GET /me': ok(officerMe), [`GET /stations/${officerMe.station!.id}/ledger`]: ok(ledgerOf({ processingCount: 2 })) });
    render(<CloseDayPage />);
    await waitFor(() => byId('close-expected'));
    expect(byId('close-expected').textContent).toBe('¥150.00');
    expect(byId('close-processing').textContent).toContain('有 2 笔缴费还在等缴费单位确认');
    typeInto('close-counted-input', '149.5');
    expect(byId('close-variance').textContent).toContain('差额 -¥0.50');
    expect(byId('close-variance-words').textContent).toBe('少了 ¥0.50');
    expect(byId('close-submit-button').querySelector('.at-button--disabled')).not.toBeNull();
  });
});

describe('day close: the non-cash day beside the cash', () => {
  it('shows the day’s WeChat Pay orders and automatic refunds apart from the drawer’s cash, open or closed', async () => {
    const nonCash = { paidCount: 3, paidFen: 45_000, refundCount: 1, refundedFen: 3_000 };
    routes({ 'GET /me': ok(officerMe), [`GET /stations/${officerMe.station!.id}/ledger`]: ok({ ...ledgerOf(), nonCash }) });
    const open = render(<CloseDayPage />);
    await waitFor(() => byId('close-noncash'));
    expect(byId('close-noncash-paid').textContent).toBe('¥450.00，3 笔');
    expect(byId('close-noncash-refunded').textContent).toBe('¥30.00，1 笔');
    // The cash to count is the drawer's alone.
    expect(byId('close-expected').textContent).toBe('¥150.00');
    open.unmount();

    const close = { countedCashFen: 15_000, varianceFen: 0, closedAt: '2026-11-29T10:00:00Z', closedBy: 'u0123456789', note: null };
    const closed = { ...ledgerOf({}, 'CLOSED'), close, nonCash: { ...nonCash, refundCount: 0, refundedFen: 0 } };
    routes({ 'GET /me': ok(officerMe), [`GET /stations/${officerMe.station!.id}/ledger`]: ok(closed) });
    render(<CloseDayPage />);
    await waitFor(() => byId('close-result'));
    expect(byId('close-noncash-paid').textContent).toBe('¥450.00，3 笔');
    expect(exists('close-noncash-refunded')).toBe(false);
  });
});

describe('day close: one more look before it is final', () => {
  const FRIDAY = '2026-11-27';
  /** The officer's phone at `hhmm` China time on a Friday (the station opens Monday to Saturday 09:00-18:00). */
  function at(hhmm: string) {
    saveSession(loginAnswer({ role: 'officer' }, '2099-01-01T00:00:00Z'));
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(`${FRIDAY}T${hhmm}:00+08:00`));
  }
  function closeApi(posts: unknown[]) {
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${station.id}`]: ok(station),
      [`GET /stations/${station.id}/ledger`]: ok({ ...ledgerOf(), date: FRIDAY }),
      [`POST /stations/${station.id}/reconciliations`]: (options: RequestOptions) => {
        posts.push(options.data);
        const body = options.data as { countedCashFen: number; note?: string };
        const close = {
          countedCashFen: body.countedCashFen,
          varianceFen: body.countedCashFen - 15_000,
          closedAt: `${FRIDAY}T07:00:00Z`,
          closedBy: 'u0123456789',
          note: body.note ?? null,
        };
        return {
          statusCode: 201,
          data: { stationId: station.id, stationCode: station.code, villageName: '土桥村', date: FRIDAY, totals: ledgerOf().totals, close },
        };
      },
    });
  }

  it('asks for a note when there is a variance, shows the figures, warns before the closing time, and sends only on confirm', async () => {
    at('15:00');
    const posts: unknown[] = [];
    closeApi(posts);
    render(<CloseDayPage />);
    await waitFor(() => byId('close-early'));
    expect(byId('close-early').textContent).toBe('本站今天开到 18:00。现在日结，今天剩下的时间就不能再代缴费了。');
    typeInto('close-counted-input', '146');
    fireEvent.click(button('close-submit-button'));
    expect(exists('close-confirm')).toBe(false);
    expect(byId('close-note-input-error').textContent).toBe('有差额，请在备注里说明原因。');
    typeInto('close-note-input', '少了四元');
    fireEvent.click(button('close-submit-button'));
    expect(byId('close-confirm-expected').textContent).toBe('¥150.00');
    expect(byId('close-confirm-counted').textContent).toBe('¥146.00');
    expect(byId('close-confirm-variance').textContent).toBe('-¥4.00（少了 ¥4.00）');
    expect(byId('close-confirm-note').textContent).toBe('少了四元');
    expect(byId('close-confirm-early').textContent).toContain('18:00');
    // Looked at again: nothing was sent.
    fireEvent.click(button('close-confirm-cancel'));
    expect(exists('close-confirm')).toBe(false);
    expect(posts).toHaveLength(0);
    fireEvent.click(button('close-submit-button'));
    await act(async () => fireEvent.click(button('close-confirm-button')));
    await waitFor(() => byId('close-result'));
    expect(posts).toEqual([{ date: FRIDAY, countedCashFen: 14_600, note: '少了四元' }]);
  });

  it('needs no note when the cash adds up, and does not warn once the station has closed for the day', async () => {
    at('18:30');
    const posts: unknown[] = [];
    closeApi(posts);
    render(<CloseDayPage />);
    await waitFor(() => byId('close-expected'));
    // The station's hours are in (both answers settled) before anything is looked for.
    await act(async () => {});
    typeInto('close-counted-input', '150');
    fireEvent.click(button('close-submit-button'));
    expect(byId('close-confirm-variance').textContent).toBe('¥0.00（账实相符）');
    expect(exists('close-confirm-early')).toBe(false);
    expect(exists('close-early')).toBe(false);
    await act(async () => fireEvent.click(button('close-confirm-button')));
    await waitFor(() => byId('close-result'));
    expect(posts).toEqual([{ date: FRIDAY, countedCashFen: 15_000 }]);
  });
});

describe('day close, coming back', () => {
  it('keeps the counted cash typed while the totals are asked again', async () => {
    let reads = 0;
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${officerMe.station!.id}/ledger`]: () => {
        reads += 1;
        return ok(ledgerOf(reads > 1 ? { expectedCashFen: 16_000 } : {}));
      },
    });
    render(<CloseDayPage />);
    await waitFor(() => byId('close-expected'));
    typeInto('close-counted-input', '150');
    act(() => hidePages());
    act(() => showPages());
    expect(exists('close-loading')).toBe(false);
    await waitFor(() => expect(byId('close-expected').textContent).toBe('¥160.00'));
    expect(input('close-counted-input').value).toBe('150');
    expect(byId('close-variance-words').textContent).toBe('少了 ¥10.00');
  });
});

describe('ledger', () => {
  const entries = [
    {
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
    },
    {
      id: 'le2',
      kind: 'VOID',
      paymentId: paymentOf().id,
      receiptNo: paymentOf().receiptNo,
      billType: 'electricity',
      cashFen: -12_345,
      commissionFen: -50,
      at: '2026-11-29T05:00:00.000Z',
      officerId: 'u0123456789',
      reason: '户号错了',
    },
  ];

  it("lists a day's lines page by page, opens a receipt, and goes to an earlier day read-only", async () => {
    const today = chinaDate();
    const yesterday = shiftDate(today, -1);
    const asked: string[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${officerMe.station!.id}/ledger`]: (options: RequestOptions) => {
        const url = new URL(options.url, 'http://x');
        asked.push(`${url.searchParams.get('date')}|${url.searchParams.get('cursor') ?? ''}`);
        if (url.searchParams.get('date') === yesterday) {
          return ok({
            ...ledgerOf({}, 'CLOSED'),
            date: yesterday,
            close: { countedCashFen: 15_100, varianceFen: 100, closedAt: `${yesterday}T10:00:00Z`, closedBy: 'u0123456789', note: null },
          });
        }
        const cursor = url.searchParams.get('cursor');
        return ok({
          ...ledgerOf({ voidedFen: 12_345, voidCount: 1 }),
          date: today,
          items: cursor ? [entries[1]] : [entries[0]],
          nextCursor: cursor ? null : 'c1',
        });
      },
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<LedgerPage />);
    await waitFor(() => byId('ledger-entries'));
    expect(byId('ledger-status').textContent).toBe('未日结');
    expect(exists('ledger-read-only')).toBe(false);
    expect(byId('ledger-next').querySelector('.at-button--disabled')).not.toBeNull();
    expect(byId('ledger-voided').textContent).toBe('¥123.45');
    expect(byId(`ledger-payment-${paymentOf().id}-cash`).textContent).toBe('+¥123.45');
    expect(byId(`ledger-payment-${paymentOf().id}`).textContent).toContain('缴费 · 电费');
    await act(async () => fireEvent.click(button('ledger-entries-more')));
    await waitFor(() => byId(`ledger-void-${paymentOf().id}`));
    expect(byId(`ledger-void-${paymentOf().id}`).textContent).toContain('原因：户号错了');
    expect(byId(`ledger-void-${paymentOf().id}-cash`).textContent).toBe('-¥123.45');
    expect(exists('ledger-entries-more')).toBe(false);
    fireEvent.click(byId(`ledger-void-${paymentOf().id}`));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/receipt/pages/index/index?id=${paymentOf().id}` });

    await act(async () => fireEvent.click(button('ledger-prev')));
    await waitFor(() => expect(byId('ledger-status').textContent).toBe('已日结'));
    expect(byId('ledger-close').textContent).toBe('清点 ¥151.00，多了 ¥1.00');
    expect(exists('ledger-read-only')).toBe(true);
    expect(byId('ledger-entries-empty').textContent).toBe('这一天没有流水。');
    expect(asked).toEqual([`${today}|`, `${today}|c1`, `${yesterday}|`]);
    // A closed past day offers no close; today neither (the workbench has it).
    expect(exists('ledger-close-day')).toBe(false);
  });

  it('offers to close an earlier day nobody closed, on the close page for that day', async () => {
    const yesterday = shiftDate(chinaDate(), -1);
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${officerMe.station!.id}/ledger`]: ok({ ...ledgerOf(), date: yesterday }),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    setRouterParams({ date: yesterday });
    render(<LedgerPage />);
    await waitFor(() => byId('ledger-close-day'));
    fireEvent.click(button('ledger-close-day'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/officer/pages/close/index?date=${yesterday}` });
  });
});

describe('closed days', () => {
  it("lists the station's closes with their variance; a day opens its ledger", async () => {
    const reconciliation = (date: string, varianceFen: number) => ({
      stationId: officerMe.station!.id,
      stationCode: officerMe.station!.code,
      villageName: '土桥村',
      date,
      totals: ledgerOf().totals,
      close: { countedCashFen: 15_000 + varianceFen, varianceFen, closedAt: `${date}T10:00:00Z`, closedBy: 'u0123456789', note: null },
    });
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${officerMe.station!.id}/reconciliations`]: ok({
        items: [reconciliation('2026-11-28', -200), reconciliation('2026-11-27', 0)],
        nextCursor: null,
      }),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<ClosesPage />);
    await waitFor(() => byId('closes-list'));
    expect(byId('closes-2026-11-28-variance').textContent).toBe('少了 ¥2.00');
    expect(byId('closes-2026-11-27-variance').textContent).toBe('相符');
    expect(byId('closes-2026-11-28').textContent).toContain('应有 ¥150.00 · 清点 ¥148.00 · 1 笔');
    fireEvent.click(byId('closes-2026-11-28'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/officer/pages/ledger/index?date=2026-11-28' });
  });
});

describe('region closes (admins)', () => {
  it("asks for the stations that closed the day and shows each one's variance", async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const asked: string[] = [];
    const day = {
      stationId: officerMe.station!.id,
      stationCode: officerMe.station!.code,
      villageName: '土桥村',
      date: chinaDate(),
      status: 'CLOSED',
      totals: ledgerOf().totals,
      close: { countedCashFen: 15_123, varianceFen: 123, closedAt: '2026-11-29T10:00:00Z', closedBy: 'u0123456789', note: null },
    };
    routes({
      'GET /me': ok(adminMe),
      'GET /regions/63/reconciliations': (options: RequestOptions) => {
        asked.push(options.url);
        return ok({ items: [day], nextCursor: null });
      },
    });
    render(<ReconciliationsPage />);
    await waitFor(() => byId(`recon-${officerMe.station!.code}-variance`));
    expect(byId(`recon-${officerMe.station!.code}-variance`).textContent).toBe('多了 ¥1.23');
    expect(asked[0]).toContain('status=CLOSED');
  });

  const noSummary = { tookPayments: 0, closed: 0, unclosed: 0, withVariance: 0 };

  it('lists every station with its day on request: who has not closed yet, and who had no payment', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const asked: string[] = [];
    const base = { date: chinaDate(), totals: ledgerOf().totals, close: null };
    routes({
      'GET /me': ok(adminMe),
      'GET /regions/63/reconciliations': (options: RequestOptions) => {
        asked.push(options.url);
        if (options.url.includes('status=CLOSED')) return ok({ items: [], nextCursor: null, summary: noSummary });
        return ok({
          items: [
            { ...base, stationId: 'st1', stationCode: '630202002200', villageName: '七里店村', status: 'OPEN' },
            { ...base, stationId: 'st2', stationCode: '630202002201', villageName: '七里店东村', status: 'IDLE' },
          ],
          nextCursor: null,
          summary: noSummary,
        });
      },
    });
    render(<ReconciliationsPage />);
    await waitFor(() => byId('recon-empty'));
    fireEvent.click(button('recon-all-stations'));
    await waitFor(() => byId('recon-630202002200-status'));
    expect(asked[asked.length - 1]).not.toContain('status=');
    expect(byId('recon-630202002200-status').textContent).toBe('未日结');
    expect(byId('recon-630202002201-status').textContent).toBe('无缴费');
    expect(byId('recon-summary').textContent).toBe('已加载的 2 个站，其中 0 个已日结：少了的合计 ¥0.00，多了的合计 ¥0.00');
  });

  it('sums shortfalls and surpluses apart, over the stations loaded so far', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const closed = (code: string, varianceFen: number) => ({
      stationId: `st${code}`,
      stationCode: code,
      villageName: '土桥村',
      date: chinaDate(),
      status: 'CLOSED',
      totals: ledgerOf().totals,
      close: { countedCashFen: 15_000 + varianceFen, varianceFen, closedAt: '2026-11-29T10:00:00Z', closedBy: 'u0123456789', note: null },
    });
    routes({
      'GET /me': ok(adminMe),
      'GET /regions/63/reconciliations': ok({
        items: [closed('630202002214', -5_000), closed('630202002215', 5_000), closed('630202002216', 120)],
        nextCursor: 'c1',
        summary: noSummary,
      }),
    });
    render(<ReconciliationsPage />);
    await waitFor(() => byId('recon-summary'));
    expect(byId('recon-summary').textContent).toBe('已加载的 3 个站已日结：少了的合计 ¥50.00，多了的合计 ¥51.20（还有站没加载，合计只算已加载的）');
  });

  it('shows the whole region’s counts (not the page’s) and filters took-payments-not-closed and variance', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const asked: string[] = [];
    const summary = { tookPayments: 40, closed: 12, unclosed: 30, withVariance: 3 };
    const open = {
      date: chinaDate(),
      totals: ledgerOf().totals,
      close: null,
      stationId: 'st1',
      stationCode: '630202002200',
      villageName: '七里店村',
      status: 'OPEN',
    };
    routes({
      'GET /me': ok(adminMe),
      'GET /regions/63/reconciliations': (options: RequestOptions) => {
        asked.push(options.url);
        return ok({ items: options.url.includes('status=UNCLOSED') ? [open] : [], nextCursor: null, summary });
      },
    });
    render(<ReconciliationsPage />);
    await waitFor(() => byId('recon-region-summary'));
    expect(byId('recon-region-summary').textContent).toBe('青海省全辖区：40 个站收过款，12 个已日结，30 个收款未日结，3 个有差额。');
    fireEvent.click(button('recon-unclosed'));
    await waitFor(() => byId('recon-630202002200-status'));
    expect(asked[asked.length - 1]).toContain('status=UNCLOSED');
    fireEvent.click(button('recon-variance'));
    await waitFor(() => expect(asked[asked.length - 1]).toContain('status=VARIANCE'));
  });
});
