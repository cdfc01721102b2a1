/**
 * What buyers read: a listing's page (ONE GetItem: the seller's name, the village and the station are
 * kept on the listing), browsing by category and region (ONE Query a page: the sparse index keys of
 * keys.ts listingKeys) and keyword search in Chinese or pinyin, like station search.
 */
import { LISTING_UNIT_NAMES, PRODUCE_CATEGORIES, type Listing } from '../../../shared';
import { notFound } from '../errors';
import type { Page } from '../page';
import { normaliseQuery, queryWords } from '../stations/search';
import type { ImageStore } from '../uploads/upload';
import type { ListingRecord, ListingRepository } from './market';

export interface ListingReadDeps {
  listings: Pick<ListingRepository, 'get' | 'browse' | 'activeInProvince'>;
  images: Pick<ImageStore, 'urls'>;
  offsets: { encode(offset: number, scope: string): string; decode(cursor: string | undefined, scope: string): number };
}

const CATEGORY_NAMES = Object.fromEntries(PRODUCE_CATEGORIES.map((c) => [c.id, c.name])) as Record<string, string>;

export async function listingViews(deps: { images: Pick<ImageStore, 'urls'> }, listings: ListingRecord[]): Promise<Listing[]> {
  const keys = listings.flatMap((l) => l.photos.flatMap((p) => [p.key, p.thumbnailKey]));
  const urls = keys.length === 0 ? new Map<string, string>() : await deps.images.urls(keys);
  return listings.map((l) => ({
    id: l.id,
    title: l.title,
    category: l.category,
    categoryName: CATEGORY_NAMES[l.category] ?? l.category,
    unit: l.unit,
    unitName: LISTING_UNIT_NAMES[l.unit],
    priceFen: l.priceFen,
    stock: l.stock,
    status: l.status,
    photos: l.photos.map((p) => ({
      id: p.uploadId,
      url: urls.get(p.key) ?? '',
      thumbnailUrl: urls.get(p.thumbnailKey) ?? '',
      width: p.width,
      height: p.height,
    })),
    harvestDate: l.harvestDate,
    description: l.description,
    delivery: l.delivery,
    seller: { id: l.sellerId, kind: l.sellerKind, displayName: l.sellerName },
    station: { id: l.stationId, code: l.stationCode, villageName: l.villageName, regionChain: l.regionChain },
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  }));
}

/** Public: any listing that exists (a paused or ended one says so: a buyer's link keeps working). */
export async function getListing(deps: ListingReadDeps, id: string): Promise<Listing> {
  const listing = await deps.listings.get(id);
  if (!listing) throw notFound('Listing');
  return (await listingViews(deps, [listing]))[0];
}

const CJK = /[\u3400-\u9fff]/;

/** 0 title, 1 village/township/county, 2 pinyin or initials of the title, 3 of the places; null no match. */
function wordTier(l: ListingRecord, word: string): number | null {
  if (CJK.test(word)) {
    if (l.title.includes(word)) return 0;
    if ((CATEGORY_NAMES[l.category] ?? '').includes(word)) return 0;
    return [l.villageName, ...l.regionChain.map((r) => r.name)].some((name) => name.includes(word)) ? 1 : null;
  }
  if (/^[a-z]+$/.test(word)) {
    const [titleFull, ...placesFull] = l.pinyin.split('|');
    const [titleInitials, ...placesInitials] = l.initials.split('|');
    if ((word.length >= 2 && titleFull.includes(word)) || (word.length >= 2 && titleInitials.startsWith(word))) return 2;
    if (placesFull.some((p) => word.length >= 2 && p.startsWith(word)) || placesInitials.some((p) => word.length >= 2 && p === word)) return 3;
    return null;
  }
  return null;
}

function tierOf(l: ListingRecord, words: string[]): number | null {
  let worst = 0;
  for (const word of words) {
    const tier = wordTier(l, word);
    if (tier === null) return null;
    worst = Math.max(worst, tier);
  }
  return worst;
}

/**
 * Browse (`category`, `region`: ONE Query a page) or search (`q`: the province's active listings,
 * ranked in memory: best tier first, newest first within a tier; the whole query without spaces is
 * tried before its words).
 */
export async function listListings(
  deps: ListingReadDeps,
  query: { category?: string; region?: string; q?: string; limit: number; cursor?: string },
): Promise<Page<Listing>> {
  const region = query.region ?? '63';
  if (query.q === undefined) {
    const page = await deps.listings.browse({ region, category: query.category as ListingRecord['category'] | undefined }, query);
    return { items: await listingViews(deps, page.items), nextCursor: page.nextCursor };
  }
  const scope = `listings:search:${region}:${query.category ?? ''}:${normaliseQuery(query.q)}`;
  const offset = deps.offsets.decode(query.cursor, scope);
  const corpus = (await deps.listings.activeInProvince(region)).filter(
    (l) => l.stationVillageCode.startsWith(region) && (query.category === undefined || l.category === query.category),
  );
  const rank = (words: string[]) =>
    corpus
      .map((l) => ({ l, tier: tierOf(l, words) }))
      .filter((hit): hit is { l: ListingRecord; tier: number } => hit.tier !== null)
      .sort((a, b) => a.tier - b.tier || (a.l.createdAt < b.l.createdAt ? 1 : -1));
  let hits = rank([normaliseQuery(query.q)].filter(Boolean));
  if (hits.length === 0) hits = rank(queryWords(query.q));
  const slice = hits.slice(offset, offset + query.limit).map((hit) => hit.l);
  return {
    items: await listingViews(deps, slice),
    nextCursor: offset + query.limit < hits.length ? deps.offsets.encode(offset + query.limit, scope) : null,
  };
}
