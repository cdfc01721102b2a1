/**
 * Paying an order (WeChat Pay v3 JSAPI, functions/domain/market/wechat-pay.ts): the buyer asks for the
 * payment parameters; the provider's signed notification alone marks the order paid. The client's
 * "success" never does: there is no route that takes it.
 *
 *   PENDING_PAYMENT ──notification (verified, matching)──> PAID + non-cash ledger line   (exactly once)
 *   EXPIRED/CANCELLED ──a late success──> recorded as `late` for a refund (issue 14: the stub's refund API)
 */
import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import { businessDay } from '../stations/opening-hours';
import type { OrderRecord, OrderRepository } from './market';
import { NotificationRejected, openNotification, type NotificationKeys, type RequestPaymentParams, type WechatPayProvider } from './wechat-pay';

export interface PaymentDeps {
  orders: Pick<OrderRepository, 'get' | 'markPaid' | 'release'>;
  provider: WechatPayProvider;
  keys: NotificationKeys;
  merchant: { appid: string; mchid: string; notifyUrl: string };
  /** The buyer's openid for this app (JSAPI pays as the signed-in WeChat user). */
  openidOf: (userId: string) => Promise<string>;
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
  { kind: 'rejected'; reason: NotificationRejected['reason'] } | { kind: 'paid' | 'duplicate' | 'late' | 'ignored'; orderId: string | null };

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
  if (!order || paid.mchid !== deps.merchant.mchid || paid.appid !== deps.merchant.appid || paid.amount.total !== order.totalFen) {
    deps.alert?.('WeChat Pay notification does not match an order of ours', { outTradeNo: paid.out_trade_no, amount: paid.amount.total });
    return { kind: 'rejected', reason: 'mismatch' };
  }
  const marked = await markPaidOnce(deps, order, paid.transaction_id, paid.amount.total, now);
  return marked;
}

async function markPaidOnce(deps: PaymentDeps, order: OrderRecord, transactionId: string, amountFen: number, now: Date) {
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
  if (current?.status === 'PAID') return { kind: 'duplicate' as const, orderId: order.id };
  // Released (expired or cancelled) before the success arrived: the money must go back (issue 14's refund).
  deps.alert?.('WeChat Pay success for an order no longer payable: refund needed', { orderId: order.id, status: current?.status });
  return { kind: 'late' as const, orderId: order.id };
}
