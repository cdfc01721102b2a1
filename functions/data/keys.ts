/**
 * Every DynamoDB key of the single table is built here, and only here.
 *
 * Table: PK/SK, plus three overloaded global secondary indexes (GSI1PK/GSI1SK, GSI2PK/GSI2SK, GSI3PK/GSI3SK) and a TTL
 * attribute `expiresAt`. docs/data-model.md lists the access patterns these keys serve.
 */

import { createHash } from 'node:crypto';

export const INDEX = { GSI1: 'GSI1', GSI2: 'GSI2', GSI3: 'GSI3' } as const;

export type PrimaryKey = { PK: string; SK: string };

/** Attributes that are ours, never a client's: stripped from every item before it leaves the data layer. */
export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'entity', 'expiresAt'] as const;

export const regionKeys = {
  item: (code: string): PrimaryKey => ({ PK: `REGION#${code}`, SK: 'REGION' }),
  /** GSI1: the children of a region, ordered by division code. */
  childrenOf: (parentCode: string) => ({ GSI1PK: `REGION_CHILDREN#${parentCode}` }),
  childIndex: (parentCode: string, code: string) => ({ GSI1PK: `REGION_CHILDREN#${parentCode}`, GSI1SK: code }),
  /** Who corrected the region's area type, and when (kept in the region's partition). */
  areaTypeChange: (code: string, at: string, changeId: string): PrimaryKey => ({ PK: `REGION#${code}`, SK: `AREA_TYPE#${at}#${changeId}` }),
};

export const stationKeys = {
  item: (stationId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: 'STATION' }),
  /**
   * GSI1: all stations of a province ordered by village division code. Because division codes are
   * prefixes of their descendants' codes, "stations in region R" is one Query:
   * GSI1PK = STATIONS_IN#<province> AND begins_with(GSI1SK, R).
   */
  byRegionPartition: (regionCode: string) => ({ GSI1PK: `STATIONS_IN#${regionCode.slice(0, 2)}` }),
  byRegionIndex: (villageCode: string, stationId: string) => ({
    GSI1PK: `STATIONS_IN#${villageCode.slice(0, 2)}`,
    GSI1SK: `${villageCode}#${stationId}`,
  }),
  /** GSI2: lookup by the public station code, upper-cased so lookups are case-insensitive. */
  byCode: (code: string) => ({ GSI2PK: `STATION_CODE#${code.toUpperCase()}`, GSI2SK: 'STATION' }),
};

export const userKeys = {
  item: (userId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: 'USER' }),
  /** Uniqueness item: one user per WeChat openid, claimed in the same transaction as the user. */
  openid: (openid: string): PrimaryKey => ({ PK: `OPENID#${openid}`, SK: 'OPENID' }),
  /** GSI1 on the user item while they are an officer: the officers of a station. */
  officerOf: (stationId: string, userId: string) => ({ GSI1PK: `STATION_OFFICERS#${stationId}`, GSI1SK: userId }),
};

/** Fixed-window counters (atomic ADD), expiring with the table's TTL. */
export const rateLimitKeys = {
  window: (bucket: string, windowStart: number): PrimaryKey => ({ PK: `RATE#${bucket}`, SK: String(windowStart) }),
};

/**
 * Geo index: one item per located station, in three cell sizes at once (table key and both GSIs),
 * so each ring of the nearest search reads whole cells with one Query each.
 */
export const geoKeys = {
  entry: (hash9: string, stationId: string) => ({
    PK: `GEO5#${hash9.slice(0, 5)}`,
    SK: `${hash9}#${stationId}`,
    GSI1PK: `GEO4#${hash9.slice(0, 4)}`,
    GSI1SK: `${hash9}#${stationId}`,
    GSI2PK: `GEO3#${hash9.slice(0, 3)}`,
    GSI2SK: `${hash9}#${stationId}`,
  }),
  /** Which index holds cells of a precision, and the key value of one cell. */
  cell: (precision: 3 | 4 | 5, cell: string) =>
    precision === 5
      ? { index: undefined, attribute: 'PK', value: `GEO5#${cell}` }
      : precision === 4
        ? { index: INDEX.GSI1, attribute: 'GSI1PK', value: `GEO4#${cell}` }
        : { index: INDEX.GSI2, attribute: 'GSI2PK', value: `GEO3#${cell}` },
};

/** Station edit history: newest last in key order, read newest first. */
export const stationChangeKeys = {
  item: (stationId: string, at: string, changeId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: `CHANGE#${at}#${changeId}` }),
  prefix: 'CHANGE#',
};

/** The prebuilt search index, in compressed shards (one per prefecture). */
export const searchIndexKeys = {
  partition: 'SEARCH_INDEX',
  shard: (name: string): PrimaryKey => ({ PK: 'SEARCH_INDEX', SK: `SHARD#${name}` }),
};

