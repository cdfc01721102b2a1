/**
 * The order's state machine (functions/domain/market/order-state.ts), checked against the issue's
 * words written out independently here: random sequences of actions on orders of both delivery modes
 * never take an illegal move, and every legal one lands where the issue says.
 */
import fc from 'fast-check';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared';
import { isFinal, nextStatus, ORDER_ACTIONS, STEPS_OF, type DeliveryMode, type OrderAction } from '../../../functions/domain/market/order-state';

/** Every legal move, one line each: `<status> <mode> <action> -> <status>`. Anything else must be refused. */
const LEGAL = `
PENDING_PAYMENT pickup pay -> PAID
PENDING_PAYMENT shipping pay -> PAID
PENDING_PAYMENT pickup cancel -> CANCELLED
PENDING_PAYMENT shipping cancel -> CANCELLED
PENDING_PAYMENT pickup expire -> EXPIRED
PENDING_PAYMENT shipping expire -> EXPIRED
PAID pickup markReady -> READY_FOR_PICKUP
PAID pickup handOver -> HANDED_OVER
READY_FOR_PICKUP pickup handOver -> HANDED_OVER
PAID shipping ship -> SHIPPED
SHIPPED shipping confirmReceipt -> RECEIVED
PAID pickup requestRefund -> REFUND_REQUESTED
PAID shipping requestRefund -> REFUND_REQUESTED
READY_FOR_PICKUP pickup requestRefund -> REFUND_REQUESTED
REFUND_REQUESTED pickup approveRefund -> REFUNDING
REFUND_REQUESTED shipping approveRefund -> REFUNDING
REFUNDING pickup completeRefund -> REFUNDED
REFUNDING shipping completeRefund -> REFUNDED
`
  .trim()
  .split('\n')
  .map((line) => line.split(/\s+/));
const fromTable = (status: OrderStatus, mode: DeliveryMode, action: OrderAction): OrderStatus | null =>
  (LEGAL.find(([s, m, a]) => s === status && m === mode && a === action)?.[4] as OrderStatus) ?? null;
/** A refused refund request goes back to the status it was asked from (`resumeTo`), which must be one a refund can be asked from. */
const oracle = (status: OrderStatus, mode: DeliveryMode, action: OrderAction, resumeTo: OrderStatus | null = null): OrderStatus | null =>
  action === 'refuseRefund'
    ? status === 'REFUND_REQUESTED' && resumeTo && fromTable(resumeTo, mode, 'requestRefund')
      ? resumeTo
      : null
    : fromTable(status, mode, action);
const RESUMES = [null, ...ORDER_STATUSES];

describe('order state machine', () => {
  it('every (status, mode, action) answers as the issue says: the legal moves, and null for all the rest', () => {
    let refused = 0;
    for (const status of ORDER_STATUSES)
      for (const mode of ['pickup', 'shipping'] as const)
        for (const action of ORDER_ACTIONS)
          for (const resumeTo of RESUMES) {
            const next = nextStatus({ status, mode, resumeTo }, action);
            expect({ status, mode, action, resumeTo, next }).toEqual({
              status,
              mode,
              action,
              resumeTo,
              next: oracle(status, mode, action, resumeTo),
            });
            if (next === null) refused++;
          }
    // Legal: the table's rows (whatever resumeTo), and a refusal back to PAID (both modes) or READY (pickup).
    expect(refused).toBe(ORDER_STATUSES.length * 2 * ORDER_ACTIONS.length * RESUMES.length - LEGAL.length * RESUMES.length - 3);
  });

  it('random sequences of actions: illegal ones change nothing, the status only walks its mode’s steps or ends cancelled/expired', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DeliveryMode>('pickup', 'shipping'),
        fc.array(fc.constantFrom(...ORDER_ACTIONS), { maxLength: 30 }),
        (mode, actions) => {
          let status: OrderStatus = 'PENDING_PAYMENT';
          let resumeTo: OrderStatus | null = null;
          const visited: OrderStatus[] = [status];
          for (const action of actions) {
            const next = nextStatus({ status, mode, resumeTo }, action);
            expect(next).toBe(oracle(status, mode, action, resumeTo));
            // A refusal lands exactly where the request left.
            if (next && action === 'refuseRefund') expect(next).toBe(visited[visited.length - 2]);
            if (next && action === 'requestRefund') resumeTo = status;
            if (next) visited.push((status = next));
          }
          // Refunded only before the goods left the station.
          if (visited.includes('REFUNDED')) expect(visited.some((s) => ['HANDED_OVER', 'SHIPPED', 'RECEIVED'].includes(s))).toBe(false);
          const REFUND_STATES: OrderStatus[] = ['REFUND_REQUESTED', 'REFUNDING', 'REFUNDED'];
          const path = visited.filter((s) => s !== 'CANCELLED' && s !== 'EXPIRED' && !REFUND_STATES.includes(s));
          // Only statuses of the mode's steps, in their order (a pickup may skip "ready").
          const steps = STEPS_OF[mode];
          expect(path.every((s) => steps.includes(s))).toBe(true);
          expect(path.map((s) => steps.indexOf(s))).toEqual([...path.map((s) => steps.indexOf(s))].sort((a, b) => a - b));
          // Nothing leaves a final status.
          if (isFinal(status)) expect(ORDER_ACTIONS.every((a) => nextStatus({ status, mode }, a) === null)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a pickup never shows "shipped" and a shipment never "ready for pickup" or "handed over"', () => {
    expect(STEPS_OF.pickup).not.toContain('SHIPPED');
    expect(STEPS_OF.pickup).not.toContain('RECEIVED');
    expect(STEPS_OF.shipping).not.toContain('READY_FOR_PICKUP');
    expect(STEPS_OF.shipping).not.toContain('HANDED_OVER');
  });
});
