/**
 * Remote pay links (远程代付): the officer asks for a bill to be paid by someone elsewhere, who pays with
 * WeChat Pay (JSAPI) through the same provider and the same notification checks as orders
 * (functions/domain/market/wechat-pay.ts: serial, 5-minute window, RSA-SHA256, AES-256-GCM). The bill is
 * paid by the bill provider only once WeChat Pay's success is known, with the request's id as the
 * provider's idempotency reference, and lands in the station's non-cash ledger, never the cash day.
 *
 *   officer ──POST /stations/{id}/pay-requests (Idempotency-Key)──> OPEN, link = packages/paylink/...?t=<token>
 *   payer   ──GET /pay-links/{token}──> what they pay for ──POST /pay-links/{token}/pay──> requestPayment
 *   WeChat  ──POST /webhooks/wechatpay/pay-links (signed)──> FUNDED ──bill provider──> PAID + non-cash line
 *   settler ──(missed notification: queryOrder; FUNDED left behind: the provider's status; 24 h: close)──> same moves
 */
import { randomBytes } from 'node:crypto';
import { PAY_REQUEST_TTL_HOURS, type Locale, type PayLinkView, type PayRequest, type PayRequestCreateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { serverText } from '../../i18n';
import { AppError, notFound } from '../errors';
import { requestHashOf, type IdempotencyStore } from '../idempotency';
import {
  NotificationRejected,
  openNotification,
  type NotificationKeys,
  type RequestPaymentParams,
  type WechatPayProvider,
} from '../market/wechat-pay';
import { businessDay } from '../stations/opening-hours';
import type { StationRepository } from '../stations/station';
import { managedRecord, managedStation } from '../stations/station-access';
import { assertProviderConfigured, type BillProvider, type ProviderOutcome } from './bill-provider';
import { paymentIdFor } from './payment';
import { prepare } from './create-payment';
import type { HouseholdRepository } from './household';
import { PROVIDER_TIMEOUT_MS, withTimeout } from './provider-timeout';
import { statusAt, toPayLinkView, toPayRequestView, type PayRequestRecord, type PayRequestRepository } from './pay-request';

/** WeChat Pay notifies pay links here (each prepay order names its own notify URL), apart from orders'. */
export const PAY_LINK_NOTIFY_PATH = '/webhooks/wechatpay/pay-links';

export interface PayLinkDeps {
  requests: PayRequestRepository;
  /** The bill provider (it pays the bill once WeChat Pay's money is in). */
  provider: BillProvider;
  now?: () => Date;
  alert?: (message: string, details: Record<string, unknown>) => void;
}

export interface WechatDeps {
  wechat: WechatPayProvider;
  keys: NotificationKeys;
  merchant: { appid: string; mchid: string };
  openidOf: (userId: string) => Promise<string>;
}

const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

export async function createPayRequest(
  deps: PayLinkDeps & {
    stations: Pick<StationRepository, 'getById'>;
    households: Pick<HouseholdRepository, 'get'>;
    idempotency: IdempotencyStore;
  },
  caller: Caller,
  stationId: string,
  idempotencyKey: string,
  body: PayRequestCreateRequest,
): Promise<PayRequest> {
  const station = await managedStation(deps.stations, caller, stationId);
  assertProviderConfigured(deps.provider);
  const requestHash = requestHashOf('createPayRequest', { stationId, ...body });
  const claim = await deps.idempotency.claim({ callerId: caller.userId, key: idempotencyKey, requestHash });
  if (claim.kind === 'in_progress')
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'This request is still being created; retry with the same key', undefined, 1);
  if (claim.kind === 'replay') {
    const existing = await deps.requests.get((claim.response.body as { payRequestId: string }).payRequestId);
    if (!existing) throw new AppError('CONFLICT', 'The payment request of this attempt is no longer available');
    return toPayRequestView(existing);
  }
  // The same (caller, key, request) always names the same request: a takeover of a dead holder's key finds it.
  const id = 'pq' + paymentIdFor(caller.userId, idempotencyKey, requestHash).slice(2);
  const complete = () =>
    deps.idempotency
      .complete({ callerId: caller.userId, key: idempotencyKey, token: claim.token, response: { status: 201, body: { payRequestId: id } } })
      .catch(() => undefined);
  const resumed = claim.resumed ? await deps.requests.get(id) : null;
  if (resumed) return complete().then(() => toPayRequestView(resumed));

  let record: PayRequestRecord;
  try {
    // The same checks as a cash payment: the account, the amount due (postpaid exactly), the limits.
    const checked = await prepare(deps, caller, station, id, { ...body, stationId, method: 'cash' });
    const now = nowOf(deps);
    record = {
      id,
      token: randomBytes(32).toString('base64url'),
      status: 'OPEN',
      stationId: station.id,
      stationCode: station.code,
      stationVillageCode: station.villageCode,
      stationVillageName: station.villageName,
      officerId: caller.userId,
      billType: body.billType,
      accountNo: checked.accountNo,
      holderNameMasked: checked.holderNameMasked,
      amountFen: body.amountFen,
      householdId: body.householdId ?? null,
      payerPhone: body.payerPhone ?? null,
      createdAt: now.toISOString(),
      payBy: new Date(now.getTime() + PAY_REQUEST_TTL_HOURS * 3600_000).toISOString(),
      fundedAt: null,
      transactionId: null,
      paidAt: null,
      providerRef: null,
      ledgerDate: null,
      failureCode: null,
      sandbox: deps.provider.sandbox,
    };
    const created = await deps.requests.create(record);
    if (created.kind === 'exists') record = created.request;
  } catch (error) {
    await deps.idempotency.release({ callerId: caller.userId, key: idempotencyKey, token: claim.token }).catch(() => undefined);
    throw error;
  }
  await complete();
  return toPayRequestView(record);
}