/** Official WeChat codes fetched once per station (getUnlimitedQRCode has a daily quota). */
export const qrKeys = {
  wechat: (stationId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: 'QR#wechat' }),
};

/** Idempotency records are scoped to the caller: another caller's identical key is another record. */
export const idempotencyKeys = {
  item: (callerId: string, key: string): PrimaryKey => ({ PK: `IDEMPOTENCY#${callerId}#${key}`, SK: 'IDEMPOTENCY' }),
};

/**
 * Payments. GSI1: a station's payments of one business day in time order; GSI2 (only when the
 * payment is for a registered household): that household's payments, newest first.
 */
export const paymentKeys = {
  item: (paymentId: string): PrimaryKey => ({ PK: `PAYMENT#${paymentId}`, SK: 'PAYMENT' }),
  stationDay: (stationId: string, date: string) => ({ GSI1PK: `STATION_PAYMENTS#${stationId}#${date}` }),
  stationDayIndex: (stationId: string, date: string, createdAt: string, paymentId: string) => ({
    GSI1PK: `STATION_PAYMENTS#${stationId}#${date}`,
    GSI1SK: `${createdAt}#${paymentId}`,
  }),
  household: (householdId: string) => ({ GSI2PK: `HOUSEHOLD_PAYMENTS#${householdId}` }),
  householdIndex: (householdId: string, createdAt: string, paymentId: string) => ({
    GSI2PK: `HOUSEHOLD_PAYMENTS#${householdId}`,
    GSI2SK: `${createdAt}#${paymentId}`,
  }),
};

/**
 * One marker per payment in flight (PROCESSING, or VOIDING), written and deleted in the same
 * transactions that move the payment into and out of that state. The markers are spread over 16
 * partitions by station (every payment passes through one, so a single partition would be a hot
 * key nationwide); a station reads its prefix in its partition, the settler reads all 16.
 */
export const PENDING_SHARDS = 16;
const pendingShardOf = (stationId: string) => createHash('sha256').update(stationId).digest().readUInt16BE(0) % PENDING_SHARDS;
export const pendingPaymentKeys = {
  shard: (shard: number) => `PENDING_PAYMENTS#${shard}`,
  ofStation: (stationId: string) => `PENDING_PAYMENTS#${pendingShardOf(stationId)}`,
  item: (stationId: string, createdAt: string, paymentId: string): PrimaryKey => ({
    PK: `PENDING_PAYMENTS#${pendingShardOf(stationId)}`,
    SK: `${stationId}#${createdAt}#${paymentId}`,
  }),
  stationPrefix: (stationId: string) => `${stationId}#`,
};

/**
 * A station's cash ledger, one partition per Asia/Shanghai business day: the day item (running
 * totals, the daily-limit counter, the open/closed state and the close itself) and the entries.
 * A closed day item also carries GSI1 (every close of a date in a province, by village code, so
 * "closes in region R" is one begins_with Query) and GSI2 (a station's closes, newest first).
 */
export const ledgerKeys = {
  day: (stationId: string, date: string): PrimaryKey => ({ PK: `LEDGER#${stationId}#${date}`, SK: 'DAY' }),
  entry: (stationId: string, date: string, at: string, entryId: string): PrimaryKey => ({
    PK: `LEDGER#${stationId}#${date}`,
    SK: `ENTRY#${at}#${entryId}`,
  }),
  entryPrefix: 'ENTRY#',
  closesOn: (date: string, regionCode: string) => ({ GSI1PK: `CLOSES#${date}#${regionCode.slice(0, 2)}` }),
  closeIndex: (date: string, villageCode: string, stationId: string) => ({
    GSI1PK: `CLOSES#${date}#${villageCode.slice(0, 2)}`,
    GSI1SK: `${villageCode}#${stationId}`,
    GSI2PK: `STATION_CLOSES#${stationId}`,
    GSI2SK: date,
  }),
  stationCloses: (stationId: string) => ({ GSI2PK: `STATION_CLOSES#${stationId}` }),
  /** How many of the station's payments are PROCESSING, of any day: no day closes while it is above 0. */
  inFlight: (stationId: string): PrimaryKey => ({ PK: `STATION#${stationId}`, SK: 'PAYMENTS_IN_FLIGHT' }),
};

/**
 * A region's business day at a glance, kept as counters (never by walking its stations): one item
 * per region level (province, prefecture, county, township) and date, moved in the same transactions
 * as a station's first payment of the day and its close. Beside them, per province and date, a flag
 * item per station that took payments and has not closed (UNCLOSED#) or closed with a variance
 * (VARIANCE#), ordered by village code so "flagged in region R" is one begins_with Query.
 */
