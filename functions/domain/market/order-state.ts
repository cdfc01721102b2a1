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
 * Refund states come later (issue 14's refunds): add their actions below, with the statuses they leave
 * from and the modes they fit; the property test (tests/unit/functions/order-state.test.ts) walks every row.
 */
import type { OrderStatus } from '../../../shared';

export type DeliveryMode = 'pickup' | 'shipping';

export const ORDER_ACTIONS = ['pay', 'cancel', 'expire', 'markReady', 'handOver', 'ship', 'confirmReceipt'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

interface Move {
  from: readonly OrderStatus[];
  to: OrderStatus;
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
};

/** The status after `action`, or null when the move is illegal from here (or for this delivery mode). */
export function nextStatus(order: { status: OrderStatus; mode: DeliveryMode }, action: OrderAction): OrderStatus | null {
  const move = ORDER_MOVES[action];
  return move.from.includes(order.status) && move.modes.includes(order.mode) ? move.to : null;
}

/** The steps a buyer sees for a delivery mode, in order: only those the mode can pass through. */
export const STEPS_OF: Readonly<Record<DeliveryMode, readonly OrderStatus[]>> = {
  pickup: ['PENDING_PAYMENT', 'PAID', 'READY_FOR_PICKUP', 'HANDED_OVER'],
  shipping: ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'RECEIVED'],
};

/** Final statuses: no move leaves them (today; a refund may later leave some). */
export const isFinal = (status: OrderStatus) => !Object.values(ORDER_MOVES).some((m) => m.from.includes(status));
