import type { LoginResponse, MeResponse, UserProfile } from '../../../shared/schemas/accounts';
import type { StationProfile } from '../../../shared/schemas/stations';

/** 土桥村 (碾伯镇, 乐都区, 海东市): shaped like the API's answer. */
export const station: StationProfile = {
  id: 'st0123456789abcdef0123',
  code: '630202002214',
  villageName: '土桥村',
  villageOfficialName: '土桥村村委会',
  villageCode: '630202002214',
  villageKind: 'village',
  areaType: 'farming',
  type: 'standard',
  regionChain: [
    { code: '63', name: '青海省', level: 'province' },
    { code: '6302', name: '海东市', level: 'prefecture' },
    { code: '630202', name: '乐都区', level: 'county' },
    { code: '630202002', name: '碾伯镇', level: 'township' },
  ],
  services: [
    { key: 'information', available: true },
    { key: 'convenience', available: true },
    { key: 'ecommerce', available: false },
    { key: 'training', available: true },
  ],
  capabilities: { billPayment: true, cashWithdrawal: true, parcelPickup: false, produceSelling: false, training: true },
  openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }],
  openNow: null,
  location: null,
  officerName: null,
  phoneMasked: null,
};

export function errorBody(code: string, message = code, requestId = 'req-123') {
  return { error: { code, message, requestId } };
}

/** What POST /auth/login answers: user `u0123456789` with `fields`, valid for an hour unless given. */
export function loginAnswer(
  fields: Partial<Omit<UserProfile, 'id'>> = {},
  expiresAt = new Date(Date.now() + 3_600_000).toISOString(),
  token = 'token-abc',
): LoginResponse {
  return { token, expiresAt, user: { id: 'u0123456789', role: 'villager', ...fields } };
}

/** GET /me for the officer of 土桥村. */
export const officerMe: MeResponse = {
  user: { id: 'u0123456789', role: 'officer', stationId: station.id, name: '土桥村信息员' },
  station: { id: station.id, code: station.code, villageName: '土桥村', regionNames: ['青海省', '海东市', '乐都区', '碾伯镇'] },
};

/** GET /me for the province admin. */
export const adminMe: MeResponse = {
  user: { id: 'uadmin000001', role: 'province_admin', regionCode: '63', name: '青海省管理员' },
  region: { code: '63', name: '青海省', level: 'province' },
};

/** GET /me for a villager without a name. */
export const villagerMe: MeResponse = { user: { id: 'u0123456789', role: 'villager' } };

// ───────────────────────────── convenience payments ─────────────────────────────
import type { Household } from '../../../shared/schemas/households';
import type { LedgerResponse, Payment } from '../../../shared/schemas/payments';
import type { BillTypesAnswer } from '../../../miniprogram/src/services/api';

/** GET /bill-types as the API answers it (shared/schemas/payments.ts BILL_TYPES, STATION_LIMITS). */
export const billTypes: BillTypesAnswer = {
  items: [
    { billType: 'electricity', kind: 'postpaid', accountKind: 'account', minFen: 1, maxFen: 500_000, commissionFen: 50 },
    { billType: 'water', kind: 'postpaid', accountKind: 'account', minFen: 1, maxFen: 200_000, commissionFen: 50 },
    { billType: 'broadband', kind: 'postpaid', accountKind: 'account', minFen: 1, maxFen: 200_000, commissionFen: 50 },
    { billType: 'phone', kind: 'prepaid', accountKind: 'phone', minFen: 1_000, maxFen: 50_000, commissionFen: 30 },
    { billType: 'social_insurance', kind: 'prepaid', accountKind: 'account', minFen: 10_000, maxFen: 600_000, commissionFen: 0 },
  ],
  stationLimits: { perPaymentMaxFen: 600_000, perDayMaxFen: 5_000_000 },
  // The local stage pays with the sandbox.
  provider: { mode: 'sandbox' },
};

export const household: Household = {
  id: 'hh0123456789abcdef01234567',
  stationId: station.id,
  headName: '张三',
  phoneMasked: '138****0000',
  members: [{ name: '李四', relation: null }],
  consent: { at: '2026-11-29T02:00:00.000Z', by: { name: '土桥村信息员', role: 'officer', idTail: '6789', you: false } },
  billBook: [{ billType: 'water', accountNoMasked: '******5678', savedAt: '2026-11-29T02:00:00.000Z' }],
  linkedUserCount: 0,
  createdAt: '2026-11-29T02:00:00.000Z',
};

export function paymentOf(fields: Partial<Payment> = {}): Payment {
  return {
    id: 'pm0123456789abcdef01234567',
    receiptNo: 'YN-20261129-01234567',
    status: 'SUCCEEDED',
    station: { id: station.id, code: station.code, villageName: '土桥村' },
    officer: { id: 'u0123456789', name: '土桥村信息员' },
    billType: 'electricity',
    accountNoMasked: '******4567',
    holderNameMasked: '张*明',
    amountFen: 12_345,
    commissionFen: 50,
    cashReceivedFen: 15_000,
    changeFen: 2_655,
    householdId: null,
    payerPhoneMasked: null,
    createdAt: '2026-11-29T03:04:05.000Z',
    businessDate: '2026-11-29',
    settledAt: '2026-11-29T03:04:06.000Z',
    ledgerDate: '2026-11-29',
    failure: null,
    voided: null,
    // Taken in the local stage, through the sandbox.
    sandbox: true,
    ...fields,
  };
}

export function ledgerOf(fields: Partial<LedgerResponse['totals']> = {}, status: 'OPEN' | 'CLOSED' = 'OPEN'): LedgerResponse {
  return {
    stationId: station.id,
    date: '2026-11-29',
    status,
    totals: {
      cashInFen: 15_000,
      voidedFen: 0,
      expectedCashFen: 15_000,
      commissionFen: 50,
      commissionByBillType: { electricity: 50 },
      paymentCount: 1,
      voidCount: 0,
      processingCount: 0,
      limitUsedFen: 12_345,
      ...fields,
    },
    nonCash: { paidCount: 0, paidFen: 0, refundCount: 0, refundedFen: 0 },
    close: null,
    items: [],
    nextCursor: null,
  };
}
