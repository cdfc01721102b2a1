/**
 * Information items, their review moves, pins, acknowledgements and counters (keys: feedKeys).
 */
import { GetCommand, PutCommand, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { FeedAckRepository, HouseholdFeedState } from '../domain/feeds/acks';
import { publishedSortKey, type FeedRecord, type FeedRepository } from '../domain/feeds/feed';
import { AppError } from '../domain/errors';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { feedKeys, householdKeys, INDEX } from './keys';
import { queryPage } from './query-pages';
import { transactWrite } from './transact';
import { serviceItems } from './service-ledger-items';
import { serviceEvents } from '../domain/services/service-events';
import { attachUpload } from './uploads-repository';
import { alertOutboxItem } from './subscriptions-repository';
import { isConditionFailure } from './transaction-errors';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const FEED_ENTITY = 'Feed';
const feedFromItem = (item: Item) => stripKeys<FeedRecord>(item);

const feedItem = (feed: FeedRecord) => ({
  ...feedKeys.item(feed.id),
  ...feedKeys.authorIndex(feed.authorId, feed.createdAt, feed.id),
  entity: FEED_ENTITY,
  ...feed,
});

/** A published item as stored, with its pin when it is pinned and its alert copy when it asks for 收到 (the benchmarks load items in bulk this way). */
export function publishedFeedItems(feed: FeedRecord): Item[] {
  const stored = { ...feedItem(feed), ...feedKeys.publishedIndex(feed.regionCode, feed.category, publishedSortKey(feed)) };
  return [
    stored,
    ...(feed.pinnedUntil ? [{ ...feedKeys.pin(feed.regionCode, feed.pinnedUntil, feed.id), entity: 'FeedPin', ...feed }] : []),
    ...(feed.requiresAck && feed.publishedAt
      ? [{ ...feedKeys.ackAlert(feed.regionCode, feed.publishedAt, feed.id), entity: 'FeedAckAlert', ...feed }]
      : []),
  ];
}

async function getFeed(id: string): Promise<FeedRecord | null> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: feedKeys.item(id), ConsistentRead: true }));
  return Item ? feedFromItem(Item) : null;
}