export const regionDayKeys = {
  counters: (regionCode: string, date: string): PrimaryKey => ({ PK: `REGION_DAY#${regionCode}#${date}`, SK: 'COUNTERS' }),
  /** The region levels a village counts in: province, prefecture, county, township. */
  levelsOf: (villageCode: string) => [2, 4, 6, 9].map((n) => villageCode.slice(0, n)),
  flagPartition: (date: string, regionCode: string) => `DAY_FLAGS#${date}#${regionCode.slice(0, 2)}`,
  flag: (kind: DayFlag, date: string, villageCode: string, stationId: string): PrimaryKey => ({
    PK: `DAY_FLAGS#${date}#${villageCode.slice(0, 2)}`,
    SK: `${kind}#${villageCode}#${stationId}`,
  }),
  flagPrefix: (kind: DayFlag, regionCode: string) => `${kind}#${regionCode}`,
};
export type DayFlag = 'UNCLOSED' | 'VARIANCE';

/** Households a station serves. GSI1: a station's households, newest first. */
export const householdKeys = {
  item: (householdId: string): PrimaryKey => ({ PK: `HOUSEHOLD#${householdId}`, SK: 'HOUSEHOLD' }),
  ofStation: (stationId: string) => ({ GSI1PK: `STATION_HOUSEHOLDS#${stationId}` }),
  ofStationIndex: (stationId: string, createdAt: string, householdId: string) => ({
    GSI1PK: `STATION_HOUSEHOLDS#${stationId}`,
    GSI1SK: `${createdAt}#${householdId}`,
  }),
};

/**
 * One marker per (station, normalised head name, phone): registering a household Puts it with
 * attribute_not_exists in the same transaction, so the same family cannot be registered twice by two
 * taps or two officers at once. Hashed: names and phones stay out of keys.
 */
export const householdIdentityKeys = {
  item: (stationId: string, normalisedName: string, phone: string | null): PrimaryKey => ({
    PK: `HOUSEHOLD_IDENTITY#${stationId}#${createHash('sha256')
      .update(`${normalisedName}\n${phone ?? ''}`)
      .digest('base64url')}`,
    SK: 'HOUSEHOLD_IDENTITY',
  }),
};

/** One-time codes a villager shows to be linked to a household (expire through TTL and by condition). */
export const linkCodeKeys = {
  item: (code: string): PrimaryKey => ({ PK: `LINK_CODE#${code}`, SK: 'LINK_CODE' }),
};

/**
 * Short-lived codes a user shows from "me" so an admin can appoint them without reading out their id.
 * Their own key space: a household link code and an account code never collide or redeem each other.
 */
export const accountCodeKeys = {
  item: (code: string): PrimaryKey => ({ PK: `ACCOUNT_CODE#${code}`, SK: 'ACCOUNT_CODE' }),
};

/**
 * One-time codes an officer issues for a cooperative seller, which its contact enters in 我的. Their own
 * key space: never a household link code or an account code, and none of those redeems one.
 */
export const sellerLinkCodeKeys = {
  item: (code: string): PrimaryKey => ({ PK: `SELLER_LINK_CODE#${code}`, SK: 'SELLER_LINK_CODE' }),
};

/** What the sandbox bill provider charged, one item per payment id (its idempotency reference). */
export const chargeKeys = {
  item: (paymentId: string): PrimaryKey => ({ PK: `CHARGE#${paymentId}`, SK: 'CHARGE' }),
};

/** The seed records which dataset version it loaded, so `npm start` can tell a partial seed. */
export const metaKeys = {
  seed: (name: string): PrimaryKey => ({ PK: `META#SEED`, SK: name }),
};

/**
 * Information items. The item's GSI1 follows its status: in review, the province's review queue
 * ordered by target region code (a reviewer reads their region's prefix); published, its target
 * region's items newest first, and GSI2 the same per category (the feed's tabs). A feed page reads
 * one GSI partition per level of the reader's chain. GSI3: an author's items, newest first.
 * Pins (urgent published alerts, a copy of the item) live in the province's pin partition until
 * they end, so the first page reads them with one Query. Acknowledgements, "informed" records and
 * per-station counters live in the item's own partition.
 */
