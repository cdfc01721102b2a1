/**
 * The stub's payment sheet, local stages only: what WeChat's own sheet does after the payer confirms,
 * done by the stub. It pays the order at the stub provider and delivers the provider's SIGNED
 * notification through the same path a real callback takes (handlePaymentNotification: serial,
 * 5-minute window, RSA-SHA256, AES-256-GCM), so the order is marked paid by the notification alone,
 * exactly as on a deployed stage. H5 has no requestPayment: the buyer's 支付 ends here instead.
 *
 * Guarded like the dev sign-in (adapters/dev-login.ts): `process.env.YINONG_DEV_LOGIN` is replaced at
 * bundle time, so deployed stages' bundles answer 404 from dead code; a local stage is checked too.
 */
import { isLocalStage, settings } from '../config';
import { AppError, notFound } from '../domain/errors';
import type { Caller } from '../auth/caller';
import { handlePaymentNotification, payOrder, refundNoOf, type NotificationOutcome, type PaymentDeps } from '../domain/market/order-payment';
import { handleRefundNotification, type RefundDeps, type RefundNotificationOutcome } from '../domain/market/refunds';
import { wechatPayProvider, wechatPayStub } from './wechat-pay-providers';

/**
 * Both must hold: the dev flag compiled in, and a local stage. The stage comes from the settings alone (no
 * secrets needed), so a deployed stage refuses even before its secrets load, or with a dev bundle.
 * Its routes are `devOnly` too: a deployed template has no event for them (scripts/lib/dev-only-routes.cjs).
 */
export function stubSheetEnabled(): boolean {
  return process.env.YINONG_DEV_LOGIN === 'enabled' && isLocalStage(settings().stage);
}

export async function confirmStubPayment(
  deps: Pick<PaymentDeps, 'orders' | 'openidOf' | 'languageOf' | 'alert'>,
  caller: Caller,
  orderId: string,
): Promise<NotificationOutcome> {
  if (!stubSheetEnabled()) throw notFound('Route');
  // Confirming a paid order again (a double tap, a reload of the sheet) shows it paid, as WeChat's sheet would.
  const order = await deps.orders.get(orderId);
  if (order?.buyerId === caller.userId && order.status === 'PAID') return { kind: 'duplicate', orderId };
  const payment = { ...(await wechatPayProvider()), ...deps };
  // The buyer's own unpaid order on hold (404/409 otherwise); the prepay order is created if the buyer
  // never asked for it (out_trade_no makes it idempotent at the stub).
  await payOrder(payment, caller, orderId);
  const signed = await (await wechatPayStub()).pay(orderId).catch((error: Error) => {
    // Released (and closed at the provider) between the check and the payment: as WeChat's sheet says.
    if (/ORDER_CLOSED/.test(error.message)) throw new AppError('CONFLICT', 'The order was closed meanwhile: it cannot be paid');
    throw error;
  });
  return handlePaymentNotification(payment, signed.headers, signed.body);
}

/**
 * What WeChat Pay does after a refund is made, done by the stub in a local stage: it sends the refund's
 * SIGNED REFUND.SUCCESS notification to the refund webhook's path (handleRefundNotification: the same
 * serial, window, signature and AES-256-GCM checks), so only that notification marks the order refunded,
 * as on a deployed stage. Null where there is no stub sheet, or the stub made no refund for the order.
 */
export async function deliverStubRefund(
  deps: RefundDeps & { alert?: (message: string, details: Record<string, unknown>) => void },
  orderId: string,
): Promise<RefundNotificationOutcome | null> {
  if (!stubSheetEnabled()) return null;
  const stub = await wechatPayStub();
  const signed = await stub.refundNotification(refundNoOf(orderId));
  if (!signed) return null;
  const { merchant, keys } = await wechatPayProvider();
  return handleRefundNotification({ ...deps, keys, merchant }, signed.headers, signed.body);
}
