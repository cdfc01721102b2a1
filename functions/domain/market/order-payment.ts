/**
 * Paying an order (WeChat Pay v3 JSAPI, functions/domain/market/wechat-pay.ts): the buyer asks for the
 * payment parameters; the provider's signed notification alone marks the order paid. The client's
 * "success" never does: there is no route that takes it.
 *
 *   PENDING_PAYMENT ──notification (verified, matching)──> PAID + non-cash ledger line   (exactly once)
 *                   ──query by out_trade_no: SUCCESS────> the same, when the notification was missed
 *                      (the recovery job, and whenever someone opens the order)
 *   release (expiry, cancel): the provider order is CLOSED first; ORDERPAID means it was paid: marked
 *                      paid instead, never released
 *   EXPIRED/CANCELLED ──a late success──> refunded through the provider (out_refund_no derives from the
 *                      order: one refund however many copies) + one refund line on the non-cash day
 */
import type { Locale } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { serverText } from '../../i18n';
import { AppError, notFound } from '../errors';
import { businessDay } from '../stations/opening-hours';
import type { OrderRecord, OrderRepository } from './market';
import {
  NotificationRejected,
  openNotification,
  type NotificationKeys,
  type QueriedTransaction,
  type RequestPaymentParams,
  type WechatPayProvider,
} from './wechat-pay';

export interface PaymentDeps {
  orders: Pick<OrderRepository, 'get' | 'markPaid' | 'release' | 'recordLateRefund'>;
  provider: WechatPayProvider;
  keys: NotificationKeys;
  merchant: { appid: string; mchid: string; notifyUrl: string };
  /** The buyer's openid for this app (JSAPI pays as the signed-in WeChat user). */
  openidOf: (userId: string) => Promise<string>;
  /**
   * The language a user chose (kept on their account; unset: zh-CN), for what the provider shows them
   * on our behalf: a late success's refund reason. Read only when a refund is actually asked for.
   */
  languageOf: (userId: string) => Promise<Locale | undefined>;
  alert?: (message: string, details: Record<string, unknown>) => void;
  now?: () => Date;
}

/** The buyer's requestPayment parameters for an unpaid order still on hold; the prepay order ends with the hold. */
export async function payOrder(deps: PaymentDeps, caller: Caller, orderId: string): Promise<RequestPaymentParams> {
  const order = await deps.orders.get(orderId);
  if (!order || order.buyerId !== caller.userId) throw notFound('Order');
  const now = deps.now?.() ?? new Date();
  if (order.status !== 'PENDING_PAYMENT' || order.holdUntil <= now.toISOString())
    throw new AppError(
      'CONFLICT',
      `The order is ${order.status === 'PENDING_PAYMENT' ? 'past its hold' : order.status.toLowerCase()}: it cannot be paid`,
    );
  const { prepayId } = await deps.provider.createJsapiOrder({
    appid: deps.merchant.appid,
    mchid: deps.merchant.mchid,
    outTradeNo: order.id,
    description: order.lines
      .map((l) => l.title)
      .join('、')
      .slice(0, 120),
    amountFen: order.totalFen,
    notifyUrl: deps.merchant.notifyUrl,
    timeExpire: order.holdUntil,
    payerOpenid: await deps.openidOf(caller.userId),
  });
  return deps.provider.requestPaymentParams(deps.merchant.appid, prepayId);
}

export type NotificationOutcome =
  | { kind: 'rejected'; reason: NotificationRejected['reason'] }
  /** `late`: a success for an order released first, refunded (once). */
  | { kind: 'paid' | 'duplicate' | 'late' | 'ignored'; orderId: string | null };

/**
 * One notification, as POST /webhooks/wechatpay will hand it over (headers and the RAW body). `rejected`
 * answers 4xx {"code":"FAIL"} and changes nothing; everything else answers 200/204 (a duplicate too).
 */
export async function handlePaymentNotification(
  deps: PaymentDeps,
  headers: Record<string, string | undefined>,
  rawBody: string,
): Promise<NotificationOutcome> {
  const now = deps.now?.() ?? new Date();
  let paid;
  try {
    paid = openNotification(deps.keys, headers, rawBody, now);
  } catch (error) {
    if (error instanceof NotificationRejected) return { kind: 'rejected', reason: error.reason };
    throw error;
  }
  if (paid.trade_state !== 'SUCCESS') return { kind: 'ignored', orderId: null };
  const order = await deps.orders.get(paid.out_trade_no);
  if (!order || !matches(deps, order, paid)) {
    deps.alert?.('WeChat Pay notification does not match an order of ours', { outTradeNo: paid.out_trade_no, amount: paid.amount.total });
    return { kind: 'rejected', reason: 'mismatch' };
  }
  return markPaidOnce(deps, order, paid.transaction_id, paid.amount.total, now);
}