/** The station's officers (and admins over it) follow a request; anyone else: 404. */
export async function getPayRequest(deps: Pick<PayLinkDeps, 'requests' | 'now'>, caller: Caller, id: string): Promise<PayRequest> {
  const record = managedRecord(caller, await deps.requests.get(id), 'Payment request');
  return toPayRequestView({ ...record, status: statusAt(record, nowOf(deps)) });
}

/** The link's holder: the token is the credential (anyone without it cannot name the request). */
export async function openPayLink(deps: Pick<PayLinkDeps, 'requests' | 'now'>, token: string): Promise<PayLinkView> {
  const record = await deps.requests.byToken(token);
  if (!record) throw notFound('Pay link');
  return toPayLinkView({ ...record, status: statusAt(record, nowOf(deps)) });
}

/** The payer's requestPayment parameters; the prepay order expires with the link. */
export async function payPayLink(
  deps: Pick<PayLinkDeps, 'requests' | 'now'> & WechatDeps,
  caller: Caller,
  token: string,
  locale: Locale,
): Promise<RequestPaymentParams> {
  const record = await deps.requests.byToken(token);
  if (!record) throw notFound('Pay link');
  const status = statusAt(record, nowOf(deps));
  if (status !== 'OPEN') throw new AppError('CONFLICT', `This payment request is ${status.toLowerCase()}: it cannot be paid`);
  const { prepayId } = await deps.wechat.createJsapiOrder({
    appid: deps.merchant.appid,
    mchid: deps.merchant.mchid,
    outTradeNo: record.id,
    // The payer reads it on WeChat Pay's sheet and in their bill: in the language they pay in.
    description: serverText(locale, 'payLink.description', {
      billType: serverText(locale, `billType.${record.billType}`),
      village: record.stationVillageName,
    }).slice(0, 120),
    amountFen: record.amountFen,
    notifyUrl: PAY_LINK_NOTIFY_PATH,
    timeExpire: record.payBy,
    payerOpenid: await deps.openidOf(caller.userId),
  });
  return deps.wechat.requestPaymentParams(deps.merchant.appid, prepayId);
}

