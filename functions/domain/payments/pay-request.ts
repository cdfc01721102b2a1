/**
 * A payment request (远程代付): a bill the station's officer asks someone else to pay with WeChat Pay,
 * through a link whose only credential is an unguessable token.
 *
 *   OPEN ──WeChat Pay success (signed notification, or the settler's query)──> FUNDED
 *     │                                                                         │ the bill provider pays (our request id
 *     │                                                                         │ is its idempotency reference)
 *     │                                                                         ├──SUCCEEDED──> PAID + one non-cash ledger line
 *     │                                                                         └──DECLINED───> BILL_FAILED (money to return)
 *     └──past expiresAt, the provider order closed and not paid──> EXPIRED
 *
 * Each arrow is one conditional write on the status it leaves, so the notification (20 copies of it),
 * the settler and a second settler run racing for one request move it once, and the provider charges
 * the bill once: every caller that reaches FUNDED asks the provider to pay the SAME id.
 */
import type { PayLinkView, PayRequest, PayRequestStatus, BillType } from '../../../shared';
import { maskAccountNo } from './masks';

export interface PayRequestRecord {
  id: string;
  token: string;
  status: PayRequestStatus;
  stationId: string;
  stationCode: string;
  stationVillageCode: string;
  stationVillageName: string;
  officerId: string;
  billType: BillType;
  accountNo: string;
  holderNameMasked: string | null;
  amountFen: number;
  householdId: string | null;
  payerPhone: string | null;
  createdAt: string;
  /** Unpaid after this instant, the link is expired (not `expiresAt`: that is the table's TTL attribute). */
  payBy: string;
  /** When WeChat Pay's success was recorded, and its transaction id. */
  fundedAt: string | null;
  transactionId: string | null;
  paidAt: string | null;
  providerRef: string | null;
  ledgerDate: string | null;
  failureCode: string | null;
  sandbox: boolean;
}

export type CreateResult = { kind: 'created' } | { kind: 'exists'; request: PayRequestRecord };

export interface PayRequestRepository {
  /** The request and its token's lookup, one transaction; `exists` when this id was created before. */
  create(request: PayRequestRecord): Promise<CreateResult>;
  get(id: string): Promise<PayRequestRecord | null>;
  byToken(token: string): Promise<PayRequestRecord | null>;
  /** OPEN -> FUNDED (conditional on OPEN); false when it was not OPEN any more. */
  fund(id: string, payment: { transactionId: string; at: string }): Promise<boolean>;
  /** FUNDED -> PAID with one line of the station's non-cash ledger on `ledgerDate`, one transaction. */
  markPaid(request: PayRequestRecord, paid: { providerRef: string; at: string; ledgerDate: string }): Promise<boolean>;
  /** FUNDED -> BILL_FAILED. */
  markBillFailed(id: string, failureCode: string, at: string): Promise<boolean>;
  /** OPEN -> EXPIRED. */
  expire(id: string, at: string): Promise<boolean>;
  /** Ids of requests still OPEN or FUNDED, oldest first (the settler's work list). */
  listPending(page: { limit: number; cursor?: string }): Promise<{ ids: string[]; nextCursor: string | null }>;
}

/** The page a payer opens: a subpackage of its own, so the main package never carries it. */
export const payLinkPath = (token: string) => `packages/paylink/pages/index/index?t=${token}`;

const whatIsPaid = (r: PayRequestRecord) => ({
  billType: r.billType,
  accountNoMasked: maskAccountNo(r.accountNo),
  holderNameMasked: r.holderNameMasked,
  amountFen: r.amountFen,
  station: { code: r.stationCode, villageName: r.stationVillageName },
  expiresAt: r.payBy,
});

/** The station's view: the link and the request's progress. */
export function toPayRequestView(r: PayRequestRecord): PayRequest {
  return {
    id: r.id,
    status: r.status,
    ...whatIsPaid(r),
    stationId: r.stationId,
    createdAt: r.createdAt,
    paidAt: r.paidAt,
    ledgerDate: r.ledgerDate,
    link: { token: r.token, path: payLinkPath(r.token) },
    sandbox: r.sandbox,
  };
}

/** The payer's view: no household, phone, officer or full account number. */
export function toPayLinkView(r: PayRequestRecord): PayLinkView {
  return { status: r.status, ...whatIsPaid(r), sandbox: r.sandbox };
}

/** A request past its 24 hours is shown EXPIRED at once, whether or not the settler has recorded it yet. */
export const statusAt = (r: PayRequestRecord, now: Date): PayRequestStatus =>
  r.status === 'OPEN' && r.payBy <= now.toISOString() ? 'EXPIRED' : r.status;