export const feedKeys = {
  item: (id: string): PrimaryKey => ({ PK: `FEED#${id}`, SK: 'FEED' }),
  publishedAt: (regionCode: string, category?: string) => (category ? `FEEDS_AT#${regionCode}#${category}` : `FEEDS_AT#${regionCode}`),
  publishedIndex: (regionCode: string, category: string, sortKey: string) => ({
    GSI1PK: `FEEDS_AT#${regionCode}`,
    GSI1SK: sortKey,
    GSI2PK: `FEEDS_AT#${regionCode}#${category}`,
    GSI2SK: sortKey,
  }),
  inReview: (regionCode: string) => `FEEDS_IN_REVIEW#${regionCode.slice(0, 2)}`,
  inReviewIndex: (regionCode: string, submittedAt: string, id: string) => ({
    GSI1PK: `FEEDS_IN_REVIEW#${regionCode.slice(0, 2)}`,
    GSI1SK: `${regionCode}#${submittedAt}#${id}`,
  }),
  author: (userId: string) => `FEED_AUTHOR#${userId}`,
  authorIndex: (userId: string, createdAt: string, id: string) => ({ GSI3PK: `FEED_AUTHOR#${userId}`, GSI3SK: `${createdAt}#${id}` }),
  pins: (provinceCode: string) => `FEED_PINS#${provinceCode}`,
  pin: (regionCode: string, pinnedUntil: string, id: string): PrimaryKey => ({
    PK: `FEED_PINS#${regionCode.slice(0, 2)}`,
    SK: `${pinnedUntil}#${id}`,
  }),
  /**
   * Published alerts asking for 收到, a copy of the item per province (few: tens a month), newest first:
   * an admin's list of the alerts reaching into their region, whatever level they target (GET
   * /regions/{code}/ack-alerts filters the partition by target). Removed when the item is retracted.
   */
  ackAlerts: (provinceCode: string) => `FEED_ACK_ALERTS#${provinceCode}`,
  ackAlert: (regionCode: string, publishedAt: string, id: string): PrimaryKey => ({
    PK: `FEED_ACK_ALERTS#${regionCode.slice(0, 2)}`,
    SK: `${publishedAt}#${id}`,
  }),
  ack: (feedId: string, householdId: string): PrimaryKey => ({ PK: `FEED#${feedId}`, SK: `ACK#${householdId}` }),
  informed: (feedId: string, householdId: string): PrimaryKey => ({ PK: `FEED#${feedId}`, SK: `INFORMED#${householdId}` }),
  stationTotals: (feedId: string, stationId: string): PrimaryKey => ({ PK: `FEED#${feedId}`, SK: `STATION#${stationId}` }),
};

/**
 * Subscribe messages (订阅消息). A user's allowance of one template is an item in their partition; while
 * it has messages left it also sits in GSI1 under the province, ordered by village code, so "the
 * subscribers of region R" is one Query: GSI1PK = SUBSCRIBERS#<template>#<province> AND
 * begins_with(GSI1SK, R). The index is sparse: an allowance used up (or cleared by a 43101) drops
 * its GSI1 keys, so an alert's fan-out reads only users it can still send to.
 */
export const subscriptionKeys = {
  item: (userId: string, templateId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: `SUBSCRIPTION#${templateId}` }),
  userPrefix: 'SUBSCRIPTION#',
  subscribers: (templateId: string, regionCode: string) => `SUBSCRIBERS#${templateId}#${regionCode.slice(0, 2)}`,
  subscriberIndex: (templateId: string, villageCode: string, userId: string) => ({
    GSI1PK: `SUBSCRIBERS#${templateId}#${villageCode.slice(0, 2)}`,
    GSI1SK: `${villageCode}#${userId}`,
  }),
};

/**
 * One send record per (alert, user) in the item's partition: claimed with attribute_not_exists in the
 * same transaction that takes one message off the allowance, so no user gets an item twice and no
 * allowance pays for two messages. The outbox holds published alerts until their fan-out is done
 * (one small partition: alerts are few); local stages record what they would send to WeChat.
 */
export const alertSendKeys = {
  item: (feedId: string, userId: string): PrimaryKey => ({ PK: `FEED#${feedId}`, SK: `SENT#${userId}` }),
  prefix: 'SENT#',
};
export const alertOutboxKeys = {
  partition: 'ALERT_OUTBOX',
  item: (feedId: string): PrimaryKey => ({ PK: 'ALERT_OUTBOX', SK: feedId }),
};
export const localSubscribeMessageKeys = {
  partition: 'LOCAL_SUBSCRIBE_MESSAGES',
  item: (at: string, id: string): PrimaryKey => ({ PK: 'LOCAL_SUBSCRIBE_MESSAGES', SK: `${at}#${id}` }),
};

/** Uploads (presigned POSTs handed out): one item each, expiring a day after while no item names it. */
export const uploadKeys = {
  item: (id: string): PrimaryKey => ({ PK: `UPLOAD#${id}`, SK: 'UPLOAD' }),
};

/**
 * Market prices. The catalogue (products and markets, a few dozen each) is one partition, read with
 * one Query. A series is one partition per product and market holding one item per business day
 * (the sum and count of that day's valid reports, moved in the same transaction as each report and
 * each outlier mark), so a year is at most 366 small items: one Query whatever the number of reports.
 * A report is its own item (marked by id); GSI1 lists a market's reports of a product by date.
 */