export type PayLinkOutcome =
  | { kind: 'rejected'; reason: NotificationRejected['reason'] }
  | { kind: 'paid' | 'pending' | 'bill_failed' | 'duplicate' | 'late' | 'ignored'; payRequestId: string | null };

/** One notification (headers and the RAW body): `rejected` answers 401 FAIL and changes nothing. */
export async function handlePayLinkNotification(
  deps: PayLinkDeps & Pick<WechatDeps, 'keys' | 'merchant'>,
  headers: Record<string, string | undefined>,
  rawBody: string,
): Promise<PayLinkOutcome> {
  let paid;
  try {
    paid = openNotification(deps.keys, headers, rawBody, nowOf(deps));
  } catch (error) {
    if (error instanceof NotificationRejected) return { kind: 'rejected', reason: error.reason };
    throw error;
  }
  if (paid.trade_state !== 'SUCCESS') return { kind: 'ignored', payRequestId: null };
  const record = /^pq[0-9a-f]{24}$/.test(paid.out_trade_no) ? await deps.requests.get(paid.out_trade_no) : null;
  if (!record || paid.mchid !== deps.merchant.mchid || paid.appid !== deps.merchant.appid || paid.amount.total !== record.amountFen) {
    deps.alert?.('WeChat Pay notification does not match a payment request of ours', { outTradeNo: paid.out_trade_no, amount: paid.amount.total });
    return { kind: 'rejected', reason: 'mismatch' };
  }
  return fundAndPay(deps, record, paid.transaction_id);
}

/**
 * WeChat Pay has the money: OPEN -> FUNDED (once), then the bill. Whoever finds it FUNDED (the winner,
 * a duplicate notification, the settler) asks the provider to pay the same id: the provider charges once,
 * and the conditional FUNDED -> PAID writes the one ledger line.
 */
export async function fundAndPay(deps: PayLinkDeps, record: PayRequestRecord, transactionId: string): Promise<PayLinkOutcome> {
  const at = nowOf(deps).toISOString();
  const funded = await retryOnConflict(() => deps.requests.fund(record.id, { transactionId, at }));
  const current = funded ? { ...record, status: 'FUNDED' as const, fundedAt: at, transactionId } : await deps.requests.get(record.id);
  if (!current) return { kind: 'ignored', payRequestId: record.id };
  if (current.status === 'EXPIRED') {
    deps.alert?.('WeChat Pay success for an expired payment request: refund needed', { payRequestId: record.id });
    return { kind: 'late', payRequestId: record.id };
  }
  if (current.status !== 'FUNDED') return { kind: 'duplicate', payRequestId: record.id };
  return payBill(deps, current, 'pay');
}

/** FUNDED: the bill provider pays (or says what happened to our id), and the request follows. */
async function payBill(deps: PayLinkDeps, r: PayRequestRecord, ask: 'pay' | 'status'): Promise<PayLinkOutcome> {
  const unknown = (): ProviderOutcome => ({ outcome: 'UNKNOWN' });
  const call = () =>
    ask === 'pay'
      ? deps.provider.pay({ paymentId: r.id, billType: r.billType, accountNo: r.accountNo, amountFen: r.amountFen })
      : deps.provider.status(r.id);
  const outcome = await withTimeout(call().catch(unknown), PROVIDER_TIMEOUT_MS, unknown);
  // Never asked (its first attempt died before the provider): pay now, under the same id.
  if (outcome.outcome === 'NOT_CHARGED' && ask === 'status') return payBill(deps, r, 'pay');
  const now = nowOf(deps);
  if (outcome.outcome === 'SUCCEEDED') {
    const paid = await markPaidOnce(deps, r, { providerRef: outcome.providerRef, at: now.toISOString(), ledgerDate: businessDay(now) });
    return { kind: paid ? 'paid' : 'duplicate', payRequestId: r.id };
  }
  if (outcome.outcome === 'DECLINED') {
    deps.alert?.('A pay link’s bill was declined after WeChat Pay took the money: refund needed', { payRequestId: r.id, code: outcome.declineCode });
    await retryOnConflict(() => deps.requests.markBillFailed(r.id, outcome.declineCode, now.toISOString()));
    return { kind: 'bill_failed', payRequestId: r.id };
  }
  return { kind: 'pending', payRequestId: r.id };
}

