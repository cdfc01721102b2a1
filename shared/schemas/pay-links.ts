/**
 * Remote pay links (远程代付, issue 14): instead of taking cash, the officer creates a payment request for
 * a bill; a family member elsewhere opens its link (an unguessable token), sees what they pay for and
 * pays with WeChat Pay; the bill is paid once the provider's signed notification has arrived.
 */
import * as z from 'zod/mini';
import { accountNo, amountFen, billType, businessDate, householdId, mobilePhone } from './payments';
import { stationId } from './stations';

/**
 *   OPEN ──WeChat Pay success (signed notification, or the settler's query)──> FUNDED ──bill paid──> PAID
 *     │                                                                           └──bill declined──> BILL_FAILED
 *     └──24 h without payment (the provider order closed first)──> EXPIRED
 */
export const PAY_REQUEST_STATUSES = ['OPEN', 'FUNDED', 'PAID', 'BILL_FAILED', 'EXPIRED'] as const;
export type PayRequestStatus = (typeof PAY_REQUEST_STATUSES)[number];

/** How long a link can be paid. */
export const PAY_REQUEST_TTL_HOURS = 24;

export const payRequestId = z.string().check(z.regex(/^pq[0-9a-f]{24}$/, 'must be a payment request id'));
/** 32 random bytes, base64url: the link's only credential. */
export const payLinkToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a pay link token'));

export const PayRequestCreateRequest = z.strictObject({
  billType,
  accountNo: z.optional(accountNo),
  householdId: z.optional(householdId),
  amountFen,
  /** A villager served by phone only (no registered household). */
  payerPhone: z.optional(mobilePhone),
});
export type PayRequestCreateRequest = z.infer<typeof PayRequestCreateRequest>;

export const StationPayRequestParams = z.strictObject({ stationId });
export const PayRequestParams = z.strictObject({ payRequestId });
export const PayLinkParams = z.strictObject({ token: payLinkToken });

const what = {
  billType,
  accountNoMasked: z.string(),
  holderNameMasked: z.nullable(z.string()),
  amountFen: z.int(),
  station: z.object({ code: z.string(), villageName: z.string() }),
  expiresAt: z.string(),
};

/** The station's view: the link to send, and where the money went. */
export const PayRequest = z.object({
  id: z.string(),
  status: z.enum(PAY_REQUEST_STATUSES),
  ...what,
  stationId: z.string(),
  createdAt: z.string(),
  paidAt: z.nullable(z.string()),
  /** The business day of the station's non-cash ledger that holds its line (once PAID). */
  ledgerDate: z.nullable(z.string()),
  /** The page the payer opens (mini-program path; on H5 after `#/`) carrying the token. */
  link: z.object({ token: z.string(), path: z.string() }),
  sandbox: z.boolean(),
});
export type PayRequest = z.infer<typeof PayRequest>;

/** The payer's view: what they pay for, nothing that names the household or the officer. */
export const PayLinkView = z.object({ status: z.enum(PAY_REQUEST_STATUSES), ...what, sandbox: z.boolean() });
export type PayLinkView = z.infer<typeof PayLinkView>;

export const NonCashLedgerQuery = z.strictObject({ date: z.optional(businessDate) });
export const NonCashLedgerEntry = z.object({
  /** `order_paid` (marketplace), `bill_paid_by_link` (a pay link); money back: `order_refunded` (an approved refund), `late_success_refunded`. */
  kind: z.string(),
  /** The order or payment request the line is for. */
  refId: z.string(),
  amountFen: z.int(),
  at: z.string(),
});
export const NonCashLedgerResponse = z.object({
  date: z.string(),
  count: z.int(),
  totalFen: z.int(),
  items: z.array(NonCashLedgerEntry),
});
export type NonCashLedgerResponse = z.infer<typeof NonCashLedgerResponse>;
