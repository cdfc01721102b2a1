import { createHash } from 'node:crypto';
import { BILL_TYPES, type BillType, type Payment, type PaymentFailureCode, type PaymentStatus } from '../../../shared';
import { maskPhone } from '../stations/station';
import type { Page, PageRequest } from '../page';
import { maskAccountNo } from './masks';

/**
 * A payment as stored. The full account number and payer phone stay here; every view masks them.
 *
 *   PROCESSING ──provider SUCCEEDED──> SUCCEEDED ──void (day open)──> VOIDING ──provider cancelled──> VOIDED
 *        │                                  ^                          │
 *        │                                  └──provider refused────────┘
 *        └──provider DECLINED / never charged (and cancelled there)──> FAILED
 *
 * Each arrow is one DynamoDB transaction conditional on the status it leaves, so a payment settles
 * exactly once however many requests, settler runs or retries race for it.
 */
export interface PaymentRecord {
  id: string;
  receiptNo: string;
  status: PaymentStatus;
  stationId: string;
  stationCode: string;
  stationVillageCode: string;
  stationVillageName: string;
  officerId: string;
  officerName: string | null;
  billType: BillType;
  accountNo: string;
  holderNameMasked: string | null;
  amountFen: number;
  commissionFen: number;
  cashReceivedFen: number;
  householdId: string | null;
  payerPhone: string | null;
  createdAt: string;
  /** The Asia/Shanghai business day the cash was taken (its daily limit, its payments list). */
  businessDate: string;
  settledAt: string | null;
  /** The business day whose ledger holds its PAYMENT entry: the day it settled (set when it succeeds). */
  ledgerDate: string | null;
  providerRef: string | null;
  failureCode: PaymentFailureCode | null;
  voided: { reason: string; at: string; by: string } | null;
  /** While VOIDING: the void asked for, recorded as `voided` once the provider has cancelled. */
  voidRequest?: { reason: string; at: string; by: string } | null;
  /** How often the settler asked the provider about it. */
  statusChecks: number;
  /** Taken through the sandbox (pays nobody). Absent on payments recorded before it was stored: the sandbox was then the only provider. */
  sandbox?: boolean;
}

export type StartResult = { kind: 'started' } | { kind: 'exists'; payment: PaymentRecord };

/**
 * Where payments are kept (functions/data implements it). Each transition is one transaction,
 * conditional on the state it leaves; a `false` answer means someone else moved the payment first.
 */
export interface PaymentRepository {
  /** How many partitions the pending markers are spread over (`listPending({ shard })` for each). */
  readonly pendingShards: number;
  /** Records a new PROCESSING payment and reserves its amount on the day; throws DAY_CLOSED / LIMIT_EXCEEDED. */
  start(payment: PaymentRecord, perDayMaxFen: number): Promise<StartResult>;
  /** PROCESSING -> SUCCEEDED with its ledger entry on `ledgerDate` (the business day it settles on). */
  succeed(payment: PaymentRecord, providerRef: string, at: string, ledgerDate: string): Promise<boolean>;
  /** PROCESSING -> FAILED, releasing the amount it held on the day's limit. */
  fail(payment: PaymentRecord, failureCode: PaymentFailureCode, at: string): Promise<boolean>;
  /** The settler asked and the provider does not know yet. */
  recordStatusCheck(paymentId: string, at: string): Promise<void>;
  /** SUCCEEDED -> VOIDING before the provider is asked to cancel; throws CONFLICT / DAY_CLOSED. */
  beginVoid(payment: PaymentRecord, request: { reason: string; at: string; by: string }): Promise<void>;
  /** VOIDING -> VOIDED with a VOID entry on the payment's ledger day. */
  completeVoid(payment: PaymentRecord): Promise<boolean>;
  /** VOIDING -> SUCCEEDED: the provider refused to cancel. */
  abandonVoid(payment: PaymentRecord): Promise<boolean>;
  get(paymentId: string): Promise<PaymentRecord | null>;
  /** A station's payments taken on one business day, newest first. */
  listStationDay(stationId: string, date: string, page: PageRequest): Promise<Page<PaymentRecord>>;
  /** A household's payments, newest first. */
  listHousehold(householdId: string, page: PageRequest): Promise<Page<PaymentRecord>>;
  /** Ids of payments in flight (PROCESSING, VOIDING): of one station (oldest first), or of one shard of all stations'. */
  listPending(options: ({ stationId: string } | { shard: number }) & PageRequest): Promise<{ paymentIds: string[]; nextCursor: string | null }>;
}

/** In words, for the receipt and the officer (the mini-program shows its own translation of the code). */
export const FAILURE_MESSAGES: Record<PaymentFailureCode, string> = {
  ACCOUNT_CLOSED: 'The provider declined: this account is closed',
  AMOUNT_MISMATCH: 'The provider declined: the amount does not match the bill',
  PROVIDER_REFUSED: 'The provider declined the payment',
  NOT_CHARGED: 'The provider never received the payment; nothing was charged',
};

/**
 * One payment per (caller, Idempotency-Key, request): a request that takes over a dead holder's key
 * reaches the same payment id, and so does the provider, which uses it as its own idempotency
 * reference.
 */
export function paymentIdFor(callerId: string, key: string, requestHash: string): string {
  return 'pm' + createHash('sha256').update(`${callerId}\n${key}\n${requestHash}`).digest('hex').slice(0, 24);
}

/** YN-20261129-7F3A9C1B: the business day and a part of the id, short enough to read out. */
export const receiptNoFor = (paymentId: string, businessDate: string) =>
  `YN-${businessDate.replaceAll('-', '')}-${paymentId.slice(2, 10).toUpperCase()}`;

export const commissionFor = (billType: BillType) => BILL_TYPES[billType].commissionFen;

export function toPaymentView(record: PaymentRecord): Payment {
  return {
    id: record.id,
    receiptNo: record.receiptNo,
    status: record.status,
    station: { id: record.stationId, code: record.stationCode, villageName: record.stationVillageName },
    officer: { id: record.officerId, name: record.officerName },
    billType: record.billType,
    accountNoMasked: maskAccountNo(record.accountNo),
    holderNameMasked: record.holderNameMasked,
    amountFen: record.amountFen,
    commissionFen: record.commissionFen,
    cashReceivedFen: record.cashReceivedFen,
    changeFen: record.cashReceivedFen - record.amountFen,
    householdId: record.householdId,
    payerPhoneMasked: record.payerPhone ? maskPhone(record.payerPhone) : null,
    createdAt: record.createdAt,
    businessDate: record.businessDate,
    settledAt: record.settledAt,
    ledgerDate: record.ledgerDate ?? null,
    failure: record.failureCode ? { code: record.failureCode, message: FAILURE_MESSAGES[record.failureCode] } : null,
    voided: record.voided,
    sandbox: record.sandbox ?? true,
  };
}

/** A household member's view of a payment: staff user ids stay with the staff (AZ5). */
export function toHouseholdPaymentView(record: PaymentRecord): Payment {
  const view = toPaymentView(record);
  return { ...view, officer: { id: null, name: view.officer.name }, voided: view.voided ? { ...view.voided, by: null } : null };
}