/** A single-item move that met a transaction on the item (a copy of the notification paying it): tried again. */
async function retryOnConflict<T>(move: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await move();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CONFLICT' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1) * Math.random()));
    }
  }
}

/** FUNDED -> PAID; a collision with a concurrent copy is looked at again (it may have paid it), never a 500. */
async function markPaidOnce(deps: PayLinkDeps, r: PayRequestRecord, paid: Parameters<PayRequestRepository['markPaid']>[1]): Promise<boolean> {
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      return await deps.requests.markPaid(r, paid);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
      if ((await deps.requests.get(r.id))?.status !== 'FUNDED') return false;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1) * Math.random()));
    }
  }
  return false; // still FUNDED: the settler finishes it
}

export interface PayLinkSettlerReport {
  checked: number;
  paid: number;
  expired: number;
  stillPending: number;
}

/**
 * The settler's part for pay links: a FUNDED request whose bill is not settled asks the provider (status,
 * then pay under the same id); an OPEN one asks WeChat Pay (a missed notification); one past its 24 hours
 * has its provider order closed first, and is EXPIRED only if WeChat Pay did not take the money.
 */
export async function settlePayRequests(
  deps: PayLinkDeps & { wechat: Pick<WechatPayProvider, 'queryOrder' | 'closeOrder'> | null },
  options: { minAgeMs: number; maxRequests?: number },
): Promise<PayLinkSettlerReport> {
  const report: PayLinkSettlerReport = { checked: 0, paid: 0, expired: 0, stillPending: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.requests.listPending({ limit: 25, cursor });
    cursor = page.nextCursor ?? undefined;
    for (const id of page.ids) {
      if (report.checked >= (options.maxRequests ?? 200)) return report;
      const r = await deps.requests.get(id);
      if (!r || (r.status !== 'OPEN' && r.status !== 'FUNDED')) continue;
      const now = nowOf(deps);
      if (now.getTime() - Date.parse(r.fundedAt ?? r.createdAt) < options.minAgeMs) continue;
      report.checked++;
      const outcome = r.status === 'FUNDED' ? await payBill(deps, r, 'status') : await settleOpen(deps, r, now);
      if (outcome === 'expired') report.expired++;
      else if (outcome !== null && outcome.kind === 'paid') report.paid++;
      else report.stillPending++;
    }
  } while (cursor);
  return report;
}

async function settleOpen(deps: Parameters<typeof settlePayRequests>[0], r: PayRequestRecord, now: Date): Promise<PayLinkOutcome | 'expired' | null> {
  const query = async () => (deps.wechat ? await deps.wechat.queryOrder(r.id).catch(() => null) : null);
  let order = await query();
  if (order?.trade_state === 'SUCCESS' && order.transaction_id) return fundAndPay(deps, r, order.transaction_id);
  if (r.payBy > now.toISOString()) return null;
  // Close first, then look again: a payment that slipped in before the close is funded, never expired.
  await deps.wechat?.closeOrder(r.id).catch(() => undefined);
  order = await query();
  if (order?.trade_state === 'SUCCESS' && order.transaction_id) return fundAndPay(deps, r, order.transaction_id);
  return (await retryOnConflict(() => deps.requests.expire(r.id, now.toISOString()))) ? 'expired' : null;
}
