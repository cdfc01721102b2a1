/**
 * Information feeds (公益服务): policy news, weather and disease alerts, technique, notices, targeted
 * at a region (any level) and optionally at area types, in Chinese and optionally Tibetan.
 */
import * as z from 'zod/mini';
import { accountCode, userId } from './accounts';
import { freeText, freeTextBlock, pageLimit, cursor, pageOf, PersonLabel } from './common';
import { areaType, AREA_TYPES, regionCode } from './regions';
import { stationId } from './stations';
import { MAX_FEED_IMAGES, uploadId } from './uploads';

export const FEED_CATEGORIES = ['policy', 'weather_alert', 'pest_alert', 'disease_alert', 'technique', 'notice'] as const;
export type FeedCategory = (typeof FEED_CATEGORIES)[number];

/** Names of each category, served by GET /feed-categories (the tabs of the feed). */
export const FEED_CATEGORY_NAMES: Record<FeedCategory, { zh: string; bo: string }> = {
  policy: { zh: '政策', bo: 'སྲིད་ཇུས།' },
  weather_alert: { zh: '气象预警', bo: 'གནམ་གཤིས་ཉེན་བརྡ།' },
  pest_alert: { zh: '病虫害预警', bo: 'འབུ་སྲིན་ནད་ཉེན་བརྡ།' },
  disease_alert: { zh: '动物疫情预警', bo: 'སྒོ་ཕྱུགས་ནད་ཡམས་ཉེན་བརྡ།' },
  technique: { zh: '技术指导', bo: 'ལག་རྩལ་མཛུབ་སྟོན།' },
  notice: { zh: '通知公告', bo: 'བརྡ་ཁྱབ།' },
};

export const FEED_LANGS = ['zh', 'bo'] as const;
export type FeedLang = (typeof FEED_LANGS)[number];

/** 草稿 -> 待审 -> 已发布 -> 已撤回; 待审 -> 已退回 -> 待审 (functions/domain/feeds/feed.ts draws it). */
export const FEED_STATUSES = ['DRAFT', 'IN_REVIEW', 'REJECTED', 'PUBLISHED', 'RETRACTED'] as const;
export type FeedStatus = (typeof FEED_STATUSES)[number];

/** The expert's field (issue 11): crops, livestock, veterinary, policy, market. */
export const EXPERT_FIELDS = ['crops', 'livestock', 'veterinary', 'policy', 'market'] as const;

export const feedId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be an item id'));
const isoInstant = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO-8601 instant with a zone'));

const FeedText = { title: freeText(1, 80), body: freeTextBlock(1, 4000) };

export const FeedCreateRequest = z.strictObject({
  ...FeedText,
  category: z.enum(FEED_CATEGORIES),
  regionCode,
  lang: z.enum(FEED_LANGS),
  /** Absent: every area type. */
  areaTypes: z.optional(z.array(areaType).check(z.minLength(1), z.maxLength(AREA_TYPES.length))),
  urgent: z.optional(z.boolean()),
  requiresAck: z.optional(z.boolean()),
  expiresAt: z.optional(isoInstant),
  translations: z.optional(z.strictObject({ bo: z.optional(z.strictObject(FeedText)), zh: z.optional(z.strictObject(FeedText)) })),
  /** Upload ids (POST /uploads), in the order shown; each is checked by content before the item is written. */
  images: z.optional(z.array(uploadId).check(z.maxLength(MAX_FEED_IMAGES))),
});
export type FeedCreateRequest = z.infer<typeof FeedCreateRequest>;

/**
 * PUT /feeds/{id}: the author rewrites a draft or a rejected item as a whole (the same fields as
 * creating it). `images` lists the upload ids to keep (those already on the item) and new ones.
 */
export const FeedUpdateRequest = FeedCreateRequest;
export type FeedUpdateRequest = FeedCreateRequest;

export const FeedParams = z.strictObject({ id: feedId });
export const StationFeedParams = z.strictObject({ stationId, id: feedId });
export const RegionFeedParams = z.strictObject({ code: regionCode, id: feedId });
export const FeedReasonRequest = z.strictObject({ reason: freeText(1, 200) });

export const FeedListQuery = z.strictObject({
  region: regionCode,
  category: z.optional(z.enum(FEED_CATEGORIES)),
  lang: z._default(z.enum(FEED_LANGS), 'zh'),
  limit: pageLimit,
  cursor: z.optional(cursor),
});
export const FeedReviewQuery = z.strictObject({ region: regionCode, limit: pageLimit, cursor: z.optional(cursor) });
export const FeedGetQuery = z.strictObject({ lang: z._default(z.enum(FEED_LANGS), 'zh') });
export const FeedPageQuery = z.strictObject({ limit: pageLimit, cursor: z.optional(cursor) });

/** A move of the workflow: who (named, never by their id: AZ5), when, and the reason of a rejection or retraction. */
const Change = z.object({
  status: z.enum(FEED_STATUSES),
  by: PersonLabel,
  at: z.string(),
  reason: z.nullable(z.string()),
  /** An edit by its author (PUT /feeds/{id}): the status did not change. */
  edited: z.optional(z.boolean()),
});

