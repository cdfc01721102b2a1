import { FEED_CATEGORIES, FEED_CATEGORY_NAMES, type FeedCategory, type FeedLang } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { labelPeople } from '../accounts/person-labels';
import type { UserRepository } from '../accounts/user';
import { notFound } from '../errors';
import type { PageRequest } from '../page';
import type { RegionRepository } from '../regions/region';
import type { ImageStore } from '../uploads/upload';
import {
  imageUrlsFor,
  isPinnedAt,
  peopleIn,
  toFeedDetail,
  toFeedItem,
  toFeedSummary,
  type FeedRecord,
  type FeedRepository,
  type Place,
} from './feed';
import { assertMayTarget, seesUnpublished } from './feed-access';
import { isVisibleAt, mergeSlices, NEWEST } from './targeting';

/** Signs and checks the merge's cursor (one sort key), bound to the list it came from. */
export interface FeedCursor {
  encode(before: string, scope: string): string;
  decode(cursor: string | undefined, scope: string): string | undefined;
}

export interface FeedReadDeps {
  feeds: FeedRepository;
  regions: Pick<RegionRepository, 'get'>;
  cursor: FeedCursor;
  /** Where images are loaded from (needed only when an item shown has images). */
  images?: Pick<ImageStore, 'urls'>;
  now?: () => Date;
}

/** What the authors' and reviewers' reads need: the users, to name the people an item records. */
type DetailDeps = Pick<FeedReadDeps, 'feeds' | 'images' | 'now'> & { users: Pick<UserRepository, 'getMany'> };

/**
 * Items as their authors and reviewers see them: the people they name read with one BatchGet for the
 * page, their images' URLs asked of the store once.
 */
export async function toDetails(deps: Pick<DetailDeps, 'users' | 'images'>, caller: Caller, feeds: FeedRecord[], now: string, lang?: FeedLang) {
  const [label, urls] = await Promise.all([labelPeople(deps.users, caller, peopleIn(feeds)), imageUrlsFor(deps.images, feeds, true)]);
  return feeds.map((feed) => toFeedDetail(feed, lang ?? feed.lang, now, label, urls));
}

export const feedCategories = () => ({
  items: FEED_CATEGORIES.map((key) => ({ key, name: FEED_CATEGORY_NAMES[key].zh, nameBo: FEED_CATEGORY_NAMES[key].bo })),
  nextCursor: null,
});

/** The place behind a division code: its chain (province first, itself last) and its area type; 404 when there is no such region. */
export async function placeOf(regions: Pick<RegionRepository, 'get'>, code: string): Promise<Place> {
  const region = await regions.get(code);
  if (!region) throw notFound('Region');
  return { chain: [...region.chain.map((r) => r.code), region.code], areaType: region.areaType };
}

/**
 * What a place sees, newest first, urgent alerts pinned on the first page: one Query per level of its
 * chain (at most five) plus one for the pinned alerts on the first page, whatever the number of items.
 */
export async function listFeeds(
  deps: FeedReadDeps,
  query: { region: string; category?: FeedCategory; lang: FeedLang; limit: number; cursor?: string },
) {
  const scope = `feeds:${query.region}:${query.category ?? '*'}`;
  const before = deps.cursor.decode(query.cursor, scope);
  const place = await placeOf(deps.regions, query.region);
  const now = (deps.now?.() ?? new Date()).toISOString();
  const firstPage = before === undefined;
  const pinned = firstPage
    ? (await deps.feeds.pinned(place.chain[0], now))
        .filter((feed) => isVisibleAt(feed, place, now) && (query.category === undefined || feed.category === query.category))
        .sort((a, b) => (a.publishedAt! < b.publishedAt! ? 1 : -1))
        .slice(0, query.limit)
    : [];
  const streamLimit = query.limit - pinned.length;
  if (streamLimit === 0) {
    const urls = await imageUrlsFor(deps.images, pinned, false);
    return { items: pinned.map((f) => toFeedSummary(f, query.lang, now, urls)), nextCursor: deps.cursor.encode(NEWEST, scope) };
  }
  const slices = await Promise.all(
    place.chain.map((code) =>
      deps.feeds.publishedAt(code, { category: query.category, before: before ?? NEWEST, limit: streamLimit, now, areaType: place.areaType }),
    ),
  );
  const merged = mergeSlices(slices, streamLimit);
  // The repository filters already; this keeps the rule in one place should a slice bring more.
  const stream = merged.items.filter((feed) => isVisibleAt(feed, place, now) && !isPinnedAt(feed, now));
  const shown = [...pinned, ...stream];
  const urls = await imageUrlsFor(deps.images, shown, false);
  return {
    items: shown.map((f) => toFeedSummary(f, query.lang, now, urls)),
    nextCursor: merged.nextBefore === null ? null : deps.cursor.encode(merged.nextBefore, scope),
  };
}

/**
 * One item: anyone sees it while it is published and not expired; its authors and reviewers see it
 * whatever its status (with its history); everyone else gets 404 for anything else.
 */
export async function getFeed(deps: DetailDeps, caller: Caller | null, id: string, lang: FeedLang = 'zh') {
  const feed = await deps.feeds.get(id);
  const now = (deps.now?.() ?? new Date()).toISOString();
  if (!feed) throw notFound('Item');
  if (caller && seesUnpublished(caller, feed)) return (await toDetails(deps, caller, [feed], now, lang))[0];
  if (feed.status !== 'PUBLISHED' || (feed.validUntil !== null && feed.validUntil <= now)) throw notFound('Item');
  return toFeedItem(feed, lang, now, await imageUrlsFor(deps.images, [feed], true));
}

/** Items waiting for review in a region inside the admin's own. */
export async function reviewQueue(deps: DetailDeps, caller: Caller, query: { region: string } & PageRequest) {
  assertMayTarget(caller, query.region);
  const page = await deps.feeds.inReview(query.region, query);
  const now = (deps.now?.() ?? new Date()).toISOString();
  return { items: await toDetails(deps, caller, page.items, now), nextCursor: page.nextCursor };
}

export async function myFeeds(deps: DetailDeps, caller: Caller, page: PageRequest) {
  const found = await deps.feeds.byAuthor(caller.userId, page);
  const now = (deps.now?.() ?? new Date()).toISOString();
  return { items: await toDetails(deps, caller, found.items, now), nextCursor: found.nextCursor };
}
