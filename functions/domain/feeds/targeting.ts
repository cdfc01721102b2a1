/**
 * Targeting, exactly (issue 11): a place sees an item when the item's region is the place itself or
 * one of its ancestors and, if the item names area types, the place's area type is among them;
 * expired, retracted and unreviewed items never. A feed page reads each level of the place's chain
 * with one Query (newest first) and merges them here by time.
 */
import type { FeedRecord, Place, RegionSlice } from './feed';
import { publishedSortKey } from './feed';

export function isVisibleAt(feed: FeedRecord, place: Place, now: string): boolean {
  return (
    feed.status === 'PUBLISHED' &&
    place.chain.includes(feed.regionCode) &&
    (feed.areaTypes === null || feed.areaTypes.includes(place.areaType)) &&
    (feed.validUntil === null || feed.validUntil > now)
  );
}

/** Sorts before every sort key (`<publishedAt>#<id>`): "start from the newest". */
export const NEWEST = '~';

/**
 * A k-way merge of one Query per level, newest first. A level that has more than it returned has
 * only older items left than the last key it evaluated, so every item at or above the highest such
 * key (the frontier) is known in order; the page takes up to `limit` of those. The next page asks
 * every level for items older than one key (the page's last item, or the frontier when the page
 * ended short): a single sort key is the whole merge state, signed as the cursor.
 */
export function mergeSlices(slices: RegionSlice[], limit: number): { items: FeedRecord[]; nextBefore: string | null } {
  const frontier = slices.reduce<string | null>(
    (max, s) => (s.lastSortKey !== null && (max === null || s.lastSortKey > max) ? s.lastSortKey : max),
    null,
  );
  const known = slices
    .flatMap((s) => s.items)
    .map((feed) => ({ feed, key: publishedSortKey(feed) }))
    .filter(({ key }) => frontier === null || key >= frontier)
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const page = known.slice(0, limit);
  if (page.length === limit && (known.length > limit || frontier !== null))
    return { items: page.map((p) => p.feed), nextBefore: page[page.length - 1].key };
  return { items: page.map((p) => p.feed), nextBefore: frontier };
}
