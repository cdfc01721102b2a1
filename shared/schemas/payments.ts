import * as z from 'zod/mini';
import { BILL_TYPE_KEYS, type BillType } from '../bill-types';
import { cursor, freeText, pageLimit } from './common';

export { BILL_TYPES, BILL_TYPE_KEYS, STATION_LIMITS, type AccountKind, type BillType } from '../bill-types';

export const billType = z.enum(BILL_TYPE_KEYS as [BillType, ...BillType[]]);
/** 户号: the provider's account number for this household and bill type. */
export const accountNo = z.string().check(z.regex(/^[0-9A-Za-z-]{4,32}$/, 'must be 4-32 letters, digits or dashes'));

/**
 * What pays the bills in this stage. `sandbox`: a demonstration provider that takes the cash and
 * prints receipts but pays nobody, so every receipt and workbench screen says 演示 (not a real
 * payment). `none`: no provider configured (prod refuses the sandbox): payments answer 503
 * PROVIDER_NOT_CONFIGURED.
 */
export const BILL_PROVIDER_MODES = ['sandbox', 'none'] as const;
export type BillProviderMode = (typeof BILL_PROVIDER_MODES)[number];
export const BillProviderInfo = z.object({ mode: z.enum(BILL_PROVIDER_MODES) });

export const BillTypesResponse = z.object({
  items: z.array(
    z.object({
      billType,
      kind: z.enum(['postpaid', 'prepaid']),
      accountKind: z.enum(['account', 'phone']),
      minFen: z.number(),
      maxFen: z.number(),
      commissionFen: z.number(),
    }),
  ),
  stationLimits: z.object({ perPaymentMaxFen: z.number(), perDayMaxFen: z.number() }),
  provider: BillProviderInfo,
});

/** The account as typed, or the one saved in a household's bill book for that bill type. */
export const BillLookupRequest = z.strictObject({
  billType,
  accountNo: z.optional(accountNo),
  householdId: z.optional(z.string().check(z.regex(/^hh[0-9a-f]{24}$/, 'must be a household id'))),
});
export type BillLookupRequest = z.infer<typeof BillLookupRequest>;

export const BillLookupResponse = z.object({
  billType,
  /** The account as given, with all but its last four characters masked. */
  accountNoMasked: z.string(),
  /** e.g. 张*明: enough for the villager to recognise, not to identify. */
  holderNameMasked: z.string(),
  /** Postpaid: what must be paid now (0 when nothing is due). Prepaid: null. */
  amountDueFen: z.nullable(z.int()),
});
export type BillLookupResponse = z.infer<typeof BillLookupResponse>;

// ───────────────────────────── payments ─────────────────────────────

/** `Idempotency-Key` header of money-moving POSTs: 1-64 chars of [A-Za-z0-9_-], scoped to the caller. */
export const idempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'));

/** Integer fen, positive; the per-type and station limits are checked by the domain (429 LIMIT_EXCEEDED). */
export const amountFen = z.int().check(z.gte(1), z.lte(100_000_000));

/** A calendar day in Asia/Shanghai (the business day of ledgers, limits and closes). */
export const businessDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  z.refine((value) => {
    const at = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
  }, 'must be a real calendar date'),
);

export const paymentId = z.string().check(z.regex(/^pm[0-9a-f]{24}$/, 'must be a payment id'));
export const householdId = z.string().check(z.regex(/^hh[0-9a-f]{24}$/, 'must be a household id'));
/** A mainland mobile number. Stored, never answered in full. */
export const mobilePhone = z.string().check(z.regex(/^1[3-9]\d{9}$/, 'must be an 11-digit mobile number'));

