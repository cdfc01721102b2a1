/**
 * Orders for one seller. Everything that costs money is computed here from the listings as stored at
 * order time (price, shipping fee, totals); the request names only listings, quantities and a delivery
 * mode. Placing is idempotent like payments (functions/domain/idempotency.ts):
 *
 *   listings (one BatchGet), address ── 404/400 here: nothing claimed
 *        │
 *   claim the key ──replay──> the order the first request stored (its id derives from caller, key, body)
 *        │         ──held───> 409 IDEMPOTENCY_IN_PROGRESS     ──other body──> 422
 *        │ started
 *   ONE transaction: order (new) + each listing (ACTIVE, same price, stock >= qty: stock -= qty)
 *                    + the buyer's unpaid counter (< 5: += 1)
 *        │  a failed condition: 409 OUT_OF_STOCK / 409 CONFLICT (price or status moved) / 429, key released
 *   complete the key
 */
import { createHash } from 'node:crypto';
import { MAX_UNPAID_ORDERS, ORDER_HOLD_MINUTES, type Order, type OrderCreateRequest, type OrderStatus } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import { requestHashOf, type IdempotencyStore } from '../idempotency';
import type { PageRequest } from '../page';
import { maskPhone, type StationRepository } from '../stations/station';
import { canManageStation, managedStation } from '../stations/station-access';
import type { BuyerRepository, ListingRepository, OrderRecord, OrderRepository } from './market';
import { STEPS_OF } from './order-state';
import { closeBeforeRelease, recoverPayment, type PaymentDeps } from './order-payment';

export interface OrderDeps {
  orders: OrderRepository;
  listings: Pick<ListingRepository, 'getMany'>;
  buyers: Pick<BuyerRepository, 'address'>;
  stations: Pick<StationRepository, 'getById'>;
  idempotency: IdempotencyStore;
  /**
   * The stage's payment provider (closed before a hold is released, queried when an order is opened);
   * null in a stage without one: no order can have been prepaid there, so there is nothing to close.
   */
  payment: () => Promise<PaymentDeps | null>;
  now?: () => Date;
}

export function toOrderView(caller: Caller, o: OrderRecord): Order {
  const address = o.delivery.address;
  return {
    id: o.id,
    status: o.status,
    sellerId: o.sellerId,
    sellerName: o.sellerName,
    stationId: o.stationId,
    lines: o.lines,
    itemsFen: o.itemsFen,
    shippingFen: o.shippingFen,
    totalFen: o.totalFen,
    delivery: {
      mode: o.delivery.mode,
      address: address && {
        name: address.name,
        phoneMasked: maskPhone(address.phone),
        province: address.province,
        city: address.city,
        county: address.county,
        detail: address.detail,
      },
    },
    holdUntil: o.holdUntil,
    yours: o.buyerId === caller.userId,
    createdAt: o.createdAt,
    closedAt: o.closedAt,
    steps: stepsOf(o),
    shipment: o.shipment ?? null,
    refund: refundViewOf(o),
  };
}

function refundViewOf(o: OrderRecord): Order['refund'] {
  const r = o.refundRequest;
  if (!r) return null;
  const status = r.refunded ? 'REFUNDED' : !r.decision ? 'REQUESTED' : r.decision.approved ? 'APPROVED' : 'REFUSED';
  return {
    status,
    reason: r.reason,
    requestedAt: r.requestedAt,
    note: r.decision?.note ?? null,
    decidedAt: r.decision?.at ?? null,
    refundedAt: r.refunded?.at ?? null,
    amountFen: o.totalFen,
  };
}

/** When the order reached each status (the fields its moves set). */
const reachedAt = (o: OrderRecord): Partial<Record<OrderStatus, string | undefined>> => ({
  PENDING_PAYMENT: o.createdAt,
  PAID: o.paidAt,
  READY_FOR_PICKUP: o.readyAt,
  HANDED_OVER: o.handedOverAt,
  SHIPPED: o.shipment?.shippedAt,
  RECEIVED: o.receivedAt,
});

