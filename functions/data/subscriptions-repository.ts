/**
 * Subscribe-message allowances, the per-alert send records, the alert outbox and the villages' area
 * types (keys: subscriptionKeys, alertSendKeys, alertOutboxKeys; the design is told there).
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AreaType } from '../../shared';
import { AppError } from '../domain/errors';
import type { AlertOutbox, VillageAreaTypes } from '../domain/notify/alert-notifier';
import type { ClaimResult, Subscription, SubscriptionRepository } from '../domain/notify/subscriptions';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { alertOutboxKeys, alertSendKeys, INDEX, regionKeys, subscriptionKeys } from './keys';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string }> };

export const SUBSCRIPTION_ENTITY = 'Subscription';
export const ALERT_SEND_ENTITY = 'AlertSend';

/** Claims of one user's allowance collide when several alerts reach them at once: asked again this many times. */
const CLAIM_ATTEMPTS = 8;

const isConditionFailed = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';

/** Drops the allowance from the index once it is empty (only if it still is: a new accept may have come in). */
async function leaveIndexIfEmpty(userId: string, templateId: string) {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: subscriptionKeys.item(userId, templateId),
        UpdateExpression: 'REMOVE GSI1PK, GSI1SK',
        ConditionExpression: 'remaining = :zero',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

async function claimOnce(input: { feedId: string; userId: string; templateId: string; at: string }): Promise<ClaimResult> {
  try {
    await transactWrite({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: { ...alertSendKeys.item(input.feedId, input.userId), entity: ALERT_SEND_ENTITY, ...input, outcome: 'SENDING' },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          // remaining >= 1 -> remaining - 1: never below 0, and one message per allowance.
          Update: {
            TableName: tableName(),
            Key: subscriptionKeys.item(input.userId, input.templateId),
            UpdateExpression: 'SET remaining = remaining - :one, updatedAt = :at',
            ConditionExpression: 'remaining >= :one',
            ExpressionAttributeValues: { ':one': 1, ':at': input.at },
          },
        },
      ],
    });
    return 'claimed';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const reasons = (error as Cancelled).CancellationReasons ?? [];
    return reasons[0]?.Code === 'ConditionalCheckFailed' ? 'duplicate' : 'no_allowance';
  }
}

/** An allowance as `allow()` leaves it (the benchmark loads subscribers in bulk this way). */
export function subscriptionItem(input: { userId: string; openid: string; templateId: string; villageCode: string; remaining: number; at: string }) {
  return {
    ...subscriptionKeys.item(input.userId, input.templateId),
    ...(input.remaining > 0 ? subscriptionKeys.subscriberIndex(input.templateId, input.villageCode, input.userId) : {}),
    entity: SUBSCRIPTION_ENTITY,
    userId: input.userId,
    openid: input.openid,
    templateId: input.templateId,
    villageCode: input.villageCode,
    remaining: input.remaining,
    updatedAt: input.at,
  };
}

