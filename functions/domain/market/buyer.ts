/**
 * A buyer's own things: delivery addresses (the full phone is shown to its owner only; orders carry
 * it masked) and carts, one per seller, kept on the server. Anyone signed in is a buyer: no role change.
 */
import { randomBytes } from 'node:crypto';
import { MAX_ADDRESSES, type AddressCreateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { AddressRecord, BuyerRepository, ListingRepository, SellerRepository } from './market';

export interface BuyerDeps {
  buyers: BuyerRepository;
  listings: Pick<ListingRepository, 'getMany'>;
  sellers: Pick<SellerRepository, 'get'>;
  now?: () => Date;
}

export async function addAddress(deps: BuyerDeps, caller: Caller, input: AddressCreateRequest): Promise<AddressRecord> {
  const address: AddressRecord = { id: 'ad' + randomBytes(12).toString('hex'), ...input, createdAt: (deps.now?.() ?? new Date()).toISOString() };
  if (!(await deps.buyers.addAddress(caller.userId, address, MAX_ADDRESSES)))
    throw new AppError('LIMIT_EXCEEDED', `At most ${MAX_ADDRESSES} addresses; remove one first`);
  return address;
}

export async function myAddresses(deps: BuyerDeps, caller: Caller) {
  return { items: await deps.buyers.addresses(caller.userId), nextCursor: null };
}

/** Cart lines with what the listing says now (price, title, whether it can be ordered). */
async function cartView(deps: BuyerDeps, cart: { sellerId: string; items: Array<{ listingId: string; quantity: number }>; updatedAt: string }) {
  const listings = new Map((await deps.listings.getMany(cart.items.map((i) => i.listingId))).map((l) => [l.id, l]));
  const items = cart.items.map((i) => {
    const l = listings.get(i.listingId);
    return {
      listingId: i.listingId,
      quantity: i.quantity,
      title: l?.title ?? '',
      priceFen: l?.priceFen ?? 0,
      available: l !== undefined && l.status === 'ACTIVE' && l.stock >= i.quantity,
    };
  });
  return { sellerId: cart.sellerId, items, subtotalFen: items.reduce((sum, i) => sum + i.priceFen * i.quantity, 0), updatedAt: cart.updatedAt };
}

/** Replaces the cart of one seller; every line must be a listing of that seller. An empty list removes the cart. */
export async function putCart(deps: BuyerDeps, caller: Caller, sellerId: string, input: { items: Array<{ listingId: string; quantity: number }> }) {
  const seller = await deps.sellers.get(sellerId);
  if (!seller) throw notFound('Seller');
  const ids = input.items.map((i) => i.listingId);
  if (new Set(ids).size !== ids.length) throw invalidField('body.items', 'names a listing twice');
  const listings = new Map((await deps.listings.getMany(ids)).map((l) => [l.id, l]));
  input.items.forEach((item, i) => {
    if (listings.get(item.listingId)?.sellerId !== seller.id) throw invalidField(`body.items.${i}.listingId`, 'is not a listing of this seller');
  });
  const cart = { sellerId: seller.id, items: input.items, updatedAt: (deps.now?.() ?? new Date()).toISOString() };
  if (cart.items.length === 0) await deps.buyers.removeCart(caller.userId, seller.id);
  else await deps.buyers.putCart(caller.userId, cart);
  return cartView(deps, cart);
}

export async function myCarts(deps: BuyerDeps, caller: Caller) {
  const carts = await deps.buyers.carts(caller.userId);
  return { items: await Promise.all(carts.map((c) => cartView(deps, c))), nextCursor: null };
}
