import { requestHashOf } from '../../../functions/domain/idempotency';
import { paymentIdFor, receiptNoFor, toHouseholdPaymentView, toPaymentView, type PaymentRecord } from '../../../functions/domain/payments/payment';

const record: PaymentRecord = {
  id: 'pm0123456789abcdef01234567',
  receiptNo: 'YN-20261130-01234567',
  status: 'VOIDED',
  stationId: 'st1',
  stationCode: '630202002214',
  stationVillageCode: '630202002214',
  stationVillageName: '土桥村',
  officerId: 'u-officer',
  officerName: '才让',
  billType: 'electricity',
  accountNo: '4401234567',
  holderNameMasked: '张*明',
  amountFen: 8_750,
  commissionFen: 50,
  cashReceivedFen: 10_000,
  householdId: 'hh1',
  payerPhone: '13912345678',
  createdAt: '2026-11-29T17:00:00.000Z',
  businessDate: '2026-11-30',
  settledAt: '2026-11-29T17:00:01.000Z',
  ledgerDate: '2026-11-30',
  providerRef: 'SBX1',
  failureCode: null,
  voided: { reason: '户号输错', at: '2026-11-29T17:05:00.000Z', by: 'u-officer' },
  statusChecks: 0,
};

describe('payment identity', () => {
  it('hashes a request the same whatever its key order, and differently for another body', () => {
    const a = requestHashOf('createPayment', { stationId: 's', amountFen: 100, billType: 'phone' });
    expect(requestHashOf('createPayment', { billType: 'phone', amountFen: 100, stationId: 's' })).toBe(a);
    expect(requestHashOf('createPayment', { billType: 'phone', amountFen: 101, stationId: 's' })).not.toBe(a);
  });

  it('derives one payment id per caller, key and request: a takeover reaches the same payment, another caller another', () => {
    const id = paymentIdFor('u1', 'key-1', 'hash');
    expect(id).toMatch(/^pm[0-9a-f]{24}$/);
    expect(paymentIdFor('u1', 'key-1', 'hash')).toBe(id);
    expect(paymentIdFor('u2', 'key-1', 'hash')).not.toBe(id);
    expect(paymentIdFor('u1', 'key-2', 'hash')).not.toBe(id);
  });

  it('numbers receipts by business day and payment id', () => {
    expect(receiptNoFor('pm7f3a9c1b00000000000000aa', '2026-11-30')).toBe('YN-20261130-7F3A9C1B');
  });
});

describe('payment views (AZ5)', () => {
  it('masks the account and the payer phone, and computes the change', () => {
    const view = toPaymentView(record);
    expect(view).toMatchObject({
      accountNoMasked: '******4567',
      payerPhoneMasked: '139****5678',
      changeFen: 1_250,
      officer: { id: 'u-officer', name: '才让' },
    });
    expect(JSON.stringify(view)).not.toMatch(/4401234567|13912345678/);
  });

  it('gives a household member no staff user ids', () => {
    const view = toHouseholdPaymentView(record);
    expect(view.officer).toEqual({ id: null, name: '才让' });
    expect(view.voided).toEqual({ reason: '户号输错', at: '2026-11-29T17:05:00.000Z', by: null });
    expect(JSON.stringify(view)).not.toContain('u-officer');
  });
});