/** Only the steps of the order's mode (no "shipped" for a pickup); a pickup handed over from the shelf skips "ready". */
function stepsOf(o: OrderRecord) {
  const at = reachedAt(o);
  return STEPS_OF[o.delivery.mode].map((status) => ({ status, done: Boolean(at[status]), at: at[status] ?? null }));
}

const orderIdFor = (callerId: string, key: string, requestHash: string) =>
  'or' + createHash('sha256').update(`${callerId}\n${key}\n${requestHash}`).digest('hex').slice(0, 24);

export async function placeOrder(deps: OrderDeps, caller: Caller, idempotencyKey: string, body: OrderCreateRequest): Promise<Order> {
  const ids = body.items.map((i) => i.listingId);
  if (new Set(ids).size !== ids.length) throw invalidField('body.items', 'names a listing twice: give one line per listing');
  const found = new Map((await deps.listings.getMany(ids)).map((l) => [l.id, l]));
  const listings = ids.map((id) => {
    const listing = found.get(id);
    if (!listing) throw notFound('Listing');
    return listing;
  });
  const seller = listings[0];
  if (listings.some((l) => l.sellerId !== seller.sellerId)) throw invalidField('body.items', 'mixes sellers: an order is for one seller');
  const address = body.delivery.mode === 'shipping' ? await deps.buyers.address(caller.userId, body.delivery.addressId) : null;
  if (body.delivery.mode === 'shipping' && !address) throw notFound('Address');

  const requestHash = requestHashOf('placeOrder', body);
  const claim = await deps.idempotency.claim({ callerId: caller.userId, key: idempotencyKey, requestHash });
  if (claim.kind === 'in_progress')
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'This order is still being placed; retry with the same key in a moment', undefined, 1);
  const id = orderIdFor(caller.userId, idempotencyKey, requestHash);
  if (claim.kind === 'replay') {
    const stored = await deps.orders.get(id);
    if (!stored) throw new AppError('CONFLICT', 'The order of this attempt is no longer available');
    return toOrderView(caller, stored);
  }

  let outcome: Awaited<ReturnType<OrderRepository['place']>>;
  let order: OrderRecord;
  try {
    const closed = listings.find((l) => l.status !== 'ACTIVE');
    if (closed) throw new AppError('CONFLICT', `“${closed.title}” is not on sale now`);
    if (body.delivery.mode === 'pickup' && listings.some((l) => !l.delivery.pickup))
      throw invalidField('body.delivery.mode', 'pickup is not offered for every listing of the order');
    if (body.delivery.mode === 'shipping' && listings.some((l) => !l.delivery.shipping))
      throw invalidField('body.delivery.mode', 'shipping is not offered for every listing of the order');
    const short = listings.find((l, i) => l.stock < body.items[i].quantity);
    if (short) throw new AppError('OUT_OF_STOCK', `Only ${short.stock} left of “${short.title}”`);
    const now = deps.now?.() ?? new Date();
    const lines = listings.map((l, i) => ({
      listingId: l.id,
      title: l.title,
      unit: l.unit,
      priceFen: l.priceFen,
      quantity: body.items[i].quantity,
      amountFen: l.priceFen * body.items[i].quantity,
    }));
    const itemsFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
    // A flat fee per order: the highest of its listings' fees (one parcel from one seller).
    const shippingFen = body.delivery.mode === 'shipping' ? Math.max(...listings.map((l) => l.delivery.shipping?.feeFen ?? 0)) : 0;
    order = {
      id,
      buyerId: caller.userId,
      sellerId: seller.sellerId,
      sellerName: seller.sellerName,
      stationId: seller.stationId,
      stationVillageCode: seller.stationVillageCode,
      status: 'PENDING_PAYMENT',
      lines,
      itemsFen,
      shippingFen,
      totalFen: itemsFen + shippingFen,
      delivery: {
        mode: body.delivery.mode,
        address: address && {
          name: address.name,
          phone: address.phone,
          province: address.province,
          city: address.city,
          county: address.county,
          detail: address.detail,
        },
      },
      holdUntil: new Date(now.getTime() + ORDER_HOLD_MINUTES * 60_000).toISOString(),
      createdAt: now.toISOString(),
      closedAt: null,
    };
    outcome = await deps.orders.place(order, MAX_UNPAID_ORDERS);
    if (outcome === 'out_of_stock') throw new AppError('OUT_OF_STOCK', 'Not enough left of a listing of this order');
    if (outcome === 'changed') throw new AppError('CONFLICT', 'A listing changed meanwhile (its price or status); reload and order again');
    if (outcome === 'limit') throw new AppError('LIMIT_EXCEEDED', `At most ${MAX_UNPAID_ORDERS} unpaid orders at once: pay or cancel one first`);
  } catch (error) {
    // Nothing was stored: the key is free for a corrected request.
    await deps.idempotency.release({ callerId: caller.userId, key: idempotencyKey, token: claim.token }).catch(() => undefined);
    throw error;
  }
  await deps.idempotency
    .complete({ callerId: caller.userId, key: idempotencyKey, token: claim.token, response: { status: 201, body: { orderId: id } } })
    .catch(() => undefined); // held until its lock expires; a retry then takes over and finds this order ('exists')
  if (outcome === 'exists') {
    const stored = await deps.orders.get(id);
    if (stored) return toOrderView(caller, stored);
  }
  return toOrderView(caller, order);
}