export const dynamoFeedRepository: FeedRepository = {
  async create(feed, newUploadIds = []) {
    const put = { TableName: tableName(), Item: feedItem(feed), ConditionExpression: 'attribute_not_exists(PK)' };
    if (newUploadIds.length === 0) {
      await db().send(new PutCommand(put));
      return;
    }
    // The item and its uploads together: an upload taken by another item meanwhile fails it all (409).
    try {
      await transactWrite({ TransactItems: [{ Put: put }, ...newUploadIds.map((id) => attachUpload(id, feed.authorId, feed.id))] });
    } catch (error) {
      if (isConditionFailure(error)) throw new AppError('CONFLICT', 'An upload was used meanwhile');
      throw error;
    }
  },

  /** One conditional write on the status, with the new uploads attached in the same transaction. */
  async edit(feed, from, edit, change, newUploadIds) {
    const values: Record<string, unknown> = { ':change': [change], ':at': change.at };
    from.forEach((status, i) => (values[`:from${i}`] = status));
    const fields = Object.entries(edit);
    fields.forEach(([, value], i) => (values[`:v${i}`] = value));
    const update: TransactItem = {
      Update: {
        TableName: tableName(),
        Key: feedKeys.item(feed.id),
        UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}, history = list_append(history, :change), updatedAt = :at`,
        ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: values,
      },
    };
    try {
      await transactWrite({ TransactItems: [update, ...newUploadIds.map((id) => attachUpload(id, feed.authorId, feed.id))] });
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
    return getFeed(feed.id);
  },

  get: getFeed,

  /**
   * One conditional write on the current status (the diagram is in domain/feeds/feed.ts), moving the
   * item's index keys with it: into the review queue, into its region's published partitions (and
   * the province's pins when urgent), or out of them all.
   */
  async transition(feed, from, to, change, set = {}) {
    const table = tableName();
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':to': to, ':change': [change], ':at': change.at };
    from.forEach((status, i) => (values[`:from${i}`] = status));
    const sets = ['#status = :to', 'history = list_append(history, :change)', 'updatedAt = :at'];
    const removes: string[] = [];
    const extra: TransactItem[] = [];
    if (to === 'IN_REVIEW') {
      Object.assign(values, {
        ':gsi1pk': feedKeys.inReview(feed.regionCode),
        ':gsi1sk': feedKeys.inReviewIndex(feed.regionCode, change.at, feed.id).GSI1SK,
      });
      sets.push('GSI1PK = :gsi1pk', 'GSI1SK = :gsi1sk');
    } else if (to === 'PUBLISHED') {
      const keys = feedKeys.publishedIndex(feed.regionCode, feed.category, publishedSortKey({ publishedAt: set.publishedAt!, id: feed.id }));
      Object.assign(values, {
        ':gsi1pk': keys.GSI1PK,
        ':gsi1sk': keys.GSI1SK,
        ':gsi2pk': keys.GSI2PK,
        ':gsi2sk': keys.GSI2SK,
        ':publishedAt': set.publishedAt,
        ':pinnedUntil': set.pinnedUntil ?? null,
      });
      sets.push(
        'GSI1PK = :gsi1pk',
        'GSI1SK = :gsi1sk',
        'GSI2PK = :gsi2pk',
        'GSI2SK = :gsi2sk',
        'publishedAt = :publishedAt',
        'pinnedUntil = :pinnedUntil',
      );
      if (set.pinnedUntil) {
        const pinned: FeedRecord = {
          ...feed,
          status: 'PUBLISHED',
          publishedAt: set.publishedAt!,
          pinnedUntil: set.pinnedUntil,
          history: [...feed.history, change],
        };
        extra.push({ Put: { TableName: table, Item: { ...feedKeys.pin(feed.regionCode, set.pinnedUntil, feed.id), entity: 'FeedPin', ...pinned } } });
      }
      if (set.queueAlert) extra.push({ Put: { TableName: table, Item: alertOutboxItem(feed.id, set.publishedAt!) } });
      if (feed.requiresAck) {
        const published: FeedRecord = { ...feed, status: 'PUBLISHED', publishedAt: set.publishedAt!, pinnedUntil: set.pinnedUntil ?? null };
        extra.push({
          Put: { TableName: table, Item: { ...feedKeys.ackAlert(feed.regionCode, set.publishedAt!, feed.id), entity: 'FeedAckAlert', ...published } },
        });
      }
    } else {
      removes.push('GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK');
      if (to === 'RETRACTED' && feed.pinnedUntil)
        extra.push({ Delete: { TableName: table, Key: feedKeys.pin(feed.regionCode, feed.pinnedUntil, feed.id) } });
      if (to === 'RETRACTED' && feed.requiresAck && feed.publishedAt)
        extra.push({ Delete: { TableName: table, Key: feedKeys.ackAlert(feed.regionCode, feed.publishedAt, feed.id) } });
    }
    const update: TransactItem = {
      Update: {
        TableName: table,
        Key: feedKeys.item(feed.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
    try {
      await transactWrite({ TransactItems: [update, ...extra] });
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
    return getFeed(feed.id);
  },

  async publishedAt(regionCode, { category, before, limit, now, areaType }) {
    const index = category ? INDEX.GSI2 : INDEX.GSI1;
    const [pk, sk] = category ? ['GSI2PK', 'GSI2SK'] : ['GSI1PK', 'GSI1SK'];
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: index,
        KeyConditionExpression: `${pk} = :pk AND ${sk} < :before`,
        // Within the one partition read: expired items, other area types and the pinned ones (shown on top) stay out.
        FilterExpression:
          '(attribute_type(validUntil, :nullType) OR validUntil > :now) AND (attribute_type(areaTypes, :nullType) OR contains(areaTypes, :areaType)) AND NOT (pinnedUntil > :now)',
        ExpressionAttributeValues: {
          ':pk': feedKeys.publishedAt(regionCode, category),
          ':before': before ?? '~',
          ':now': now,
          ':areaType': areaType,
          ':nullType': 'NULL',
        },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return { items: Items.map(feedFromItem), lastSortKey: LastEvaluatedKey ? String(LastEvaluatedKey[sk]) : null };
  },

  async pinned(provinceCode, now) {
    // Pins end within a week, so the partition holds a province's alerts of the last week at most.
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK > :now',
        ExpressionAttributeValues: { ':pk': feedKeys.pins(provinceCode), ':now': now },
        Limit: 200,
      }),
    );
    return Items.map(feedFromItem);
  },

  ackAlertsReaching: (regionCode, chain, page) =>
    queryPage(
      {
        KeyConditionExpression: 'PK = :pk',
        // Inside the region, or at the region itself or above it.
        FilterExpression: `begins_with(regionCode, :region) OR regionCode IN (${chain.map((_, i) => `:chain${i}`).join(', ')})`,
        ExpressionAttributeValues: {
          ':pk': feedKeys.ackAlerts(regionCode.slice(0, 2)),
          ':region': regionCode,
          ...Object.fromEntries(chain.map((code, i) => [`:chain${i}`, code])),
        },
        ScanIndexForward: false,
      },
      page,
      `feed-ack-alerts:${regionCode}`,
      feedFromItem,
    ),

  inReview: (regionCode, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
        ExpressionAttributeValues: { ':pk': feedKeys.inReview(regionCode), ':region': regionCode },
      },
      page,
      `feed-review:${regionCode}`,
      feedFromItem,
    ),

  byAuthor: (userId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI3,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': feedKeys.author(userId) },
        ScanIndexForward: false,
      },
      page,
      `feed-author:${userId}`,
      feedFromItem,
    ),
};

const counterUpdate = (feedId: string, stationId: string, counter: 'acked' | 'informed'): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: feedKeys.stationTotals(feedId, stationId),
    UpdateExpression: 'SET entity = :entity, feedId = :feedId, stationId = :stationId ADD #counter :one',
    ExpressionAttributeNames: { '#counter': counter },
    ExpressionAttributeValues: { ':entity': 'FeedStationTotals', ':feedId': feedId, ':stationId': stationId, ':one': 1 },
  },
});

export const dynamoFeedAckRepository: FeedAckRepository = {
  /**
   * One transaction: the household's ack (only if it has none), the item's count and the station's
   * count. A second tap (or 50 at once) fails the condition and counts nothing.
   */
  async ack(feed, householdId, stationId, at) {
    const key = feedKeys.ack(feed.id, householdId);
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...key, entity: 'FeedAck', feedId: feed.id, householdId, stationId, at },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: feedKeys.item(feed.id),
              UpdateExpression: 'ADD ackCount :one',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          counterUpdate(feed.id, stationId, 'acked'),
          ...serviceItems(tableName(), serviceEvents.acknowledged(feed, householdId, stationId, at, null)),
        ],
      });
      return true;
    } catch (error) {
      try {
        if (isConditionFailure(error)) return false;
      } catch (collision) {
        // Collided with another tap of the same household until the retries ran out: if one of them
        // stored the ack, this tap is simply a repeat.
        if (collision instanceof AppError && collision.code === 'CONFLICT' && (await exists(key))) return false;
        throw collision;
      }
      throw error;
    }
  },

  async markInformed(feedId, householdId, stationId, informed) {
    try {
      await transactWrite({
        TransactItems: [
          { ConditionCheck: { TableName: tableName(), Key: feedKeys.ack(feedId, householdId), ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...feedKeys.informed(feedId, householdId), entity: 'FeedInformed', feedId, householdId, stationId, ...informed },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          counterUpdate(feedId, stationId, 'informed'),
          ...serviceItems(tableName(), serviceEvents.informed(feedId, householdId, stationId, informed.byUserId, informed.at)),
        ],
      });
      return true;
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      if (!isConditionFailure(error)) throw error;
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new AppError('CONFLICT', 'The household has acknowledged the item itself');
      return false;
    }
  },

  async statesOf(feedId, householdIds) {
    const keys = householdIds.flatMap((id) => [feedKeys.ack(feedId, id), feedKeys.informed(feedId, id)]);
    const found = keys.length ? await batchGet(keys) : [];
    const states = new Map<string, HouseholdFeedState>(householdIds.map((id) => [id, { ack: null, informed: null }]));
    for (const item of found) {
      const state = states.get(String(item.householdId));
      if (!state) continue;
      if (item.entity === 'FeedAck') state.ack = { at: String(item.at) };
      else state.informed = { how: item.how as 'phone' | 'in_person', byUserId: String(item.byUserId), at: String(item.at) };
    }
    return states;
  },

  async stationTotals(feedId, stationIds) {
    const found = stationIds.length ? await batchGet(stationIds.map((id) => feedKeys.stationTotals(feedId, id))) : [];
    return new Map(found.map((item) => [String(item.stationId), { acked: Number(item.acked ?? 0), informed: Number(item.informed ?? 0) }]));
  },

  async countHouseholds(stationId) {
    let count = 0;
    let startKey: Item | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: INDEX.GSI1,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': householdKeys.ofStation(stationId).GSI1PK },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  },
};

async function exists(key: { PK: string; SK: string }): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true, ProjectionExpression: 'PK' }));
  return Item !== undefined;
}
