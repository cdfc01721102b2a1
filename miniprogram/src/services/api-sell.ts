import type * as z from 'zod/mini';
import type {
  CategoriesResponse,
  Listing,
  ListingChange,
  ListingCreateRequest,
  ListingUpdateRequest,
  Order,
  Seller,
  SellerCreateRequest,
} from '@shared/schemas/market';
import type { SellerLinkCodeResponse } from '@shared/schemas/market-seller';
import { request } from './api-client';

/**
 * The officer's side of the marketplace (农产品代销, packages/officer): the station's sellers, the
 * listings the officer keeps for them with their history, and the station's orders (read only).
 * The buyer's endpoints live with the buyer pages, so neither subpackage carries the other's calls.
 */

export type { Listing, Order, Seller };
export type Category = z.infer<typeof CategoriesResponse>['items'][number];
export type ListingChangeView = z.infer<typeof ListingChange>;
export type Page<T> = { items: T[]; nextCursor: string | null };

const stationPath = (stationId: string, rest: string) => `/stations/${encodeURIComponent(stationId)}${rest}`;
const listingPath = (id: string, rest = '') => `/listings/${encodeURIComponent(id)}${rest}`;

/** `GET /categories`: the produce categories (牦牛肉, 青稞...). */
export function getCategories(): Promise<{ items: Category[] }> {
  return request<{ items: Category[] }>('/categories', { auth: false });
}

/** `GET /stations/{id}/sellers`: the station's sellers, newest first. */
export function getStationSellers(stationId: string, cursor?: string): Promise<Page<Seller>> {
  return request<Page<Seller>>(stationPath(stationId, '/sellers'), { query: { cursor } });
}

/** `POST /stations/{id}/sellers`: a household of the station (once) or a cooperative, with consent. */
export function createSeller(stationId: string, body: SellerCreateRequest): Promise<Seller> {
  return request<Seller>(stationPath(stationId, '/sellers'), { method: 'POST', body });
}

/** `GET /stations/{id}/listings`: the station's listings in every status, newest first. */
export function getStationListings(stationId: string, cursor?: string): Promise<Page<Listing>> {
  return request<Page<Listing>>(stationPath(stationId, '/listings'), { query: { cursor } });
}

/** `GET /stations/{id}/orders`: the station's orders to prepare, newest first. */
export function getStationOrders(stationId: string, cursor?: string): Promise<Page<Order>> {
  return request<Page<Order>>(stationPath(stationId, '/orders'), { query: { cursor } });
}

/** `POST /listings`: a listing for a seller of the officer's station. */
export function createListing(body: ListingCreateRequest): Promise<Listing> {
  return request<Listing>('/listings', { method: 'POST', body });
}

/** `GET /listings/{id}`: one listing as stored now (paused and ended ones too). */
export function getListing(id: string): Promise<Listing> {
  return request<Listing>(listingPath(id));
}

/** `PATCH /listings/{id}`: price, stock, texts or status; 409 when orders moved it since it was read. */
export function updateListing(id: string, body: ListingUpdateRequest): Promise<Listing> {
  return request<Listing>(listingPath(id), { method: 'PATCH', body });
}

/** `GET /listings/{id}/history`: every change (who by role and id tail, when), newest first. */
export function getListingHistory(id: string, cursor?: string): Promise<Page<ListingChangeView>> {
  return request<Page<ListingChangeView>>(listingPath(id, '/history'), { query: { cursor } });
}

/** `POST /sellers/{sellerId}/link-code`: a cooperative's one-time 8-digit code (10 minutes) its contact enters in 我的. */
export function issueSellerLinkCode(sellerId: string): Promise<z.infer<typeof SellerLinkCodeResponse>> {
  return request<z.infer<typeof SellerLinkCodeResponse>>(`/sellers/${encodeURIComponent(sellerId)}/link-code`, { method: 'POST' });
}
