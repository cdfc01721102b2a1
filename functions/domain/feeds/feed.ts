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
import type { PersonRef } from '../accounts/person-labels';
import type { Page, PageRequest } from '../page';

export interface FeedText {
  title: string;
  body: string;
}

export interface FeedChange {
  status: FeedStatus;
  byUserId: string;
  at: string;
  reason: string | null;
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

export interface FeedRepository {
  create(feed: FeedRecord): Promise<void>;
  get(id: string): Promise<FeedRecord | null>;
  /** Moves the item from one of `from` to `to` (one conditional write); null when its status was not one of `from`. */
  transition(
    feed: FeedRecord,
    from: FeedStatus[],
    to: FeedStatus,
    change: FeedChange,
    set?: Partial<Pick<FeedRecord, 'publishedAt' | 'pinnedUntil'>>,
  ): Promise<FeedRecord | null>;
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

export function toFeedSummary(feed: FeedRecord, lang: FeedLang, now: string): FeedSummary {
  const version = versionFor(feed, lang);
  const oneLine = version.text.body.replace(/\s+/g, ' ');
  return {
    id: feed.id,
    title: version.text.title,
    excerpt: [...oneLine].length > EXCERPT_LENGTH ? [...oneLine].slice(0, EXCERPT_LENGTH).join('') + '…' : oneLine,
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
    thumbnailUrl: null,
  };
}

export const toFeedItem = (feed: FeedRecord, lang: FeedLang, now: string): FeedItem => ({
  ...toFeedSummary(feed, lang, now),
  body: versionFor(feed, lang).text.body,
  images: [],
});

/** How the people an item names are labelled for the caller (labelPeople, one BatchGet per page). */
export type Labeller = (ref: PersonRef) => PersonLabel;

/** Everyone a page of items names: their authors and whoever moved them. */
export const peopleIn = (feeds: FeedRecord[]): PersonRef[] =>
  feeds.flatMap((feed) => [{ userId: feed.authorId }, ...feed.history.map((change) => ({ userId: change.byUserId }))]);

export function toFeedDetail(feed: FeedRecord, lang: FeedLang, now: string, label: Labeller): FeedDetail {
  return {
    ...toFeedItem(feed, lang, now),
    status: feed.status,
    author: label({ userId: feed.authorId }),
    translations: { ...feed.translations, [feed.lang]: { title: feed.title, body: feed.body } },
    ackCount: Number(feed.ackCount ?? 0),
    history: feed.history.map(({ byUserId, ...change }) => ({ ...change, by: label({ userId: byUserId }) })),
    createdAt: feed.createdAt,
  };
}
