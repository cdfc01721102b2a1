import type * as z from 'zod/mini';
import type { Consignment, Manifest, PickupCodeResponse } from '@shared/schemas/fulfilment';
import type { Order } from '@shared/schemas/market';
import { request } from './api-client';

/**
 * Fulfilment (issue 14): the officer's pickup by code, shipping, manifest and consignments, and the
 * buyer's pickup code and receipt. Every status change is the server's: the pages only ask for a move.
 */

export type { Consignment, Manifest };
export type PickupCode = z.infer<typeof PickupCodeResponse>;

const stationPath = (stationId: string, rest: string) => `/stations/${encodeURIComponent(stationId)}${rest}`;
const orderPath = (id: string, rest: string) => `/orders/${encodeURIComponent(id)}${rest}`;

/** `POST /stations/{id}/pickup-lookups`: the order a buyer's code names at this station (404 elsewhere). */
export function lookupPickup(stationId: string, code: string): Promise<Order> {
  return request<Order>(stationPath(stationId, '/pickup-lookups'), { method: 'POST', body: { code } });
}

/** `POST /stations/{id}/pickups`: hand the goods over; the code works once. */
export function confirmPickup(stationId: string, code: string): Promise<Order> {
  return request<Order>(stationPath(stationId, '/pickups'), { method: 'POST', body: { code } });
}

/** `GET /stations/{id}/manifest`: what to hand over and pack, by seller. */
export function getManifest(stationId: string): Promise<Manifest> {
  return request<Manifest>(stationPath(stationId, '/manifest'));
}

/** `POST /orders/{id}/shipment`: one order shipped with carrier and tracking number. */
export function shipOrder(orderId: string, carrier: string, trackingNo: string): Promise<Order> {
  return request<Order>(orderPath(orderId, '/shipment'), { method: 'POST', body: { carrier, trackingNo } });
}

/** `POST /stations/{id}/consignments`: several orders to one city under one tracking number. */
export function createConsignment(stationId: string, orderIds: string[], carrier: string, trackingNo: string): Promise<Consignment> {
  return request<Consignment>(stationPath(stationId, '/consignments'), { method: 'POST', body: { orderIds, carrier, trackingNo } });
}

/**
 * The station's refund requests: its newest 50 orders (`GET /stations/{id}/orders`), those waiting for a
 * decision. A village station has a handful of open orders, so a request older than its last 50 orders
 * is out of sight here (it still shows on the buyer's order and can be decided from there).
 */
export async function getRefundRequests(stationId: string): Promise<Order[]> {
  const page = await request<{ items: Order[] }>(stationPath(stationId, '/orders'), { query: { limit: '50' } });
  return page.items.filter((order) => order.status === 'REFUND_REQUESTED');
}

/** `POST /orders/{id}/refund-decision`: approve (the money goes back through WeChat Pay) or refuse with a note. */
export function decideRefund(orderId: string, decision: 'approve' | 'refuse', note?: string): Promise<Order> {
  return request<Order>(orderPath(orderId, '/refund-decision'), { method: 'POST', body: note ? { decision, note } : { decision } });
}

/** `GET /orders/{id}/pickup-code`: the buyer's code and its QR code. */
export function getPickupCode(orderId: string): Promise<PickupCode> {
  return request<PickupCode>(orderPath(orderId, '/pickup-code'));
}

/** `POST /orders/{id}/receipt`: the buyer received a shipped order. */
export function confirmReceipt(orderId: string): Promise<Order> {
  return request<Order>(orderPath(orderId, '/receipt'), { method: 'POST' });
}

/**
 * The 6-digit code in what the officer typed or scanned: the digits alone, or the buyer's QR text
 * `yinong:pickup:<stationId>:<code>` (of this station only: another station's QR is not ours to read).
 */
export function pickupCodeIn(text: string, stationId: string): string | null {
  const trimmed = text.trim();
  if (/^\d{6}$/.test(trimmed)) return trimmed;
  const match = /^yinong:pickup:([^:]+):(\d{6})$/.exec(trimmed);
  return match && match[1] === stationId ? match[2] : null;
}