/** VOIDING: a void asked the provider to cancel and has not recorded its answer yet (the settler finishes it). */
export const PAYMENT_STATUSES = ['PROCESSING', 'SUCCEEDED', 'FAILED', 'VOIDING', 'VOIDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Why a payment failed: the mini-program says each in words. */
export const PAYMENT_FAILURE_CODES = ['ACCOUNT_CLOSED', 'AMOUNT_MISMATCH', 'PROVIDER_REFUSED', 'NOT_CHARGED'] as const;
export type PaymentFailureCode = (typeof PAYMENT_FAILURE_CODES)[number];

/**
 * A new payment. The account comes either as `accountNo`, or from the household's bill book
 * (`householdId` without `accountNo`). Amounts, commissions and the holder's name come from the
 * server; `cashReceivedFen` is what the villager handed over (the change is computed).
 */
export const PaymentCreateRequest = z.strictObject({
  stationId: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be an opaque station id')),
  billType,
  accountNo: z.optional(accountNo),
  householdId: z.optional(householdId),
  amountFen,
  cashReceivedFen: z.optional(amountFen),
  /** A villager served by phone only (no registered household). */
  payerPhone: z.optional(mobilePhone),
  method: z.literal('cash'),
});
export type PaymentCreateRequest = z.infer<typeof PaymentCreateRequest>;

export const IdempotencyHeaders = z.object({ 'idempotency-key': z.optional(idempotencyKey) });

export const PaymentParams = z.strictObject({ paymentId });

export const Payment = z.object({
  id: z.string(),
  /** Printed on the receipt: YN-<business date>-<8 chars>. */
  receiptNo: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  station: z.object({ id: z.string(), code: z.string(), villageName: z.string() }),
  /** `id` (and `voided.by`) only for the station's officers and admins: a villager sees the name alone. */
  officer: z.object({ id: z.nullable(z.string()), name: z.nullable(z.string()) }),
  billType,
  accountNoMasked: z.string(),
  holderNameMasked: z.nullable(z.string()),
  amountFen: z.int(),
  commissionFen: z.int(),
  cashReceivedFen: z.int(),
  changeFen: z.int(),
  householdId: z.nullable(z.string()),
  payerPhoneMasked: z.nullable(z.string()),
  createdAt: z.string(),
  /** The Asia/Shanghai business day the payment was taken (daily limit, the day's payments list). */
  businessDate: z.string(),
  settledAt: z.nullable(z.string()),
  /**
   * The business day whose ledger holds its entry: the day it settled. The same as `businessDate`
   * unless the provider answered after midnight. Null until it succeeds.
   */
  ledgerDate: z.nullable(z.string()),
  failure: z.nullable(z.object({ code: z.enum(PAYMENT_FAILURE_CODES), message: z.string() })),
  voided: z.nullable(z.object({ reason: z.string(), at: z.string(), by: z.nullable(z.string()) })),
  /** Taken through the sandbox provider: not a real payment, and the receipt says so (演示). */
  sandbox: z.boolean(),
});
export type Payment = z.infer<typeof Payment>;

export const PaymentPage = z.object({ items: z.array(Payment), nextCursor: z.nullable(z.string()) });

export const VoidRequest = z.strictObject({ reason: freeText(2, 200) });

/** `status=PROCESSING`: the station's pending payments of every day; otherwise one day's payments. */
export const StationPaymentsQuery = z.strictObject({
  date: z.optional(businessDate),
  status: z.optional(z.literal('PROCESSING')),
  limit: pageLimit,
  cursor: z.optional(cursor),
});

// ───────────────────────────── ledger and day close ─────────────────────────────

export const LedgerQuery = z.strictObject({ date: z.optional(businessDate), limit: pageLimit, cursor: z.optional(cursor) });

export const LEDGER_ENTRY_KINDS = ['PAYMENT', 'VOID'] as const;

/** A ledger line: cash into the drawer for a payment, or back out for a void (never edited or deleted). */
export const LedgerEntry = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_ENTRY_KINDS),
  paymentId: z.string(),
  receiptNo: z.string(),
  billType,
  /** Signed: + cash in, − cash returned. */
  cashFen: z.int(),
  commissionFen: z.int(),
  at: z.string(),
  officerId: z.string(),
  reason: z.nullable(z.string()),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const DayTotals = z.object({
  cashInFen: z.int(),
  voidedFen: z.int(),
  /** cash in − voids: what the drawer should hold from this day's payments. */
  expectedCashFen: z.int(),
  commissionFen: z.int(),
  commissionByBillType: z.record(z.string(), z.int()),
  paymentCount: z.int(),
  voidCount: z.int(),
  /** Payments still waiting for the provider: the day cannot close while this is above 0. */
  processingCount: z.int(),
  /** Counted against the station's daily limit (processing and succeeded payments). */
  limitUsedFen: z.int(),
});

