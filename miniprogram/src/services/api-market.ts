import type * as z from 'zod/mini';
import type {
  Address,
  AddressCreateRequest,
  Cart,
  CategoriesResponse,
  Listing,
  Order,
  OrderCreateRequest,
  RequestPaymentResponse,
} from '@shared/schemas/market';
import { request } from './api-client';

/**
 * The marketplace's buyer endpoints (农产品, packages/market). Prices, fees and totals always come from
 * the server's answers: the client sends listings and quantities only.
 */

export type { Listing, Order };
export type Category = z.infer<typeof CategoriesResponse>['items'][number];
export type CartView = z.infer<typeof Cart>;
export type AddressView = z.infer<typeof Address>;
export type PaymentParams = z.infer<typeof RequestPaymentResponse>;
export type ListingPage = { items: Listing[]; nextCursor: string | null };
export type OrderPage = { items: Order[]; nextCursor: string | null };

const orderPath = (id: string, rest = '') => `/orders/${encodeURIComponent(id)}${rest}`;

/** `GET /categories`: the chips of the browse page. */
export function getCategories(): Promise<{ items: Category[] }> {
  return request<{ items: Category[] }>('/categories', { auth: false });
}

/** `GET /listings`: on sale, by category and region (a division code, default the province), or by keyword `q` (Chinese or pinyin). */
export function listListings(options: { category?: string; region?: string; q?: string; cursor?: string }): Promise<ListingPage> {
  return request<ListingPage>('/listings', {
    query: { category: options.category, region: options.region, q: options.q, cursor: options.cursor },
    auth: false,
  });
}

/** `GET /listings/{id}`: one listing with its photos, seller, village and station. */
export function getListing(id: string): Promise<Listing> {
  return request<Listing>(`/listings/${encodeURIComponent(id)}`, { auth: false });
}

/** `GET /me/carts`: one cart per seller, with today's prices and whether each line can be ordered. */
export function getCarts(): Promise<{ items: CartView[] }> {
  return request<{ items: CartView[] }>('/me/carts');
}

/** `PUT /me/carts/{sellerId}`: replaces the cart of one seller (an empty list removes it). */
export function putCart(sellerId: string, items: Array<{ listingId: string; quantity: number }>): Promise<CartView> {
  return request<CartView>(`/me/carts/${encodeURIComponent(sellerId)}`, { method: 'PUT', body: { items } });
}

/** `GET /me/addresses`. */
export function getAddresses(): Promise<{ items: AddressView[] }> {
  return request<{ items: AddressView[] }>('/me/addresses');
}

/** `POST /me/addresses`. */
export function addAddress(body: z.infer<typeof AddressCreateRequest>): Promise<AddressView> {
  return request<AddressView>('/me/addresses', { method: 'POST', body });
}

/** `POST /orders` with the attempt's Idempotency-Key: a retry of the same attempt gets the one order made. */
export function placeOrder(body: z.infer<typeof OrderCreateRequest>, idempotencyKey: string): Promise<Order> {
  return request<Order>('/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** `GET /orders/{id}`. */
export function getOrder(id: string): Promise<Order> {
  return request<Order>(orderPath(id));
}

/** `GET /me/orders`: newest first. */
export function myOrders(cursor?: string): Promise<OrderPage> {
  return request<OrderPage>('/me/orders', { query: { cursor } });
}

/** `POST /orders/{id}/pay`: the wx.requestPayment parameters (the stub's locally). */
export function payOrder(id: string): Promise<PaymentParams> {
  return request<PaymentParams>(orderPath(id, '/pay'), { method: 'POST' });
}

/** `POST /orders/{id}/cancel`: before payment; the stock returns once. */
export function cancelOrder(id: string): Promise<Order> {
  return request<Order>(orderPath(id, '/cancel'), { method: 'POST' });
}

/** `POST /orders/{id}/refund-request`: its buyer asks for the money back, with a reason, before the goods leave the station. */
export function requestRefund(id: string, reason: string): Promise<Order> {
  return request<Order>(orderPath(id, '/refund-request'), { method: 'POST', body: { reason } });
}

/** Local stages only: the stub's sheet confirms, and its signed notification marks the order paid. */
export function confirmStubPayment(id: string): Promise<Order> {
  return request<Order>(`/dev/wechatpay${orderPath(id, '/confirm')}`, { method: 'POST' });
}
