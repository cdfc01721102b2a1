import type { MySeller, MySellersResponse } from '@shared/schemas/market-seller';
import type { Seller } from '@shared/schemas/market';
import { request } from './api-client';

/**
 * A seller's own account (我卖的农产品): 我的 (packages/me) links a cooperative and shows the way in, the
 * market subpackage's seller page shows the listings, sales and earnings. Subpackage code only.
 */

export type { MySeller };

/** `GET /me/seller`: the sellers linked to the signed-in user (their household's, their cooperatives), each with its listings and sales. */
export function getMySellers(): Promise<MySellersResponse> {
  return request<MySellersResponse>('/me/seller');
}

/** `POST /me/seller-links`: the 8-digit code the officer issued for a cooperative (used once). */
export function linkSeller(code: string): Promise<{ seller: Seller }> {
  return request<{ seller: Seller }>('/me/seller-links', { method: 'POST', body: { code } });
}
