/**
 * An information item and its review workflow:
 *
 *   DRAFT ──submit (author)──> IN_REVIEW ──publish (admin over its region, not the author)──> PUBLISHED
 *     ^                          │                                                            │
 *     └──── REJECTED <──reject───┘                                      retract (admin) ──────┴──> RETRACTED
 *   (REJECTED ──submit──> IN_REVIEW again)
 *
 * Every move is one conditional write on the current status, appending {status, by, at, reason} to
 * the item's history in the same write. Nothing but PUBLISHED is ever shown outside its authors and reviewers.
 */
import type { AreaType, FeedCategory, FeedDetail, FeedItem, FeedLang, FeedStatus, FeedSummary, PersonLabel } from '../../../shared';
import { clipText } from '../../../shared/text-length';
import type { PersonRef } from '../accounts/person-labels';
import type { Page, PageRequest } from '../page';
import type { StoredImage } from '../uploads/check-uploads';
import type { ImageStore } from '../uploads/upload';

export interface FeedText {
  title: string;
  body: string;
}

export interface FeedChange {
  status: FeedStatus;
  byUserId: string;
  at: string;
  reason: string | null;
  /** An edit by the author: the status stayed. */
  edited?: true;
}

export interface FeedRecord {
  id: string;
  status: FeedStatus;
  authorId: string;
  /** The original language and its text; `translations` holds the other versions. */
  lang: FeedLang;
  title: string;
  body: string;
  translations: Partial<Record<FeedLang, FeedText>>;
  category: FeedCategory;
  regionCode: string;
  /** null: every area type. */
  areaTypes: AreaType[] | null;
  urgent: boolean;
  requiresAck: boolean;
  /** ISO instant after which the item is never shown; null: it does not expire. */
  validUntil: string | null;
  /** In the order shown (items written before images existed have none stored). */
  images?: StoredImage[];
  publishedAt: string | null;
  /** Urgent and published: pinned on top of the feed until then. */
  pinnedUntil: string | null;
  ackCount: number;
  history: FeedChange[];
  createdAt: string;
  updatedAt: string;
}

/** A place as the feed sees it: its chain of region codes (province first, itself last) and its area type. */
export interface Place {
  chain: string[];
  areaType: AreaType;
}

/** One Query's worth of published items at one target region, newest first. */
export interface RegionSlice {
  items: FeedRecord[];
  /** The sort key of the last item the Query evaluated (filtered or not) when the region has more; null when it is exhausted. */
  lastSortKey: string | null;
}

/** What an author's edit rewrites (PUT /feeds/{id}). */
export type FeedEdit = Pick<
  FeedRecord,
  'lang' | 'title' | 'body' | 'translations' | 'category' | 'regionCode' | 'areaTypes' | 'urgent' | 'requiresAck' | 'validUntil'
> & { images: StoredImage[] };

/**
 * What a move sets besides the status: a publication's time and pin, and (`queueAlert`) the alert's
 * entry in the subscribe-message outbox, written in the same transaction as the publish so a
 * published alert is never left unsent.
 */
export type TransitionSet = Partial<Pick<FeedRecord, 'publishedAt' | 'pinnedUntil'>> & { queueAlert?: boolean };

export interface FeedRepository {
  /** Writes a new item; its uploads (`newUploadIds`, the author's and pending) become attached to it in the same transaction. */
  create(feed: FeedRecord, newUploadIds?: string[]): Promise<void>;
  get(id: string): Promise<FeedRecord | null>;
  /**
   * Rewrites the item while its status is one of `from` (one conditional write with its new uploads
   * attached and `change` appended to its history); null when the status was not one of `from` or an
   * upload was taken meanwhile.
   */
  edit(feed: FeedRecord, from: FeedStatus[], edit: FeedEdit, change: FeedChange, newUploadIds: string[]): Promise<FeedRecord | null>;
  /** Moves the item from one of `from` to `to` (one conditional write); null when its status was not one of `from`. */
  transition(feed: FeedRecord, from: FeedStatus[], to: FeedStatus, change: FeedChange, set?: TransitionSet): Promise<FeedRecord | null>;
  /**
   * One Query: published items targeted at `regionCode` (of `category` when given), newest first,
   * older than `before` (a sort key), at most `limit` evaluated, skipping expired ones, ones for
   * other area types and the ones pinned at `now` (shown on top instead).
   */
  publishedAt(
    regionCode: string,
    options: { category?: FeedCategory; before?: string; limit: number; now: string; areaType: AreaType },
  ): Promise<RegionSlice>;
  /** One Query: urgent published items of the province still pinned at `now`. */
  pinned(provinceCode: string, now: string): Promise<FeedRecord[]>;
  /**
   * Published alerts asking for 收到 that reach into the region: targeted inside it or at a region of
   * `chain` (the region and its ancestors), newest first. Retracted ones are gone.
   */
  ackAlertsReaching(regionCode: string, chain: string[], page: PageRequest): Promise<Page<FeedRecord>>;
  /** Items in review whose target lies in `regionCode`. */
  inReview(regionCode: string, page: PageRequest): Promise<Page<FeedRecord>>;
  /** An author's items, newest first. */
  byAuthor(userId: string, page: PageRequest): Promise<Page<FeedRecord>>;
}