/** Its buyer, the officers of its station and admins over it read an order; anyone else gets 404. */
const mayRead = (caller: Caller, o: OrderRecord) =>
  o.buyerId === caller.userId || canManageStation(caller, { id: o.stationId, villageCode: o.stationVillageCode });

/**
 * The hold check every read makes: a pending order past its hold is released now (the job does the
 * same; the status condition lets exactly one of them, or of racing reads, return the stock), after
 * its provider order is closed. Paid at the provider first: marked paid instead. The provider not
 * answering: the hold stays (shown as it is) until a later read or the job closes it.
 */
type HoldDeps = Pick<OrderDeps, 'orders' | 'payment' | 'now'>;
async function withHoldChecked(deps: HoldDeps, order: OrderRecord): Promise<OrderRecord> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  if (order.status !== 'PENDING_PAYMENT' || order.holdUntil > at) return order;
  const closed = await closeProviderOrder(deps, order).catch(() => null);
  if (closed === null) return order;
  const released = closed === 'closed' ? await deps.orders.release(order, 'EXPIRED', at).catch(() => null) : null; // null: the other side released it
  return released ?? (await deps.orders.get(order.id)) ?? order;
}

async function closeProviderOrder(deps: HoldDeps, order: OrderRecord): Promise<'closed' | 'paid'> {
  const payment = await deps.payment();
  return payment ? closeBeforeRelease({ ...payment, now: deps.now }, order) : 'closed';
}

/** Opening a pending order asks the provider about it: a payment whose notification was missed shows paid. */
async function withPaymentRecovered(deps: HoldDeps, order: OrderRecord): Promise<OrderRecord> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  if (order.status !== 'PENDING_PAYMENT' || order.holdUntil <= at) return order;
  const payment = await deps.payment().catch(() => null);
  const outcome = payment ? await recoverPayment({ ...payment, now: deps.now }, order).catch(() => null) : null;
  return outcome && outcome.kind !== 'unpaid' && outcome.kind !== 'rejected' ? ((await deps.orders.get(order.id)) ?? order) : order;
}

export async function getOrder(deps: HoldDeps, caller: Caller, id: string): Promise<Order> {
  const order = await deps.orders.get(id);
  if (!order || !mayRead(caller, order)) throw notFound('Order');
  return toOrderView(caller, await withHoldChecked(deps, await withPaymentRecovered(deps, order)));
}