export const dynamoSubscriptionRepository: SubscriptionRepository = {
  async ofUser(userId) {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': subscriptionKeys.item(userId, '').PK, ':prefix': subscriptionKeys.userPrefix },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => ({
      userId: String(item.userId),
      templateId: String(item.templateId),
      remaining: Number(item.remaining ?? 0),
      villageCode: String(item.villageCode),
    })) satisfies Subscription[];
  },

  /**
   * remaining + count, or the cap when that would pass it (then our count is at most WeChat's: the
   * user allowed at least that many). Either way the item is (re)placed at the user's village.
   */
  async allow({ userId, openid, templateId, villageCode, count, cap, at }) {
    const place = {
      ':entity': SUBSCRIPTION_ENTITY,
      ':userId': userId,
      ':openid': openid,
      ':templateId': templateId,
      ':villageCode': villageCode,
      ':at': at,
      ':gsi1pk': subscriptionKeys.subscriberIndex(templateId, villageCode, userId).GSI1PK,
      ':gsi1sk': subscriptionKeys.subscriberIndex(templateId, villageCode, userId).GSI1SK,
    };
    const sets =
      'entity = :entity, userId = :userId, openid = :openid, templateId = :templateId, villageCode = :villageCode, updatedAt = :at, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk';
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: subscriptionKeys.item(userId, templateId),
          UpdateExpression: `SET ${sets}, remaining = if_not_exists(remaining, :zero) + :count`,
          ConditionExpression: 'attribute_not_exists(remaining) OR remaining <= :room',
          ExpressionAttributeValues: { ...place, ':zero': 0, ':count': count, ':room': cap - count },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: subscriptionKeys.item(userId, templateId),
          UpdateExpression: `SET ${sets}, remaining = :cap`,
          ExpressionAttributeValues: { ...place, ':cap': cap },
        }),
      );
    }
  },

  async subscribersIn(templateId, regionCode, { limit, after }) {
    // `after` is the last GSI1SK read (<village>#<userId>): the index key of that item is rebuilt from it.
    const startKey = after
      ? (() => {
          const [villageCode, userId] = after.split('#');
          return {
            ...subscriptionKeys.subscriberIndex(templateId, villageCode, userId),
            ...subscriptionKeys.item(userId, templateId),
          };
        })()
      : undefined;
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
        ExpressionAttributeValues: { ':pk': subscriptionKeys.subscribers(templateId, regionCode), ':region': regionCode },
        ExclusiveStartKey: startKey,
        Limit: limit,
      }),
    );
    return {
      items: Items.map((item) => ({ userId: String(item.userId), openid: String(item.openid), villageCode: String(item.villageCode) })),
      after: LastEvaluatedKey ? String(LastEvaluatedKey.GSI1SK) : null,
    };
  },

  async claim(input) {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await claimOnce(input);
        if (result === 'claimed') await leaveIndexIfEmpty(input.userId, input.templateId);
        return result;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= CLAIM_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 40 * attempt));
      }
    }
  },

  async recordOutcome({ feedId, userId, outcome, errcode, msgid, at }) {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: alertSendKeys.item(feedId, userId),
        UpdateExpression: 'SET outcome = :outcome, errcode = :errcode, msgid = :msgid, settledAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':outcome': outcome, ':errcode': errcode, ':msgid': msgid ?? null, ':at': at },
      }),
    );
  },

  async clearAllowance(userId, templateId) {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: subscriptionKeys.item(userId, templateId),
        UpdateExpression: 'SET remaining = :zero REMOVE GSI1PK, GSI1SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  },
};

/** The outbox the publish writes to (after its own write) and the notifier drains. */
/** A published alert waiting for its fan-out (the feeds repository writes it in the publish's transaction). */
export const alertOutboxItem = (feedId: string, at: string) => ({ ...alertOutboxKeys.item(feedId), entity: 'AlertOutbox', feedId, enqueuedAt: at });

export const dynamoAlertOutbox: AlertOutbox & { enqueue(feedId: string, at: string): Promise<void> } = {
  async enqueue(feedId, at) {
    await db().send(new PutCommand({ TableName: tableName(), Item: alertOutboxItem(feedId, at) }));
  },
  async pending(limit) {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': alertOutboxKeys.partition },
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return Items.sort((a, b) => String(a.enqueuedAt).localeCompare(String(b.enqueuedAt))).map((item) => ({
      feedId: String(item.feedId),
      after: typeof item.after === 'string' ? item.after : null,
    }));
  },
  async progress(feedId, after) {
    await db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: alertOutboxKeys.item(feedId),
          UpdateExpression: 'SET #after = :after',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#after': 'after' },
          ExpressionAttributeValues: { ':after': after },
        }),
      )
      .catch((error) => {
        if (!isConditionFailed(error)) throw error; // another run finished it meanwhile
      });
  },
  async done(feedId) {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: alertOutboxKeys.item(feedId) }));
  },
};

/** Each village's area type from its region item (as the feed reads a place). */
export const dynamoVillageAreaTypes: VillageAreaTypes = {
  async of(villageCodes) {
    const found = villageCodes.length ? await batchGet(villageCodes.map(regionKeys.item)) : [];
    return new Map(found.map((item) => [String(item.code), item.areaType as AreaType]));
  },
};
