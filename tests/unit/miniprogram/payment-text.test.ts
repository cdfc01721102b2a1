/** @jest-environment jsdom */
/**
 * Payments in words: statuses (VOIDING is a wait, not a pending payment), the refusals of
 * `POST /payments` (under a type's minimum is a 400, over it a 429), ledger lines.
 */
import { PAYMENT_STATUSES } from '../../../shared/schemas/payments';
import { ApiError } from '../../../miniprogram/src/services/api';
import { isCancelled } from '../../../miniprogram/src/services/errors';
import {
  isAwaitingProvider,
  ledgerEntryTitle,
  paymentErrorText,
  paymentExplanation,
  paymentStatusText,
  paymentStatusTone,
  signedFen,
} from '../../../miniprogram/src/services/payment-text';
import { billTypes } from './fixtures';

const apiError = (status: number, code: string, details: Array<{ path: string; message: string; code?: string }> = []) =>
  new ApiError({ status, code, message: code, details });

describe('payment statuses', () => {
  it('names every status of the contract, each differently', () => {
    const names = PAYMENT_STATUSES.map(paymentStatusText);
    expect(new Set(names).size).toBe(PAYMENT_STATUSES.length);
    expect(paymentStatusText('VOIDING')).toBe('作废处理中');
  });

  it('shows a void waiting for the provider as a wait, with what to do meanwhile', () => {
    expect(paymentStatusTone('VOIDING')).toBe('accent');
    expect(paymentStatusTone('PROCESSING')).toBe('accent');
    expect(paymentStatusTone('VOIDED')).toBe('muted');
    expect(isAwaitingProvider('VOIDING')).toBe(true);
    expect(isAwaitingProvider('SUCCEEDED')).toBe(false);
    expect(paymentExplanation({ status: 'VOIDING', failure: null, voided: null })).toContain('撤销成功（状态变成“已作废”）后再把现金退还村民');
    expect(paymentExplanation({ status: 'VOIDED', failure: null, voided: { reason: '户号错了', at: '2026-11-29T05:00:00Z', by: null } })).toContain(
      '户号错了',
    );
    expect(paymentExplanation({ status: 'SUCCEEDED', failure: null, voided: null })).toBeNull();
  });
});

describe('paymentErrorText: amounts out of the bill type’s range', () => {
  it('says an amount under the minimum (400) with the range', () => {
    const error = apiError(400, 'VALIDATION_FAILED', [{ path: 'body.amountFen', message: 'between 1000 and 50000', code: 'bill_type_range' }]);
    expect(paymentErrorText(error, billTypes.stationLimits)).toBe('金额低于这个项目的最低金额，没有缴费。每笔可缴 ¥10.00 到 ¥500.00。');
  });

  it('says an amount over the maximum (429) with the range', () => {
    const error = apiError(429, 'LIMIT_EXCEEDED', [{ path: 'body.amountFen', message: 'between 1000 and 50000', code: 'bill_type_range' }]);
    expect(paymentErrorText(error, billTypes.stationLimits)).toBe('金额超过了这个项目的上限，没有缴费。每笔可缴 ¥10.00 到 ¥500.00。');
  });

  it('still says which without the numbers, and leaves other validation errors generic', () => {
    expect(paymentErrorText(apiError(400, 'VALIDATION_FAILED', [{ path: 'body.amountFen', message: 'too small', code: 'bill_type_range' }]))).toBe(
      '金额低于这个项目的最低金额，没有缴费。',
    );
    expect(paymentErrorText(apiError(400, 'VALIDATION_FAILED', [{ path: 'body.accountNo', message: 'is required', code: 'missing' }]))).toBe(
      '填写的信息有误，请检查后再试。',
    );
  });
});

describe('ledger lines', () => {
  it('signs the cash and names the line', () => {
    expect(signedFen(12_345)).toBe('+¥123.45');
    expect(signedFen(-12_345)).toBe('-¥123.45');
    expect(signedFen(0)).toBe('¥0.00');
    expect(ledgerEntryTitle({ kind: 'PAYMENT', billType: 'electricity' })).toBe('缴费 · 电费');
    expect(ledgerEntryTitle({ kind: 'VOID', billType: 'phone' })).toBe('作废 · 话费充值');
  });
});

describe('isCancelled', () => {
  it("reads WeChat's errMsg: closing the share sheet is not a failure", () => {
    expect(isCancelled({ errMsg: 'showShareImageMenu:fail cancel' })).toBe(true);
    expect(isCancelled(new Error('canvasToTempFilePath:fail cancel'))).toBe(true);
    expect(isCancelled({ errMsg: 'showShareImageMenu:fail auth deny' })).toBe(false);
    expect(isCancelled(new Error('canvas not found'))).toBe(false);
    expect(isCancelled(undefined)).toBe(false);
  });
});