/** Its buyer cancels before payment: the stock returns once, whatever the number of concurrent cancels. */
export async function cancelOrder(deps: HoldDeps, caller: Caller, id: string): Promise<Order> {
  const stored = await deps.orders.get(id);
  if (!stored || stored.buyerId !== caller.userId) throw notFound('Order');
  const order = await withHoldChecked(deps, stored);
  const conflict = () => new AppError('CONFLICT', `The order is ${order.status.toLowerCase()}: only an unpaid order can be cancelled`);
  if (order.status !== 'PENDING_PAYMENT') throw conflict();
  // Closed at the provider first, so it can no longer be paid; paid there already: it stays paid.
  if ((await closeProviderOrder(deps, order)) === 'paid') throw new AppError('CONFLICT', 'The order is paid: only an unpaid order can be cancelled');
  const cancelled = await deps.orders.release(order, 'CANCELLED', (deps.now?.() ?? new Date()).toISOString());
  if (!cancelled) throw new AppError('CONFLICT', 'The order changed meanwhile (cancelled, expired or paid)');
  return toOrderView(caller, cancelled);
}

export async function myOrders(deps: HoldDeps, caller: Caller, page: PageRequest) {
  const result = await deps.orders.ofBuyer(caller.userId, page);
  const items = await Promise.all(result.items.map((o) => withHoldChecked(deps, o)));
  return { items: items.map((o) => toOrderView(caller, o)), nextCursor: result.nextCursor };
}

export async function stationOrders(deps: HoldDeps & Pick<OrderDeps, 'stations'>, caller: Caller, stationId: string, page: PageRequest) {
  const station = await managedStation(deps.stations, caller, stationId);
  const result = await deps.orders.ofStation(station.id, page);
  const items = await Promise.all(result.items.map((o) => withHoldChecked(deps, o)));
  return { items: items.map((o) => toOrderView(caller, o)), nextCursor: result.nextCursor };
}

/**
 * The scheduled release: every pending order past its hold, its provider order closed, then EXPIRED
 * with its stock back (each once). One paid at the provider first is marked paid instead; one whose
 * provider does not answer is left for the next run.
 */
export async function releaseDueHolds(deps: HoldDeps, limit = 100): Promise<{ due: number; released: number }> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  const due = await deps.orders.dueHolds(at, limit);
  const released = await Promise.all(
    due.map(async (o) =>
      (await closeProviderOrder(deps, o).catch(() => null)) === 'closed' ? deps.orders.release(o, 'EXPIRED', at).catch(() => null) : null,
    ),
  );
  return { due: due.length, released: released.filter(Boolean).length };
}

/** A notification has had this long to arrive before the recovery job asks the provider. */
export const PAYMENT_RECOVERY_GRACE_MS = 60_000;

/**
 * The recovery job: every pending order older than the grace period (still on hold) queried at the
 * provider by out_trade_no; paid there, marked paid by the notification's own transaction.
 */
export async function recoverMissedPayments(deps: HoldDeps, limit = 100): Promise<{ checked: number; recovered: number }> {
  const payment = await deps.payment();
  if (!payment) return { checked: 0, recovered: 0 };
  const now = deps.now?.() ?? new Date();
  // The hold index by hold end: created before now - grace <=> hold ends before now + hold - grace.
  const createdBefore = new Date(now.getTime() + ORDER_HOLD_MINUTES * 60_000 - PAYMENT_RECOVERY_GRACE_MS).toISOString();
  const pending = (await deps.orders.dueHolds(createdBefore, limit)).filter((o) => o.holdUntil > now.toISOString());
  const outcomes = await Promise.all(pending.map((o) => recoverPayment({ ...payment, now: deps.now }, o).catch(() => null)));
  return { checked: pending.length, recovered: outcomes.filter((o) => o?.kind === 'paid').length };
}