export const priceKeys = {
  catalogue: 'PRICE_CATALOGUE',
  product: (productId: string): PrimaryKey => ({ PK: 'PRICE_CATALOGUE', SK: `PRODUCT#${productId}` }),
  productPrefix: 'PRODUCT#',
  market: (marketId: string): PrimaryKey => ({ PK: 'PRICE_CATALOGUE', SK: `MARKET#${marketId}` }),
  marketPrefix: 'MARKET#',
  series: (productId: string, marketId: string) => `PRICES#${productId}#${marketId}`,
  day: (productId: string, marketId: string, date: string): PrimaryKey => ({ PK: `PRICES#${productId}#${marketId}`, SK: `DAY#${date}` }),
  daySortKey: (date: string) => `DAY#${date}`,
  report: (reportId: string): PrimaryKey => ({ PK: `PRICE_REPORT#${reportId}`, SK: 'REPORT' }),
  reportsOf: (marketId: string, productId: string) => `PRICE_REPORTS#${marketId}#${productId}`,
  reportIndex: (marketId: string, productId: string, date: string, createdAt: string, reportId: string) => ({
    GSI1PK: `PRICE_REPORTS#${marketId}#${productId}`,
    GSI1SK: `${date}#${createdAt}#${reportId}`,
  }),
};

/**
 * Questions to experts (issue 12). The question item carries three sparse index keys while open:
 *   GSI1 its inbox: QUESTION_INBOX#<field>#<reach region> (the county, then the prefecture, then the
 *        province code as it escalates), oldest first, so an expert's inbox is one Query per level of
 *        their own chain (county, prefecture, province): at most three per page, nearest first;
 *   GSI3 its next escalation: QUESTION_DUE#<province>, by due instant, so the job (and the inbox's
 *        check) finds what is due with one Query; dropped at province reach and once answered.
 * GSI2 (kept): the asker's questions, newest first. Claims are records in the question's partition.
 * Answered questions with consent get a published copy (anonymised, with pinyin) in the province's
 * search partition, ordered by answer time.
 */
export const questionKeys = {
  item: (id: string): PrimaryKey => ({ PK: `QUESTION#${id}`, SK: 'QUESTION' }),
  claim: (id: string, at: string, expertId: string): PrimaryKey => ({ PK: `QUESTION#${id}`, SK: `CLAIM#${at}#${expertId}` }),
  inbox: (field: string, reachRegion: string) => `QUESTION_INBOX#${field}#${reachRegion}`,
  inboxIndex: (field: string, reachRegion: string, askedAt: string, id: string) => ({
    GSI1PK: `QUESTION_INBOX#${field}#${reachRegion}`,
    GSI1SK: `${askedAt}#${id}`,
  }),
  asker: (userId: string) => `QUESTION_ASKER#${userId}`,
  askerIndex: (userId: string, askedAt: string, id: string) => ({ GSI2PK: `QUESTION_ASKER#${userId}`, GSI2SK: `${askedAt}#${id}` }),
  due: (provinceCode: string) => `QUESTION_DUE#${provinceCode.slice(0, 2)}`,
  dueIndex: (villageCode: string, dueAt: string, id: string) => ({ GSI3PK: `QUESTION_DUE#${villageCode.slice(0, 2)}`, GSI3SK: `${dueAt}#${id}` }),
  dueSortKey: (dueAt: string, id: string) => `${dueAt}#${id}`,
  published: (provinceCode: string) => `QUESTION_PUBLIC#${provinceCode.slice(0, 2)}`,
  publishedItem: (villageCode: string, answeredAt: string, id: string): PrimaryKey => ({
    PK: `QUESTION_PUBLIC#${villageCode.slice(0, 2)}`,
    SK: `${answeredAt}#${id}`,
  }),
};

/**
 * Produce marketplace (issue 13). Sellers: GSI1 a station's sellers, newest first.
 * Listings: the item holds the stock (orders take it with a condition `stock >= :qty`). While ACTIVE
 * it carries two sparse index keys, so every browse page is ONE Query:
 *   GSI1 LISTINGS#<province>#<category>, by village code: "category C in region R" = begins_with(GSI1SK, R);
 *   GSI2 LISTINGS#<province>, by village code: "any category in region R" (and the keyword search's corpus);
 * pausing or ending drops them. GSI3 (always): a station's listings, newest first. Changes (who, when,
 * before, after) live in the listing's partition.
 */
