/**
 * A seller's own account (issue 13: "a seller linked to WeChat sees their listings, sales and earnings").
 *
 *   household seller ── the villager whose account is linked to that household (the household link code
 *                       they showed the officer: Caller.householdId) ── is its seller account
 *   cooperative      ── the officer issues a one-time code for it (10 minutes, used once) ──> its contact
 *                       enters it in 我的: their account is linked to the cooperative (one item in their partition)
 *
 * What a seller sees is read, not kept: the seller's listings (its station's listings, filtered) and its
 * paid orders (its station's orders, filtered). A village station holds tens of listings and some hundreds
 * of orders a year, so this stays a few Query pages; when that grows, a per-seller total moved in the
 * paid transaction (order payment's code) replaces the order scan.
 */
import { randomInt } from 'node:crypto';
import { LISTING_UNIT_NAMES, type MySeller, type MySellersResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import type { RateLimiter } from '../rate-limit';
import { managedRecord } from '../stations/station-access';
import type { ListingRecord, OrderRecord, SellerRecord, SellerRepository } from './market';
import { toSellerView } from './sellers';

/** Where seller links and a seller's own reads are kept (functions/data implements it). */
export interface SellerAccountRepository {
  /** A new code for the seller; false when the code is another live code (pick another). */
  putLinkCode(code: string, sellerId: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
  /** Uses a live code once (deleted in the same transaction that links the user); null when unknown, expired or used. */
  redeemLinkCode(code: string, userId: string, nowMs: number, at: string): Promise<{ sellerId: string } | null>;
  /** The cooperatives whose contact the user is. */
  linkedSellerIds(userId: string): Promise<string[]>;
  /** The seller a household is, if it is one. */
  sellerOfHousehold(householdId: string): Promise<string | null>;
  /** Every listing of the seller, every status, newest first. */
  listingsOf(seller: Pick<SellerRecord, 'id' | 'stationId'>): Promise<ListingRecord[]>;
  /** The seller's orders that were paid (whatever happened after: fulfilment moves them on). */
  paidOrdersOf(seller: Pick<SellerRecord, 'id' | 'stationId'>): Promise<OrderRecord[]>;
}

export interface SellerAccountDeps {
  accounts: SellerAccountRepository;
  sellers: Pick<SellerRepository, 'get'>;
  rateLimiter: RateLimiter;
  now?: () => Date;
}

const LINK_CODE_TTL_MS = 10 * 60_000;
const LINK_CODES_PER_HOUR = 10;
/** 10^8 codes, a handful live: 30 tries an hour finds one about once in a thousand years (as account codes). */
const LINK_ATTEMPTS_PER_HOUR = 30;

/** The officer of the cooperative's station: an 8-digit code its contact enters in 我的. */
export async function issueSellerLinkCode(deps: SellerAccountDeps, caller: Caller, sellerId: string) {
  const seller = managedRecord(caller, await deps.sellers.get(sellerId), 'Seller');
  if (seller.kind !== 'cooperative')
    throw new AppError('CONFLICT', 'A household seller is linked through its household: link the villager to the household instead');
  await deps.rateLimiter(`seller-link-code:${caller.userId}`, LINK_CODES_PER_HOUR, 3600);
  const nowMs = (deps.now?.() ?? new Date()).getTime();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (await deps.accounts.putLinkCode(code, seller.id, nowMs + LINK_CODE_TTL_MS, nowMs)) {
      return { code, expiresAt: new Date(nowMs + LINK_CODE_TTL_MS).toISOString() };
    }
  }
  throw new AppError('CONFLICT', 'Could not issue a code right now; try again');
}

/** The contact enters the code: their account is the cooperative's from now on. */
export async function linkSeller(deps: SellerAccountDeps, caller: Caller, code: string) {
  await deps.rateLimiter(`seller-link-attempt:${caller.userId}`, LINK_ATTEMPTS_PER_HOUR, 3600);
  const now = deps.now?.() ?? new Date();
  const linked = await deps.accounts.redeemLinkCode(code, caller.userId, now.getTime(), now.toISOString());
  const seller = linked && (await deps.sellers.get(linked.sellerId));
  if (!seller) throw notFound('Seller link code (it may have expired or been used)');
  return { seller: toSellerView(seller) };
}

function sellerView(seller: SellerRecord, listings: ListingRecord[], paidEver: OrderRecord[]): MySeller {
  // A refunded order's money went back and its goods returned to stock: it is neither sold nor earned.
  const refunded = paidEver.filter((o) => o.status === 'REFUNDED');
  const paid = paidEver.filter((o) => o.status !== 'REFUNDED');
  const sold = new Map<string, { quantity: number; amountFen: number }>();
  for (const line of paid.flatMap((o) => o.lines)) {
    const entry = sold.get(line.listingId) ?? { quantity: 0, amountFen: 0 };
    sold.set(line.listingId, { quantity: entry.quantity + line.quantity, amountFen: entry.amountFen + line.amountFen });
  }
  return {
    seller: toSellerView(seller),
    listings: listings.map((l) => ({
      id: l.id,
      title: l.title,
      unit: l.unit,
      unitName: LISTING_UNIT_NAMES[l.unit],
      priceFen: l.priceFen,
      stock: l.stock,
      status: l.status,
      soldQuantity: sold.get(l.id)?.quantity ?? 0,
      soldFen: sold.get(l.id)?.amountFen ?? 0,
    })),
    sales: { paidOrders: paid.length, quantity: [...sold.values()].reduce((sum, s) => sum + s.quantity, 0) },
    // Paid totals, shipping included (the seller ships), net of refunds.
    earningsFen: paidEver.reduce((sum, o) => sum + o.totalFen, 0) - refunded.reduce((sum, o) => sum + o.totalFen, 0),
    refundedFen: refunded.reduce((sum, o) => sum + o.totalFen, 0),
  };
}

/** The caller's sellers: their linked household's, and the cooperatives they are the contact of. */
export async function mySellers(deps: SellerAccountDeps, caller: Caller): Promise<MySellersResponse> {
  const [ofHousehold, linked] = await Promise.all([
    caller.householdId ? deps.accounts.sellerOfHousehold(caller.householdId) : Promise.resolve(null),
    deps.accounts.linkedSellerIds(caller.userId),
  ]);
  const ids = [...new Set([...(ofHousehold ? [ofHousehold] : []), ...linked])];
  const sellers = (await Promise.all(ids.map((id) => deps.sellers.get(id)))).filter((s): s is SellerRecord => s !== null);
  const items = await Promise.all(
    sellers.map(async (seller) => {
      const [listings, paid] = await Promise.all([deps.accounts.listingsOf(seller), deps.accounts.paidOrdersOf(seller)]);
      return sellerView(seller, listings, paid);
    }),
  );
  return { items, nextCursor: null };
}