export const DayClose = z.object({
  countedCashFen: z.int(),
  /** counted − expected: negative means cash is missing. */
  varianceFen: z.int(),
  closedAt: z.string(),
  closedBy: z.string(),
  note: z.nullable(z.string()),
});

/**
 * The station's non-cash day (marketplace orders paid by WeChat Pay), kept apart from the cash drawer:
 * a callback at any hour moves it, never a closed cash day. Refunds: successes that arrived after their
 * order was released, sent back automatically.
 */
export const NonCashTotals = z.object({
  paidCount: z.int(),
  paidFen: z.int(),
  refundCount: z.int(),
  refundedFen: z.int(),
});
export type NonCashTotals = z.infer<typeof NonCashTotals>;

export const LedgerResponse = z.object({
  stationId: z.string(),
  date: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  totals: DayTotals,
  nonCash: NonCashTotals,
  close: z.nullable(DayClose),
  items: z.array(LedgerEntry),
  nextCursor: z.nullable(z.string()),
});
export type LedgerResponse = z.infer<typeof LedgerResponse>;

export const CloseDayRequest = z.strictObject({
  date: businessDate,
  countedCashFen: z.int().check(z.gte(0), z.lte(1_000_000_000)),
  note: z.optional(freeText(0, 200)),
});

export const Reconciliation = z.object({
  stationId: z.string(),
  stationCode: z.string(),
  villageName: z.string(),
  date: z.string(),
  totals: DayTotals,
  close: DayClose,
});
export type Reconciliation = z.infer<typeof Reconciliation>;
export const ReconciliationPage = z.object({ items: z.array(Reconciliation), nextCursor: z.nullable(z.string()) });

/**
 * Without `status`, every station; `CLOSED`: the stations that closed that day; `UNCLOSED`: those that
 * took payments and have not closed; `VARIANCE`: those that closed with a variance (one Query each).
 */
export const REGION_DAY_FILTERS = ['CLOSED', 'UNCLOSED', 'VARIANCE'] as const;
export const RegionReconciliationsQuery = z.strictObject({
  date: businessDate,
  status: z.optional(z.enum(REGION_DAY_FILTERS)),
  limit: pageLimit,
  cursor: z.optional(cursor),
});

/**
 * One station's business day as a supervising admin sees it: CLOSED (with its close and variance),
 * OPEN (payments taken, not closed yet) or IDLE (no payment that day, not closed).
 */
export const StationDay = z.object({
  stationId: z.string(),
  stationCode: z.string(),
  villageName: z.string(),
  date: z.string(),
  status: z.enum(['CLOSED', 'OPEN', 'IDLE']),
  totals: DayTotals,
  close: z.nullable(DayClose),
});
export type StationDay = z.infer<typeof StationDay>;
/** Every station of the region in division-code order, a page at a time, each with its day. */
/** The whole region's day, whatever page is shown: kept as counters, never summed from a page. */
export const RegionDaySummary = z.object({
  tookPayments: z.int(),
  closed: z.int(),
  /** Took payments and not closed yet. */
  unclosed: z.int(),
  withVariance: z.int(),
});
export type RegionDaySummary = z.infer<typeof RegionDaySummary>;
export const RegionDaysPage = z.object({ items: z.array(StationDay), nextCursor: z.nullable(z.string()), summary: RegionDaySummary });
export type RegionDaysPage = z.infer<typeof RegionDaysPage>;
export type RegionDayFilter = (typeof REGION_DAY_FILTERS)[number];