export const sellerKeys = {
  item: (id: string): PrimaryKey => ({ PK: `SELLER#${id}`, SK: 'SELLER' }),
  ofStation: (stationId: string) => `STATION_SELLERS#${stationId}`,
  ofStationIndex: (stationId: string, createdAt: string, id: string) => ({ GSI1PK: `STATION_SELLERS#${stationId}`, GSI1SK: `${createdAt}#${id}` }),
  /** One seller per household: claimed with attribute_not_exists in the seller's transaction. */
  household: (householdId: string): PrimaryKey => ({ PK: `HOUSEHOLD#${householdId}`, SK: 'SELLER' }),
  /** A cooperative's contact: the link lives in the user's partition, so "my sellers" is one Query. */
  userLink: (userId: string, sellerId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: `SELLER_LINK#${sellerId}` }),
  userLinkPrefix: 'SELLER_LINK#',
};
export const listingKeys = {
  item: (id: string): PrimaryKey => ({ PK: `LISTING#${id}`, SK: 'LISTING' }),
  byCategory: (regionCode: string, category: string) => `LISTINGS#${regionCode.slice(0, 2)}#${category}`,
  inProvince: (regionCode: string) => `LISTINGS#${regionCode.slice(0, 2)}`,
  activeIndex: (villageCode: string, category: string, createdAt: string, id: string) => ({
    GSI1PK: `LISTINGS#${villageCode.slice(0, 2)}#${category}`,
    GSI1SK: `${villageCode}#${createdAt}#${id}`,
    GSI2PK: `LISTINGS#${villageCode.slice(0, 2)}`,
    GSI2SK: `${villageCode}#${createdAt}#${id}`,
  }),
  ofStation: (stationId: string) => `STATION_LISTINGS#${stationId}`,
  ofStationIndex: (stationId: string, createdAt: string, id: string) => ({ GSI3PK: `STATION_LISTINGS#${stationId}`, GSI3SK: `${createdAt}#${id}` }),
  change: (id: string, at: string, changeId: string): PrimaryKey => ({ PK: `LISTING#${id}`, SK: `CHANGE#${at}#${changeId}` }),
  changePrefix: 'CHANGE#',
};

/** A buyer's addresses and carts (one per seller) live in their user partition. */
export const buyerKeys = {
  address: (userId: string, addressId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: `ADDRESS#${addressId}` }),
  addressPrefix: 'ADDRESS#',
  cart: (userId: string, sellerId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: `CART#${sellerId}` }),
  cartPrefix: 'CART#',
  /** How many unpaid orders the buyer holds: moved by each order's transactions, capped by a condition. */
  unpaid: (userId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: 'UNPAID_ORDERS' }),
  /** How many addresses the buyer keeps (capped by a condition in the address's transaction). */
  addressCount: (userId: string): PrimaryKey => ({ PK: `USER#${userId}`, SK: 'ADDRESS_COUNT' }),
};

/**
 * Orders. GSI1: a buyer's orders, newest first; GSI2: a station's orders, newest first. GSI3 (sparse,
 * only while PENDING_PAYMENT): the hold's end, spread over ORDER_HOLD_SHARDS partitions by order id,
 * so the release job reads what is due with one Query per shard.
 */