const matches = (deps: Pick<PaymentDeps, 'merchant'>, order: OrderRecord, trade: Pick<QueriedTransaction, 'mchid' | 'appid' | 'amount'>) =>
  trade.mchid === deps.merchant.mchid && trade.appid === deps.merchant.appid && trade.amount.total === order.totalFen;

/**
 * A missed notification recovered: the provider's order queried by out_trade_no; SUCCESS marks the
 * order paid by the same transaction as the notification (a notification racing it pays it once).
 * `unpaid` when the provider has nothing paid for it (or nothing at all).
 */
export async function recoverPayment(deps: PaymentDeps, order: OrderRecord): Promise<NotificationOutcome | { kind: 'unpaid'; orderId: string }> {
  const trade = await deps.provider.queryOrder(order.id);
  if (!trade || trade.trade_state !== 'SUCCESS' || !trade.transaction_id) return { kind: 'unpaid', orderId: order.id };
  if (!matches(deps, order, trade)) {
    deps.alert?.('WeChat Pay order query does not match our order', { outTradeNo: order.id, amount: trade.amount.total });
    return { kind: 'rejected', reason: 'mismatch' };
  }
  return markPaidOnce(deps, order, trade.transaction_id, trade.amount.total, deps.now?.() ?? new Date());
}

/**
 * Before a hold is released (expiry or cancel): the provider order is closed, so it can no longer be
 * paid. `paid` when the provider says it was paid first: the order is marked paid here (the
 * notification may be late or lost) and must not be released. Throws when the provider is unreachable:
 * the hold stays until a later try closes it.
 */
export async function closeBeforeRelease(deps: PaymentDeps, order: OrderRecord): Promise<'closed' | 'paid'> {
  if ((await deps.provider.closeOrder(order.id)) === 'closed') return 'closed';
  await recoverPayment(deps, order);
  return 'paid';
}

async function markPaidOnce(
  deps: PaymentDeps,
  order: OrderRecord,
  transactionId: string,
  amountFen: number,
  now: Date,
): Promise<NotificationOutcome> {
  const at = now.toISOString();
  let marked: OrderRecord | null = null;
  for (let attempt = 0; attempt < 4 && !marked; attempt++) {
    try {
      marked = await deps.orders.markPaid(order, { transactionId, amountFen, at, businessDate: businessDay(now) });
      break;
    } catch (error) {
      // A collision with a concurrent copy of the notification: look again (it may have paid it).
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
      const current = await deps.orders.get(order.id);
      if (current?.status !== 'PENDING_PAYMENT') break;
    }
  }
  if (marked) return { kind: 'paid' as const, orderId: order.id };
  const current = await deps.orders.get(order.id);
  if (!current || current.status === 'PENDING_PAYMENT') throw new AppError('CONFLICT', 'The order is changing; the provider will deliver again');
  // Paid already, whatever came after (ready, handed over, shipped, a refund asked or made): a copy of
  // the notification. Only an order released unpaid gets its late success refunded.
  if (current.status !== 'EXPIRED' && current.status !== 'CANCELLED') return { kind: 'duplicate' as const, orderId: order.id };
  // Released (expired or cancelled) before the success arrived: the money goes back.
  await refundLateSuccess(deps, current, transactionId, amountFen, now);
  return { kind: 'late' as const, orderId: order.id };
}

/**
 *   provider refund (out_refund_no = "RF" + order id: the provider refunds it once, whoever asks)
 *        │ then
 *   order: refund recorded (EXPIRED/CANCELLED, no refund yet) + the non-cash day's refund line, ONE
 *          transaction: a copy finding it recorded changes nothing
 * A failure between the two leaves the order without its record; the provider's next delivery of the
 * notification (it retries anything but 2xx) asks again and gets the same refund.
 */
async function refundLateSuccess(deps: PaymentDeps, order: OrderRecord, transactionId: string, amountFen: number, now: Date) {
  deps.alert?.('WeChat Pay success for an order no longer payable: refunding it', { orderId: order.id, status: order.status });
  if (order.refund) return;
  const refund = await deps.provider.refund({
    outTradeNo: order.id,
    outRefundNo: refundNoOf(order.id),
    // WeChat Pay shows the reason on the buyer's refund notice: in the buyer's language, not the caller's
    // (the caller is the provider's callback or a job). Every copy asks the same refund (out_refund_no).
    reason: serverText(await deps.languageOf(order.buyerId), 'refund.lateSuccessReason'),
    refundFen: amountFen,
    totalFen: amountFen,
  });
  await deps.orders.recordLateRefund(order, {
    outRefundNo: refund.outRefundNo,
    refundId: refund.refundId,
    transactionId,
    amountFen: refund.refundFen,
    at: now.toISOString(),
    businessDate: businessDay(now),
  });
}

/**
 * The provider's refund number of an order: one per order, whichever path asks (a late success, the
 * buyer's approved request), so the provider can never refund an order twice.
 */
export const refundNoOf = (orderId: string) => `RF${orderId}`;