/** A line of the feed: one language version (theirs when it exists, else Chinese), an excerpt instead of the body (a 2G page stays small). */
export const FeedSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** The body's first 60 characters, on one line. */
  excerpt: z.string(),
  /** The language of the version shown. */
  lang: z.enum(FEED_LANGS),
  /** Every language the item has. */
  langs: z.array(z.enum(FEED_LANGS)),
  category: z.enum(FEED_CATEGORIES),
  regionCode: z.string(),
  areaTypes: z.nullable(z.array(areaType)),
  urgent: z.boolean(),
  /** Pinned on top of the feed (an urgent alert, until it expires or a week has passed). */
  pinned: z.boolean(),
  requiresAck: z.boolean(),
  expiresAt: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
  /** The first image's thumbnail (lists show it), null when the item has no image. */
  thumbnailUrl: z.nullable(z.string()),
});
export type FeedSummary = z.infer<typeof FeedSummary>;
export const FeedPage = pageOf(FeedSummary);

/** An image of an item: where to load it (object storage), its thumbnail, and its size in pixels. */
export const FeedImage = z.object({
  /** The upload id: an edit keeps an image by naming it again. */
  id: z.string(),
  url: z.string(),
  thumbnailUrl: z.string(),
  width: z.number(),
  height: z.number(),
});
export type FeedImage = z.infer<typeof FeedImage>;

/** What readers see of one item: the summary, the whole body and its images. */
export const FeedItem = z.object({ ...FeedSummary.shape, body: z.string(), images: z.array(FeedImage) });
export type FeedItem = z.infer<typeof FeedItem>;

/** What authors and reviewers see: every version, the status and its history. */
export const FeedDetail = z.object({
  ...FeedItem.shape,
  status: z.enum(FEED_STATUSES),
  /** Who wrote it (`you` for the author themself), named like the history. */
  author: PersonLabel,
  translations: z.object({ zh: z.optional(z.object(FeedText)), bo: z.optional(z.object(FeedText)) }),
  ackCount: z.number(),
  history: z.array(Change),
  createdAt: z.string(),
});
export type FeedDetail = z.infer<typeof FeedDetail>;
export const FeedDetailPage = pageOf(FeedDetail);

/** GET /feeds/{id}: the reader's view, or (for its authors and reviewers) the whole item. */
export const FeedResponse = z.union([FeedDetail, FeedItem]);

export const FeedCategoriesResponse = z.object({
  items: z.array(z.object({ key: z.enum(FEED_CATEGORIES), name: z.string(), nameBo: z.string() })),
  nextCursor: z.null(),
});

export const FeedAckResponse = z.object({ feedId: z.string(), householdId: z.string(), acknowledgedAt: z.string(), firstTime: z.boolean() });

/** GET /feeds/{id}/ack: whether the caller's household has acknowledged the item (or was told by the officer). */
export const MyFeedAckResponse = z.object({
  feedId: z.string(),
  householdId: z.string(),
  acknowledgedAt: z.nullable(z.string()),
  informed: z.nullable(z.object({ how: z.enum(['phone', 'in_person']), at: z.string() })),
});

export const InformedRequest = z.strictObject({
  householdId: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be a household id')),
  how: z.enum(['phone', 'in_person']),
});
export const InformedResponse = z.object({
  feedId: z.string(),
  householdId: z.string(),
  how: z.enum(['phone', 'in_person']),
  byUserId: z.string(),
  at: z.string(),
});

export const StationAcksResponse = z.object({
  feedId: z.string(),
  stationId: z.string(),
  totals: z.object({ acked: z.number(), informed: z.number() }),
  items: z.array(
    z.object({
      householdId: z.string(),
      headName: z.string(),
      ack: z.nullable(z.object({ at: z.string() })),
      informed: z.nullable(z.object({ how: z.enum(['phone', 'in_person']), byUserId: z.string(), at: z.string() })),
    }),
  ),
  nextCursor: z.nullable(z.string()),
});

export const AckRatesResponse = pageOf(
  z.object({
    stationId: z.string(),
    villageCode: z.string(),
    villageName: z.string(),
    households: z.number(),
    acked: z.number(),
    informed: z.number(),
  }),
);

/** The future expert by their id, or by the account code they show from 我的 (exactly one of the two), as for officers. */
export const AppointExpertRequest = z
  .strictObject({ userId: z.optional(userId), accountCode: z.optional(accountCode), field: z.enum(EXPERT_FIELDS), regionCode })
  .check(
    z.refine((body) => (body.userId === undefined) !== (body.accountCode === undefined), {
      message: 'give exactly one of userId or accountCode',
      path: ['userId'],
    }),
  );
export const AppointExpertResponse = z.object({
  user: z.object({ id: z.string(), role: z.literal('expert'), regionCode: z.string(), expertField: z.enum(EXPERT_FIELDS) }),
});
