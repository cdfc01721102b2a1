/**
 * Fulfilment (issue 14): a paid order leaves the station by pickup (the buyer shows a 6-digit code,
 * the officer types or scans it and hands the goods over) or by shipping (the officer enters carrier
 * and tracking number, alone or in a consignment; the buyer, or the officer 10 days later, confirms
 * receipt). Every status change is a move of the state machine (order-state.ts), stored by ONE write
 * conditional on the current status: a stale read here can never apply an illegal move.
 *
 *   buyer: GET code ──> code item PICKUP_CODE#<station>#<code> (attribute_not_exists) + order.pickupCode
 *   officer at the station: code ──rate limit (per station)──> order (404 elsewhere or unknown)
 *                           confirm ──ONE transaction: delete the code (must exist) + PAID|READY ──> HANDED_OVER
 */
import { randomInt, randomUUID } from 'node:crypto';
import {
  PICKUP_ATTEMPT_WINDOW_SECONDS,
  PICKUP_ATTEMPTS_PER_WINDOW,
  RECEIPT_BY_OFFICER_AFTER_DAYS,
  type Consignment,
  type ConsignmentCreateRequest,
  type Manifest,
  type Order,
  type ShipmentRequest,
} from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { RateLimiter } from '../rate-limit';
import { businessDay } from '../stations/opening-hours';
import type { StationRepository } from '../stations/station';
import { canManageStation, managedStation } from '../stations/station-access';
import type { OrderRecord, OrderRepository } from './market';
import { nextStatus, type OrderAction } from './order-state';
import { toOrderView } from './orders';

export type FulfilmentAction = Extract<OrderAction, 'markReady' | 'handOver' | 'ship' | 'confirmReceipt'>;

export interface ConsignmentRecord extends Consignment {
  createdBy: string;
}

export interface FulfilmentRepository {
  /**
   * One move of the machine for an order already paid: `#status IN (move.from) AND mode fits` ──> move.to,
   * its time field set (and `extra`); leaving PAID/READY drops the station's open-fulfilment index.
   * Null when the stored order does not allow it (whatever `order` says: it may be stale).
   */
  move(
    order: OrderRecord,
    action: Exclude<FulfilmentAction, 'handOver'>,
    at: string,
    extra?: Pick<OrderRecord, 'shipment' | 'receivedBy'> & { by?: string },
  ): Promise<OrderRecord | null>;
  /** The code item (attribute_not_exists) and the order's `pickupCode` (a paid pickup order without one): one transaction. */
  issuePickupCode(order: OrderRecord, code: string, at: string): Promise<'issued' | 'code_taken' | 'refused'>;
  orderIdOfCode(stationId: string, code: string): Promise<string | null>;
  /**
   * The code deleted (it must exist) and the order moved to HANDED_OVER (from PAID or READY), with its
   * service entry (functions/domain/services), one transaction; null otherwise.
   */
  handOver(order: OrderRecord, code: string, at: string, by?: string): Promise<OrderRecord | null>;
  /** The station's paid orders not yet out (ONE Query of its sparse index, every page). */
  openOrders(stationId: string): Promise<OrderRecord[]>;
  /** The consignment and each order PAID ──> SHIPPED (its station, shipping, same city) with their service entries, ONE transaction; false when any moved. */
  consign(consignment: ConsignmentRecord, orders: OrderRecord[]): Promise<boolean>;
}

export interface FulfilmentDeps {
  orders: Pick<OrderRepository, 'get'>;
  fulfilment: FulfilmentRepository;
  stations: Pick<StationRepository, 'getById'>;
  rateLimit: RateLimiter;
  /** The QR code of a text as an image (functions/adapters/qr-image.ts). */
  qrImage: (text: string) => Promise<string>;
  now?: () => Date;
  newCode?: () => string;
}

const nowOf = (deps: Pick<FulfilmentDeps, 'now'>) => deps.now?.() ?? new Date();
const randomCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
const qrTextOf = (stationId: string, code: string) => `yinong:pickup:${stationId}:${code}`;

/** The order, if the caller manages its station; 404 otherwise (whether missing or someone else's). */
async function managedOrder(deps: Pick<FulfilmentDeps, 'orders'>, caller: Caller, orderId: string): Promise<OrderRecord> {
  const order = await deps.orders.get(orderId);
  if (!order || !canManageStation(caller, { id: order.stationId, villageCode: order.stationVillageCode })) throw notFound('Order');
  return order;
}

const refused = (order: OrderRecord, what: string) =>
  new AppError('CONFLICT', `The order is ${order.status.toLowerCase().replace(/_/g, ' ')} (${order.delivery.mode}): it cannot be ${what} now`);

