/**
 * Refunds after payment (issue 14): the buyer asks with a reason before the goods leave the station; the
 * station's officer (or an admin over it) approves or refuses with a note; the money goes back through
 * the provider's refund API, and only the provider's signed REFUND.SUCCESS notification marks the order
 * refunded, returns its stock and writes the station's refund line.
 *
 *   PAID | READY_FOR_PICKUP ──request (buyer, reason)──> REFUND_REQUESTED ──refuse (note)──> back where it was
 *                                                            │
 *                               approve: ONE conditional write ──> REFUNDING, then the provider's refund
 *                               (out_refund_no = refundNoOf(order): however many approvals or retries, one refund)
 *                                                            │
 *   notification (verified, matching) ── ONE transaction: REFUNDING ──> REFUNDED + stock back + the non-cash
 *                                        day's refund totals + one refund line (keyed by the order)
 *
 * Each move is a row of the state machine (order-state.ts) and a write conditional on the stored status.
 */
import type { Order, RefundDecisionBody, RefundRequestBody } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import { businessDay } from '../stations/opening-hours';
import { canManageStation } from '../stations/station-access';
import type { OrderRecord, OrderRepository, RefundRequestRecord } from './market';
import { nextStatus, type OrderAction } from './order-state';
import { refundNoOf } from './order-payment';
import { toOrderView } from './orders';
import { NotificationRejected, openRefundNotification, type NotificationKeys, type WechatPayProvider } from './wechat-pay';

export interface RefundRepository {
  /** PAID|READY ──> REFUND_REQUESTED (the stored status kept as `refundFrom`), the request stored; null when not allowed now. */
  request(order: OrderRecord, request: RefundRequestRecord): Promise<OrderRecord | null>;
  /** REFUND_REQUESTED ──> back to `refundFrom`, with the decision; null when not allowed now. */
  refuse(order: OrderRecord, decision: NonNullable<RefundRequestRecord['decision']>): Promise<OrderRecord | null>;
  /** REFUND_REQUESTED ──> REFUNDING, with the decision (the station's manifest drops it); null when not allowed now. */
  approve(order: OrderRecord, decision: NonNullable<RefundRequestRecord['decision']>): Promise<OrderRecord | null>;
  /**
   * REFUNDING ──> REFUNDED with the refund, each line's stock back, the station's non-cash day moved and
   * one refund line (attribute_not_exists): ONE transaction; false when the order was not REFUNDING.
   */
  complete(order: OrderRecord, refunded: NonNullable<RefundRequestRecord['refunded']>): Promise<boolean>;
}

export interface RefundDeps {
  orders: Pick<OrderRepository, 'get'>;
  refunds: RefundRepository;
  now?: () => Date;
}

/** The provider side of an approval (the stage's: functions/adapters/wechat-pay-providers.ts). */
export interface RefundProviderDeps {
  provider: Pick<WechatPayProvider, 'refund'>;
  keys: NotificationKeys;
  merchant: { mchid: string };
  alert?: (message: string, details: Record<string, unknown>) => void;
}

/** Where the provider sends refund notifications (the refundWebhook route). */
export const REFUND_NOTIFY_PATH = '/webhooks/wechatpay/refunds';

const nowOf = (deps: Pick<RefundDeps, 'now'>) => deps.now?.() ?? new Date();
const changed = () => new AppError('CONFLICT', 'The order changed meanwhile; reload it');

function assertLegal(order: OrderRecord, action: OrderAction, what: string) {
  if (!nextStatus({ status: order.status, mode: order.delivery.mode, resumeTo: order.refundFrom }, action))
    throw new AppError('CONFLICT', `The order is ${order.status.toLowerCase().replace(/_/g, ' ')}: ${what}`);
}

/** Its buyer asks for the money back, with a reason, while the goods are still at the station. */
export async function requestRefund(deps: RefundDeps, caller: Caller, orderId: string, body: RefundRequestBody): Promise<Order> {
  const order = await deps.orders.get(orderId);
  if (!order || order.buyerId !== caller.userId) throw notFound('Order');
  assertLegal(order, 'requestRefund', 'a refund is asked for only after payment and before the goods leave the station');
  const requested = await deps.refunds.request(order, {
    reason: body.reason,
    requestedAt: nowOf(deps).toISOString(),
    decision: null,
    refunded: null,
  });
  if (!requested) throw changed();
  return toOrderView(caller, requested);
}

/**
 * The station decides. Refusing needs a note (the buyer reads it) and returns the order where it was.
 * Approving moves it to REFUNDING, then asks the provider for the refund; an approval of an order already
 * REFUNDING asks again (the provider answers the first refund: out_refund_no is the order's), so a lost
 * answer is recovered by approving again, never by a second refund.
 */