/** The sort key of a published item in its region's index: newest first by publication, the id breaks ties. */
export const publishedSortKey = (feed: Pick<FeedRecord, 'publishedAt' | 'id'>) => `${feed.publishedAt}#${feed.id}`;

/** The reader's language when the item has it, else Chinese, else the original. */
export function versionFor(feed: FeedRecord, lang: FeedLang): { lang: FeedLang; text: FeedText } {
  const versions: Partial<Record<FeedLang, FeedText>> = { ...feed.translations, [feed.lang]: { title: feed.title, body: feed.body } };
  if (versions[lang]) return { lang, text: versions[lang]! };
  if (versions.zh) return { lang: 'zh', text: versions.zh };
  return { lang: feed.lang, text: { title: feed.title, body: feed.body } };
}

export const langsOf = (feed: FeedRecord): FeedLang[] =>
  (['zh', 'bo'] as const).filter((lang) => lang === feed.lang || feed.translations[lang] !== undefined);

export const isPinnedAt = (feed: FeedRecord, now: string) => feed.pinnedUntil !== null && feed.pinnedUntil > now;

const EXCERPT_LENGTH = 60;

/** Where readers load each stored key from (ImageStore.urls, resolved before the views are built). */
export type ImageUrls = ReadonlyMap<string, string>;
const NO_URLS: ImageUrls = new Map();

/** The keys a list of summaries needs (each item's first thumbnail), or every image of the items. */
export const imageKeysOf = (feeds: FeedRecord[], all: boolean) =>
  feeds.flatMap((feed) =>
    all ? (feed.images ?? []).flatMap((i) => [i.key, i.thumbnailKey]) : (feed.images ?? []).slice(0, 1).map((i) => i.thumbnailKey),
  );

/** The readers' URLs of what these views show; no storage is asked when they show no image. */
export async function imageUrlsFor(images: Pick<ImageStore, 'urls'> | undefined, feeds: FeedRecord[], all: boolean): Promise<ImageUrls> {
  const keys = imageKeysOf(feeds, all);
  if (keys.length === 0) return NO_URLS;
  if (!images) throw new Error('These items have images: the image store is needed to show them');
  return images.urls(keys);
}

const urlOf = (urls: ImageUrls, key: string) => urls.get(key) ?? '';

export function toFeedSummary(feed: FeedRecord, lang: FeedLang, now: string, urls: ImageUrls = NO_URLS): FeedSummary {
  const version = versionFor(feed, lang);
  const oneLine = version.text.body.replace(/\s+/g, ' ');
  return {
    id: feed.id,
    title: version.text.title,
    excerpt: clipText(oneLine, EXCERPT_LENGTH),
    lang: version.lang,
    langs: langsOf(feed),
    category: feed.category,
    regionCode: feed.regionCode,
    areaTypes: feed.areaTypes,
    urgent: feed.urgent,
    pinned: feed.status === 'PUBLISHED' && isPinnedAt(feed, now),
    requiresAck: feed.requiresAck,
    expiresAt: feed.validUntil,
    publishedAt: feed.publishedAt,
    thumbnailUrl: feed.images?.length ? urlOf(urls, feed.images[0].thumbnailKey) || null : null,
  };
}

export const toFeedItem = (feed: FeedRecord, lang: FeedLang, now: string, urls: ImageUrls = NO_URLS): FeedItem => ({
  ...toFeedSummary(feed, lang, now, urls),
  body: versionFor(feed, lang).text.body,
  images: (feed.images ?? []).map((image) => ({
    id: image.uploadId,
    url: urlOf(urls, image.key),
    thumbnailUrl: urlOf(urls, image.thumbnailKey),
    width: image.width,
    height: image.height,
  })),
});

/** How the people an item names are labelled for the caller (labelPeople, one BatchGet per page). */
export type Labeller = (ref: PersonRef) => PersonLabel;

/** Everyone a page of items names: their authors and whoever moved them. */
export const peopleIn = (feeds: FeedRecord[]): PersonRef[] =>
  feeds.flatMap((feed) => [{ userId: feed.authorId }, ...feed.history.map((change) => ({ userId: change.byUserId }))]);

export function toFeedDetail(feed: FeedRecord, lang: FeedLang, now: string, label: Labeller, urls: ImageUrls = NO_URLS): FeedDetail {
  return {
    ...toFeedItem(feed, lang, now, urls),
    status: feed.status,
    author: label({ userId: feed.authorId }),
    translations: { ...feed.translations, [feed.lang]: { title: feed.title, body: feed.body } },
    ackCount: Number(feed.ackCount ?? 0),
    history: feed.history.map(({ byUserId, ...change }) => ({ ...change, by: label({ userId: byUserId }) })),
    createdAt: feed.createdAt,
  };
}