export const ORDER_HOLD_SHARDS = 4;
const holdShardOf = (orderId: string) => createHash('sha256').update(orderId).digest().readUInt16BE(0) % ORDER_HOLD_SHARDS;
export const orderKeys = {
  item: (id: string): PrimaryKey => ({ PK: `ORDER#${id}`, SK: 'ORDER' }),
  buyer: (userId: string) => `BUYER_ORDERS#${userId}`,
  station: (stationId: string) => `STATION_ORDERS#${stationId}`,
  indexes: (buyerId: string, stationId: string, createdAt: string, id: string) => ({
    GSI1PK: `BUYER_ORDERS#${buyerId}`,
    GSI1SK: `${createdAt}#${id}`,
    GSI2PK: `STATION_ORDERS#${stationId}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  holdShard: (shard: number) => `ORDER_HOLDS#${shard}`,
  holdIndex: (id: string, holdUntil: string) => ({ GSI3PK: `ORDER_HOLDS#${holdShardOf(id)}`, GSI3SK: `${holdUntil}#${id}` }),
};

/**
 * A station's non-cash ledger (WeChat Pay), one partition per Asia/Shanghai business day, apart from
 * the cash ledger (LEDGER#): a callback at any hour moves only this day's totals and adds one entry
 * (its id is the order's, so a second write fails the transaction), never a closed cash day.
 */
export const nonCashLedgerKeys = {
  day: (stationId: string, date: string): PrimaryKey => ({ PK: `NONCASH#${stationId}#${date}`, SK: 'DAY' }),
  entry: (stationId: string, date: string, orderId: string): PrimaryKey => ({ PK: `NONCASH#${stationId}#${date}`, SK: `ENTRY#${orderId}` }),
  /** A late success refunded (the order was released first): one per order, like its paid entry. */
  refundEntry: (stationId: string, date: string, orderId: string): PrimaryKey => ({
    PK: `NONCASH#${stationId}#${date}`,
    SK: `REFUND#${orderId}`,
  }),
};

/** The local WeChat Pay stub's key pairs and API v3 key: created once, shared by every process of the stage. */
export const wechatPayStubKeys = {
  item: (): PrimaryKey => ({ PK: 'WECHATPAY_STUB', SK: 'KEYS' }),
  /** The stub provider's own books: a prepay order by out_trade_no, a refund by out_refund_no. */
  trade: (outTradeNo: string): PrimaryKey => ({ PK: `WECHATPAY_STUB#TRADE#${outTradeNo}`, SK: 'TRADE' }),
  refund: (outRefundNo: string): PrimaryKey => ({ PK: `WECHATPAY_STUB#REFUND#${outRefundNo}`, SK: 'REFUND' }),
};

/**
 * Fulfilment (issue 14). While an order is paid and not yet out of the station (PAID, READY_FOR_PICKUP)
 * it carries GSI3 under its station, by payment time: the station's manifest is ONE Query of that
 * sparse partition (the hold's GSI3 keys leave in the same write that adds these). Handing over,
 * shipping or a consignment drops them.
 */
export const orderFulfilmentKeys = {
  open: (stationId: string) => `STATION_FULFIL#${stationId}`,
  openIndex: (stationId: string, paidAt: string, orderId: string) => ({ GSI3PK: `STATION_FULFIL#${stationId}`, GSI3SK: `${paidAt}#${orderId}` }),
};

/**
 * Pickup codes, in their own key space and per station: the same 6 digits at two stations are two
 * items, and a code looked up at another station finds nothing. Claimed with attribute_not_exists when
 * issued; deleted (condition: it exists) in the handover's transaction, so a code works once.
 */
export const pickupCodeKeys = {
  item: (stationId: string, code: string): PrimaryKey => ({ PK: `PICKUP_CODE#${stationId}#${code}`, SK: 'PICKUP_CODE' }),
};

/** A consolidated shipment: one station's paid shipping orders to one city under one tracking number. */
export const consignmentKeys = {
  item: (id: string): PrimaryKey => ({ PK: `CONSIGNMENT#${id}`, SK: 'CONSIGNMENT' }),
};

/**
 * Payment requests (remote pay links). The request's item, and its token's lookup item (the token is
 * the link's only credential, so the table is read by it directly). GSI3 (sparse, while OPEN or FUNDED):
 * the settler's work list, oldest first, one partition: requests are few (one per bill an officer sends).
 */
export const payRequestKeys = {
  item: (id: string): PrimaryKey => ({ PK: `PAYREQ#${id}`, SK: 'PAYREQ' }),
  token: (token: string): PrimaryKey => ({ PK: `PAYLINK#${token}`, SK: 'PAYLINK' }),
  pending: () => 'PAYREQ_PENDING',
  pendingIndex: (createdAt: string, id: string) => ({ GSI3PK: 'PAYREQ_PENDING', GSI3SK: `${createdAt}#${id}` }),
};

/**
 * The service ledger (issue 15, functions/domain/services/service.ts). An entry is its own item, keyed
 * by the event's id. GSI1: a station's entries, newest last; GSI2 (services with a villager): the
 * user's or household's services, for the rating prompt; GSI3 (sparse, until rolled up): the roll-up's
 * work list, spread over SERVICE_ROLLUP_SHARDS partitions by entry id (every event passes through one).
 */
export const SERVICE_ROLLUP_SHARDS = 4;
const rollupShardOf = (id: string) => createHash('sha256').update(id).digest().readUInt16BE(0) % SERVICE_ROLLUP_SHARDS;
export const serviceKeys = {
  entry: (id: string): PrimaryKey => ({ PK: `SVC#${id}`, SK: 'SVC' }),
  station: (stationId: string) => `SVC_STATION#${stationId}`,
  stationIndex: (stationId: string, at: string, id: string) => ({ GSI1PK: `SVC_STATION#${stationId}`, GSI1SK: `${at}#${id}` }),
  served: (who: string) => `SVC_SERVED#${who}`,
  servedIndex: (who: string, at: string, id: string) => ({ GSI2PK: `SVC_SERVED#${who}`, GSI2SK: `${at}#${id}` }),
  rollupShard: (shard: number) => `SVC_ROLLUP#${shard}`,
  rollupIndex: (id: string, at: string) => ({ GSI3PK: `SVC_ROLLUP#${rollupShardOf(id)}`, GSI3SK: `${at}#${id}` }),
};

/**
 * Service statistics (access pattern 28). Per station and day, moved in the event's transaction:
 * STATS#S#<stationId> / DAY#<date>. Per region (province, prefecture, county, township) and day, moved
 * by the roll-up only: STATS#R#<code> / DAY#<date>; and the same figures of each child (a region, or
 * a township's stations) in its parent's partition, STATS#C#<parent> / DAY#<date>#<child>, so a
 * region's children over a period is ONE Query. A station's last day with a service sits in the
 * province's activity partition by village code (coverage and silence: one Query for a region).
 */
export const statsKeys = {
  stationDay: (stationId: string, date: string): PrimaryKey => ({ PK: `STATS#S#${stationId}`, SK: `DAY#${date}` }),
  station: (stationId: string) => `STATS#S#${stationId}`,
  regionDay: (code: string, date: string): PrimaryKey => ({ PK: `STATS#R#${code}`, SK: `DAY#${date}` }),
  region: (code: string) => `STATS#R#${code}`,
  childDay: (parent: string, date: string, child: string): PrimaryKey => ({ PK: `STATS#C#${parent}`, SK: `DAY#${date}#${child}` }),
  children: (parent: string) => `STATS#C#${parent}`,
  day: (date: string) => `DAY#${date}`,
  activity: (villageCode: string, stationId: string): PrimaryKey => ({
    PK: `STATS#ACTIVE#${villageCode.slice(0, 2)}`,
    SK: `${villageCode}#${stationId}`,
  }),
  activityPartition: (regionCode: string) => `STATS#ACTIVE#${regionCode.slice(0, 2)}`,
  /** When the roll-up last emptied its work list: every figure includes all events before it. */
  freshness: (): PrimaryKey => ({ PK: 'STATS#ROLLUP', SK: 'FRESH' }),
  /**
   * A station's services in one clock-aligned 10-minute window (`bucket` = its start, e.g.
   * 2026-11-30T09:10), ADDed in the event's transaction: a per-station item, never a hot one.
   */
  burstBucket: (stationId: string, bucket: string): PrimaryKey => ({ PK: `STATS#S#${stationId}`, SK: `BURST#${bucket}` }),
  /** A window above the burst threshold, written by the roll-up: the province's flag partition by village code. */
  burstFlag: (villageCode: string, bucket: string, stationId: string): PrimaryKey => ({
    PK: `STATS#FLAG#${villageCode.slice(0, 2)}`,
    SK: `BURST#${villageCode}#${bucket}#${stationId}`,
  }),
  flagPartition: (regionCode: string) => `STATS#FLAG#${regionCode.slice(0, 2)}`,
  burstFlagPrefix: (regionCode: string) => `BURST#${regionCode}`,
  /**
   * A region's coverage, moved by the roll-up as a station's last day with a service moves: how many of
   * its stations last served on each day (attributes d_<YYYYMMDD>), so "active in 30 days" and "silent
   * 14 days" are sums over one item. Kept in the parent's partition (the province's under ROOT), so a
   * region and its children are one GetItem and one Query whatever the number of stations.
   */
  coverage: (code: string): PrimaryKey => ({ PK: `STATS#COV#${code.length === 2 ? 'ROOT' : parentCodeOf(code)}`, SK: code }),
  coverageChildren: (code: string) => `STATS#COV#${code}`,
};

/** The parent of a province (2), prefecture (4), county (6) or township (9) code. */
const parentCodeOf = (code: string) => code.slice(0, code.length === 9 ? 6 : code.length - 2);

/**
 * Training sessions (issue 15). A session's partition holds the session, its sign-ups and check-ins (one
 * item per person: `attribute_not_exists` makes each once) and its change records, so the attendance page
 * is one Query. GSI1: a station's sessions by end time (`upcoming` = not ended, soonest first).
 * An officer's training minutes: one counter item per month (ADDed in the check-in's transaction).
 */
export const trainingKeys = {
  item: (id: string): PrimaryKey => ({ PK: `TRAINING#${id}`, SK: 'TRAINING' }),
  partition: (id: string) => `TRAINING#${id}`,
  ofStation: (stationId: string) => `STATION_TRAININGS#${stationId}`,
  stationIndex: (stationId: string, endsAt: string, id: string) => ({ GSI1PK: `STATION_TRAININGS#${stationId}`, GSI1SK: `${endsAt}#${id}` }),
  signup: (id: string, personId: string): PrimaryKey => ({ PK: `TRAINING#${id}`, SK: `SIGNUP#${personId}` }),
  checkin: (id: string, personId: string): PrimaryKey => ({ PK: `TRAINING#${id}`, SK: `CHECKIN#${personId}` }),
  change: (id: string, at: string, changeId: string): PrimaryKey => ({ PK: `TRAINING#${id}`, SK: `CHANGE#${at}#${changeId}` }),
};

export const officerHoursKeys = {
  month: (userId: string, month: string): PrimaryKey => ({ PK: `OFFICER_HOURS#${userId}`, SK: `MONTH#${month}` }),
  partition: (userId: string) => `OFFICER_HOURS#${userId}`,
};
