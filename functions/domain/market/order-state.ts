/**
 * An order's state machine, in one table: every status it may take and every legal move. Pure: the
 * repository turns a move into ONE conditional write on the current status (`#status IN (:from...)`),
 * so two racing moves never both apply, and nothing else may change an order's status.
 *
 *   PENDING_PAYMENT ──pay──> PAID ──markReady (pickup)──> READY_FOR_PICKUP ──handOver──> HANDED_OVER
 *        │ │                  │ └──handOver (pickup, straight from the shelf)──────────────┘
 *        │ │                  └──ship (shipping)──> SHIPPED ──confirmReceipt──> RECEIVED
 *        │ └──cancel──> CANCELLED
 *        └──expire (hold released)──> EXPIRED
 *
 *   Refunds (functions/domain/market/refunds.ts), only before the goods leave the station:
 *   PAID | READY_FOR_PICKUP ──requestRefund (buyer)──> REFUND_REQUESTED ──refuseRefund──> back where it was
 *                                                           └──approveRefund──> REFUNDING ──completeRefund
 *                                                               (the provider's verified notification)──> REFUNDED
 *
 * The property test (tests/unit/functions/order-state.test.ts) walks every row.
 */
import type { OrderStatus } from '../../../shared';

export type DeliveryMode = 'pickup' | 'shipping';

export const ORDER_ACTIONS = [
  'pay',
  'cancel',
  'expire',
  'markReady',
  'handOver',
  'ship',
  'confirmReceipt',
  'requestRefund',
  'refuseRefund',
  'approveRefund',
  'completeRefund',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** A refused refund request returns the order to the status it was requested from (stored with the request). */
export const RESUME = 'RESUME';
/** The statuses a refund may be requested from: paid, the goods still at the station (READY is a pickup's only). */
const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'READY_FOR_PICKUP'];

interface Move {
  from: readonly OrderStatus[];
  to: OrderStatus | typeof RESUME;
  /** The delivery modes this move fits (no "shipped" for a pickup). */
  modes: readonly DeliveryMode[];
}

const BOTH: readonly DeliveryMode[] = ['pickup', 'shipping'];

export const ORDER_MOVES: Readonly<Record<OrderAction, Move>> = {
  pay: { from: ['PENDING_PAYMENT'], to: 'PAID', modes: BOTH },
  cancel: { from: ['PENDING_PAYMENT'], to: 'CANCELLED', modes: BOTH },
  expire: { from: ['PENDING_PAYMENT'], to: 'EXPIRED', modes: BOTH },
  markReady: { from: ['PAID'], to: 'READY_FOR_PICKUP', modes: ['pickup'] },
  handOver: { from: ['PAID', 'READY_FOR_PICKUP'], to: 'HANDED_OVER', modes: ['pickup'] },
  ship: { from: ['PAID'], to: 'SHIPPED', modes: ['shipping'] },
  confirmReceipt: { from: ['SHIPPED'], to: 'RECEIVED', modes: ['shipping'] },
  requestRefund: { from: REFUNDABLE, to: 'REFUND_REQUESTED', modes: BOTH },
  refuseRefund: { from: ['REFUND_REQUESTED'], to: RESUME, modes: BOTH },
  approveRefund: { from: ['REFUND_REQUESTED'], to: 'REFUNDING', modes: BOTH },
  completeRefund: { from: ['REFUNDING'], to: 'REFUNDED', modes: BOTH },
};

/**
 * The status after `action`, or null when the move is illegal from here (or for this delivery mode).
 * `resumeTo`: the status a refund was requested from (a refusal returns there; it must be refundable).
 */
export function nextStatus(
  order: { status: OrderStatus; mode: DeliveryMode; resumeTo?: OrderStatus | null },
  action: OrderAction,
): OrderStatus | null {
  const move = ORDER_MOVES[action];
  if (!move.from.includes(order.status) || !move.modes.includes(order.mode) || isOtherModes(order.status, order.mode)) return null;
  if (move.to !== RESUME) return move.to;
  // Back only to a status a refund could have been asked from, in this mode.
  return order.resumeTo && nextStatus({ status: order.resumeTo, mode: order.mode }, 'requestRefund') ? order.resumeTo : null;
}

/** The steps a buyer sees for a delivery mode, in order: only those the mode can pass through. */
export const STEPS_OF: Readonly<Record<DeliveryMode, readonly OrderStatus[]>> = {
  pickup: ['PENDING_PAYMENT', 'PAID', 'READY_FOR_PICKUP', 'HANDED_OVER'],
  shipping: ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'RECEIVED'],
};

/** A step of the other mode only (a shipment is never "ready for pickup"): no move leaves it in this mode. */
function isOtherModes(status: OrderStatus, mode: DeliveryMode) {
  const other = STEPS_OF[mode === 'pickup' ? 'shipping' : 'pickup'];
  return other.includes(status) && !STEPS_OF[mode].includes(status);
}

/** Final statuses: no move leaves them. */
export const isFinal = (status: OrderStatus) => !Object.values(ORDER_MOVES).some((m) => m.from.includes(status));