export async function decideRefund(
  deps: RefundDeps,
  provider: () => Promise<RefundProviderDeps>,
  caller: Caller,
  orderId: string,
  body: RefundDecisionBody,
): Promise<Order> {
  const order = await deps.orders.get(orderId);
  if (!order || !canManageStation(caller, { id: order.stationId, villageCode: order.stationVillageCode })) throw notFound('Order');
  const decision = { approved: body.decision === 'approve', note: body.note ?? null, byUserId: caller.userId, at: nowOf(deps).toISOString() };
  if (!decision.approved) {
    if (!body.note) throw invalidField('body.note', 'say why the refund is refused: the buyer reads it');
    assertLegal(order, 'refuseRefund', 'there is no refund request to refuse');
    const refused = await deps.refunds.refuse(order, decision);
    if (!refused) throw changed();
    return toOrderView(caller, refused);
  }
  if (order.status !== 'REFUNDING') assertLegal(order, 'approveRefund', 'there is no refund request to approve');
  // The provider first: a stage without one answers 503 before anything is written.
  const pay = await provider();
  let approving = order;
  if (order.status === 'REFUND_REQUESTED') {
    const approved = await deps.refunds.approve(order, decision);
    if (approved) approving = approved;
    else {
      // A concurrent approval won the move: ask the provider as it does (the same out_refund_no).
      const current = await deps.orders.get(orderId);
      if (current?.status !== 'REFUNDING') throw changed();
      approving = current;
    }
  }
  await pay.provider.refund({
    outTradeNo: approving.id,
    outRefundNo: refundNoOf(approving.id),
    reason: (approving.refundRequest?.reason ?? '').slice(0, 80),
    refundFen: approving.totalFen,
    totalFen: approving.totalFen,
    notifyUrl: REFUND_NOTIFY_PATH,
  });
  return toOrderView(caller, approving);
}

export type RefundNotificationOutcome =
  { kind: 'rejected'; reason: NotificationRejected['reason'] } | { kind: 'refunded' | 'duplicate' | 'ignored'; orderId: string | null };

/**
 * One refund notification as POST /webhooks/wechatpay/refunds hands it over (headers, RAW body): the same
 * verification as a payment's; then the refund must be the one this order asked for (merchant,
 * out_refund_no, amount). `rejected` answers 401 {"code":"FAIL"} and changes nothing.
 */
export async function handleRefundNotification(
  deps: RefundDeps & Pick<RefundProviderDeps, 'keys' | 'merchant' | 'alert'>,
  headers: Record<string, string | undefined>,
  rawBody: string,
): Promise<RefundNotificationOutcome> {
  const now = nowOf(deps);
  let refund;
  try {
    refund = openRefundNotification(deps.keys, headers, rawBody, now);
  } catch (error) {
    if (error instanceof NotificationRejected) return { kind: 'rejected', reason: error.reason };
    throw error;
  }
  if (refund.refund_status !== 'SUCCESS' || typeof refund.out_trade_no !== 'string') return { kind: 'ignored', orderId: null };
  const order = await deps.orders.get(refund.out_trade_no);
  if (
    !order ||
    refund.mchid !== deps.merchant.mchid ||
    refund.out_refund_no !== refundNoOf(order.id) ||
    refund.amount?.refund !== order.totalFen ||
    typeof refund.refund_id !== 'string'
  ) {
    deps.alert?.('WeChat Pay refund notification does not match an order of ours', {
      outTradeNo: refund.out_trade_no,
      outRefundNo: refund.out_refund_no,
    });
    return { kind: 'rejected', reason: 'mismatch' };
  }
  if (order.status === 'REFUNDED') return { kind: 'duplicate', orderId: order.id };
  // A late success's refund (the order was released before it was paid) is recorded when it is made.
  if (order.status !== 'REFUNDING') return { kind: 'ignored', orderId: order.id };
  const completed = await deps.refunds
    .complete(order, {
      refundId: refund.refund_id,
      outRefundNo: refund.out_refund_no,
      amountFen: refund.amount.refund,
      at: now.toISOString(),
      businessDate: businessDay(now),
    })
    .catch((error: unknown) => {
      // A collision with a concurrent copy: the provider retries anything but 2xx; look first.
      if (error instanceof AppError && error.code === 'CONFLICT') return false;
      throw error;
    });
  if (completed) return { kind: 'refunded', orderId: order.id };
  const current = await deps.orders.get(order.id);
  if (current?.status === 'REFUNDED') return { kind: 'duplicate', orderId: order.id };
  throw new AppError('CONFLICT', 'The order is changing; the provider will deliver again');
}