/** Checks the machine first for a clear answer; the stored write's condition is what actually guards the move. */
function assertLegal(order: OrderRecord, action: OrderAction, what: string) {
  if (!nextStatus({ status: order.status, mode: order.delivery.mode }, action)) throw refused(order, what);
}

/** The buyer's pickup code for a paid pickup order: issued once (the first call), the same afterwards. */
export async function pickupCodeOf(deps: FulfilmentDeps, caller: Caller, orderId: string) {
  const order = await deps.orders.get(orderId);
  if (!order || order.buyerId !== caller.userId) throw notFound('Order');
  if (order.delivery.mode !== 'pickup' || !['PAID', 'READY_FOR_PICKUP'].includes(order.status))
    throw new AppError('CONFLICT', 'Only a paid pickup order not yet handed over has a pickup code');
  const view = async (code: string) => {
    const qrText = qrTextOf(order.stationId, code);
    return { orderId: order.id, stationId: order.stationId, code, qrText, qrImage: await deps.qrImage(qrText) };
  };
  if (order.pickupCode) return view(order.pickupCode);
  const at = nowOf(deps).toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = (deps.newCode ?? randomCode)();
    const outcome = await deps.fulfilment.issuePickupCode(order, code, at);
    if (outcome === 'issued') return view(code);
    if (outcome === 'refused') break; // a concurrent first read issued one, or the order moved on
  }
  const current = await deps.orders.get(orderId);
  if (current?.pickupCode && ['PAID', 'READY_FOR_PICKUP'].includes(current.status)) return view(current.pickupCode);
  throw new AppError('CONFLICT', 'The order changed meanwhile; reload it');
}

/** The order a code names at this station. Every attempt counts against the station's limit, so guessing is slow. */
async function orderOfCode(deps: FulfilmentDeps, caller: Caller, stationId: string, code: string): Promise<OrderRecord> {
  const station = await managedStation(deps.stations, caller, stationId);
  await deps.rateLimit(`pickup#${station.id}`, PICKUP_ATTEMPTS_PER_WINDOW, PICKUP_ATTEMPT_WINDOW_SECONDS);
  const orderId = await deps.fulfilment.orderIdOfCode(station.id, code);
  const order = orderId ? await deps.orders.get(orderId) : null;
  if (!order || order.stationId !== station.id) throw notFound('Pickup code');
  return order;
}

/** The officer types or scans the buyer's code: the order to hand over. */
export async function lookupPickup(deps: FulfilmentDeps, caller: Caller, stationId: string, code: string): Promise<Order> {
  return toOrderView(caller, await orderOfCode(deps, caller, stationId, code));
}

/** The officer confirms the handover with the code: it works once (the code leaves in the same transaction). */
export async function confirmPickup(deps: FulfilmentDeps, caller: Caller, stationId: string, code: string): Promise<Order> {
  const order = await orderOfCode(deps, caller, stationId, code);
  assertLegal(order, 'handOver', 'handed over');
  const handed = await deps.fulfilment.handOver(order, code, nowOf(deps).toISOString(), caller.userId);
  if (!handed) throw new AppError('CONFLICT', 'This pickup code was used meanwhile: the order is handed over already');
  return toOrderView(caller, handed);
}

/** The goods of a paid pickup order are on the station's shelf. */
export async function markReady(deps: FulfilmentDeps, caller: Caller, orderId: string): Promise<Order> {
  const order = await managedOrder(deps, caller, orderId);
  assertLegal(order, 'markReady', 'marked ready');
  const moved = await deps.fulfilment.move(order, 'markReady', nowOf(deps).toISOString());
  if (!moved) throw new AppError('CONFLICT', 'The order changed meanwhile; reload it');
  return toOrderView(caller, moved);
}

/** The officer ships one order: carrier and tracking number, which its buyer then sees. */
export async function shipOrder(deps: FulfilmentDeps, caller: Caller, orderId: string, body: ShipmentRequest): Promise<Order> {
  const order = await managedOrder(deps, caller, orderId);
  assertLegal(order, 'ship', 'shipped');
  const at = nowOf(deps).toISOString();
  const shipment = { carrier: body.carrier, trackingNo: body.trackingNo, shippedAt: at, consignmentId: null };
  const moved = await deps.fulfilment.move(order, 'ship', at, { shipment, by: caller.userId });
  if (!moved) throw new AppError('CONFLICT', 'The order changed meanwhile; reload it');
  return toOrderView(caller, moved);
}

