/**
 * Listings, kept by the officer of the seller's station: created with checked photos, then price,
 * stock, status and texts edited; every change recorded with who, when, before and after.
 */
import { randomBytes } from 'node:crypto';
import type { Listing, ListingCreateRequest, ListingUpdateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { PageRequest } from '../page';
import type { StationRepository } from '../stations/station';
import { managedRecord, managedStation } from '../stations/station-access';
import { checkNewUploads, type CheckDeps } from '../uploads/check-uploads';
import { listingViews } from './listing-read';
import { idTail, type ListingChangeRecord, type ListingRecord, type ListingRepository, type SellerRepository, type Speller } from './market';

export interface ListingWriteDeps extends CheckDeps {
  listings: ListingRepository;
  sellers: Pick<SellerRepository, 'get'>;
  stations: Pick<StationRepository, 'getById'>;
  speller: Speller;
  now?: () => Date;
}

/** Pinyin of what a buyer may type: the title, the village, township and county. */
export function spellListing(speller: Speller, title: string, places: string[]) {
  const spelled = [title, ...places].map((text) => speller.spell(text));
  return { pinyin: spelled.map((s) => s.full).join('|'), initials: spelled.map((s) => s.initials).join('|') };
}

const changeOf = (
  caller: Caller,
  action: ListingChangeRecord['action'],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  at: string,
) => ({
  at,
  action,
  before,
  after,
  byUserId: caller.userId,
  byRole: caller.role,
});

export async function createListing(deps: ListingWriteDeps, caller: Caller, input: ListingCreateRequest): Promise<Listing> {
  const seller = await deps.sellers.get(input.sellerId);
  if (!seller || caller.role !== 'officer' || caller.stationId !== seller.stationId) throw notFound('Seller');
  const station = await managedStation(deps.stations, caller, seller.stationId);
  const delivery = input.delivery ?? { pickup: true, shipping: null };
  if (!delivery.pickup && !delivery.shipping) throw invalidField('body.delivery', 'offers no delivery: allow pickup, shipping or both');
  const ids = input.photos ?? [];
  if (new Set(ids).size !== ids.length) throw invalidField('body.photos', 'names the same upload twice');
  const photos = await checkNewUploads(deps, caller, ids, (id) => ids.indexOf(id));
  const at = (deps.now?.() ?? new Date()).toISOString();
  const places = station.regionChain.filter((r) => r.level === 'township' || r.level === 'county').map((r) => r.name);
  const listing: ListingRecord = {
    id: 'ls' + randomBytes(12).toString('hex'),
    sellerId: seller.id,
    sellerKind: seller.kind,
    sellerName: seller.displayName,
    stationId: station.id,
    stationVillageCode: station.villageCode,
    stationCode: station.code,
    villageName: station.villageName,
    regionChain: station.regionChain,
    title: input.title,
    category: input.category,
    unit: input.unit,
    priceFen: input.priceFen,
    stock: input.stock,
    status: 'ACTIVE',
    photos,
    harvestDate: input.harvestDate ?? null,
    description: input.description ?? '',
    delivery,
    ...spellListing(deps.speller, input.title, [station.villageName, ...places]),
    createdAt: at,
    updatedAt: at,
  };
  const { title, priceFen, stock } = listing;
  await deps.listings.create(listing, changeOf(caller, 'created', {}, { title, priceFen, stock, status: 'ACTIVE' }, at), ids, caller.userId);
  return (await listingViews(deps, [listing]))[0];
}

/** The listing, if the caller is an officer of its station (or an admin over it for reads); 404 otherwise. */
export async function managedListing(listings: Pick<ListingRepository, 'get'>, caller: Caller, id: string) {
  const listing = await listings.get(id);
  return managedRecord(caller, listing, 'Listing');
}

/** Ended is final: an ended listing takes no edit. */
export async function updateListing(deps: ListingWriteDeps, caller: Caller, id: string, input: ListingUpdateRequest): Promise<Listing> {
  const listing = await managedListing(deps.listings, caller, id);
  if (listing.status === 'ENDED') throw new AppError('CONFLICT', 'The listing has ended; create a new one');
  const at = (deps.now?.() ?? new Date()).toISOString();
  const set: Parameters<ListingRepository['update']>[1] = {};
  const changes: ListingChangeRecord[] = [];
  if (input.priceFen !== undefined && input.priceFen !== listing.priceFen) {
    set.priceFen = input.priceFen;
    changes.push(changeOf(caller, 'price', { priceFen: listing.priceFen }, { priceFen: input.priceFen }, at));
  }
  if (input.stock !== undefined && input.stock !== listing.stock) {
    set.stock = input.stock;
    changes.push(changeOf(caller, 'stock', { stock: listing.stock }, { stock: input.stock }, at));
  }
  if (input.status !== undefined && input.status !== listing.status) {
    set.status = input.status;
    changes.push(changeOf(caller, 'status', { status: listing.status }, { status: input.status }, at));
  }
  const texts: Record<string, string> = {};
  if (input.title !== undefined && input.title !== listing.title) texts.title = input.title;
  if (input.description !== undefined && input.description !== listing.description) texts.description = input.description;
  if (Object.keys(texts).length > 0) {
    Object.assign(set, texts);
    if (texts.title !== undefined) {
      const places = listing.regionChain.filter((r) => r.level === 'township' || r.level === 'county').map((r) => r.name);
      Object.assign(set, spellListing(deps.speller, texts.title, [listing.villageName, ...places]));
    }
    const before = Object.fromEntries(Object.keys(texts).map((k) => [k, listing[k as 'title' | 'description']]));
    changes.push(changeOf(caller, 'text', before, texts, at));
  }
  if (changes.length === 0) throw invalidField('body', 'changes nothing');
  const updated = await deps.listings.update(listing, set, changes);
  // Orders move the stock all the time: an edit made on an older reading is refused, not applied over them.
  if (!updated) throw new AppError('CONFLICT', 'The listing changed meanwhile (an order took stock?); reload and try again');
  return (await listingViews(deps, [updated]))[0];
}

export async function listingHistory(deps: Pick<ListingWriteDeps, 'listings'>, caller: Caller, id: string, page: PageRequest) {
  const listing = await managedListing(deps.listings, caller, id);
  const result = await deps.listings.changes(listing.id, page);
  return {
    items: result.items.map((c) => ({
      at: c.at,
      action: c.action,
      before: c.before,
      after: c.after,
      by: { role: c.byRole, idTail: idTail(c.byUserId), you: c.byUserId === caller.userId },
    })),
    nextCursor: result.nextCursor,
  };
}

/** Every listing of the station, any status, newest first (the officer's list). */
export async function stationListings(
  deps: Pick<ListingWriteDeps, 'listings' | 'stations' | 'images'>,
  caller: Caller,
  stationId: string,
  page: PageRequest,
) {
  const station = await managedStation(deps.stations, caller, stationId);
  const result = await deps.listings.ofStation(station.id, page);
  return { items: await listingViews(deps, result.items), nextCursor: result.nextCursor };
}