/** Its buyer confirms receipt of a shipped order; the station's officer may too, 10 days after shipping. */
export async function confirmReceipt(deps: FulfilmentDeps, caller: Caller, orderId: string): Promise<Order> {
  const order = await deps.orders.get(orderId);
  const isBuyer = order?.buyerId === caller.userId;
  if (!order || (!isBuyer && !canManageStation(caller, { id: order.stationId, villageCode: order.stationVillageCode }))) throw notFound('Order');
  assertLegal(order, 'confirmReceipt', 'confirmed received');
  const now = nowOf(deps);
  if (!isBuyer) {
    const dueAt = Date.parse(order.shipment!.shippedAt) + RECEIPT_BY_OFFICER_AFTER_DAYS * 24 * 3600_000;
    if (now.getTime() < dueAt)
      throw new AppError('CONFLICT', `Only the buyer confirms receipt during the first ${RECEIPT_BY_OFFICER_AFTER_DAYS} days after shipping`);
  }
  const moved = await deps.fulfilment.move(order, 'confirmReceipt', now.toISOString(), { receivedBy: isBuyer ? 'buyer' : 'officer' });
  if (!moved) throw new AppError('CONFLICT', 'The order changed meanwhile; reload it');
  return toOrderView(caller, moved);
}

/** What the station hands over (pickup) and packs (shipping), by seller: every paid order not yet out, oldest first. */
export async function stationManifest(deps: FulfilmentDeps, caller: Caller, stationId: string): Promise<Manifest> {
  const station = await managedStation(deps.stations, caller, stationId);
  // A refund request keeps its order in the index (a refusal puts it back to work) but off today's list.
  const open = (await deps.fulfilment.openOrders(station.id)).filter((o) => o.status === 'PAID' || o.status === 'READY_FOR_PICKUP');
  const bySeller = new Map<string, Manifest['sellers'][number]>();
  for (const order of open) {
    const group = bySeller.get(order.sellerId) ?? { sellerId: order.sellerId, sellerName: order.sellerName, handOver: [], pack: [] };
    (order.delivery.mode === 'pickup' ? group.handOver : group.pack).push(toOrderView(caller, order));
    bySeller.set(order.sellerId, group);
  }
  const sellers = [...bySeller.values()].sort((a, b) => a.sellerName.localeCompare(b.sellerName, 'zh-CN') || a.sellerId.localeCompare(b.sellerId));
  return { stationId: station.id, date: businessDay(nowOf(deps)), sellers };
}

const cityOf = (o: OrderRecord) => `${o.delivery.address?.province ?? ''}\n${o.delivery.address?.city ?? ''}`;

/**
 * One consignment for paid shipping orders of this station going to one city (several sellers welcome):
 * one carrier and tracking number, which each order then carries. Never mixes stations: an order of
 * another station is "not found" here, and the transaction's condition on each order's station holds
 * even if this check were wrong.
 */
export async function consignOrders(deps: FulfilmentDeps, caller: Caller, stationId: string, body: ConsignmentCreateRequest): Promise<Consignment> {
  const station = await managedStation(deps.stations, caller, stationId);
  if (new Set(body.orderIds).size !== body.orderIds.length) throw invalidField('body.orderIds', 'names an order twice');
  const orders = await Promise.all(body.orderIds.map((id) => deps.orders.get(id)));
  const found = orders.map((o) => {
    if (!o || o.stationId !== station.id) throw notFound('Order');
    return o;
  });
  if (found.some((o) => o.delivery.mode !== 'shipping')) throw invalidField('body.orderIds', 'names a pickup order: only shipping orders travel');
  const notPaid = found.find((o) => !nextStatus({ status: o.status, mode: 'shipping' }, 'ship'));
  if (notPaid) throw refused(notPaid, 'shipped');
  if (new Set(found.map(cityOf)).size !== 1) throw invalidField('body.orderIds', 'goes to several cities: a consignment goes to one city');
  const address = found[0].delivery.address!;
  const consignment: ConsignmentRecord = {
    id: 'cn' + randomUUID().replace(/-/g, '').slice(0, 24),
    stationId: station.id,
    province: address.province,
    city: address.city,
    carrier: body.carrier,
    trackingNo: body.trackingNo,
    orderIds: found.map((o) => o.id),
    sellerIds: [...new Set(found.map((o) => o.sellerId))],
    createdAt: nowOf(deps).toISOString(),
    createdBy: caller.userId,
  };
  if (!(await deps.fulfilment.consign(consignment, found)))
    throw new AppError('CONFLICT', 'An order of the consignment changed meanwhile; reload them');
  const { createdBy: _, ...view } = consignment;
  return view;
}
