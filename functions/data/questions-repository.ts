/** Questions to experts (keys: questionKeys; the access patterns are drawn above them in keys.ts). */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PublishedQuestion, QuestionRecord, QuestionRepository } from '../domain/questions/question';
import { reachRegionOf } from '../domain/questions/question';
import { db, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { stripKeys } from './item';
import { INDEX, questionKeys } from './keys';
import { queryAll, queryPage } from './query-pages';
import { transactWrite } from './transact';
import { serviceItems } from './service-ledger-items';
import { serviceEvents } from '../domain/services/service-events';

/** An answer counts as a service of the station the question came through (if any), in the answer's transaction. */
const answeredService = (q: QuestionRecord, answer: { by: string; at: string }) => {
  const entry = serviceEvents.answered(q, answer.by, answer.at);
  return entry ? serviceItems(tableName(), entry) : [];
};
import { isConditionFailure } from './transaction-errors';
import { attachUpload } from './uploads-repository';
import { AppError } from '../domain/errors';

export const QUESTION_ENTITY = 'Question';
export const QUESTION_CLAIM_ENTITY = 'QuestionClaim';
export const PUBLISHED_QUESTION_ENTITY = 'PublishedQuestion';

export function questionItem(q: QuestionRecord) {
  return {
    ...questionKeys.item(q.id),
    ...(q.status === 'OPEN' ? questionKeys.inboxIndex(q.field, reachRegionOf(q.villageCode, q.reach), q.askedAt, q.id) : {}),
    ...questionKeys.askerIndex(q.askedBy, q.askedAt, q.id),
    ...(q.status === 'OPEN' && q.dueAt ? questionKeys.dueIndex(q.villageCode, q.dueAt, q.id) : {}),
    entity: QUESTION_ENTITY,
    ...q,
  };
}

const fromItem = (item: Record<string, unknown>) => stripKeys<QuestionRecord>(item);

/** How long a container trusts its copy of the published questions (answers are not urgent news). */
const PUBLISHED_CACHE_MS = 60_000;
const publishedCache = new Map<string, { entries: PublishedQuestion[]; loadedAt: number }>();
export const resetPublishedQuestionsCacheForTests = () => publishedCache.clear();

export const dynamoQuestionRepository: QuestionRepository = {
  async create(q, newUploadIds) {
    const put = { TableName: tableName(), Item: questionItem(q), ConditionExpression: 'attribute_not_exists(PK)' };
    if (newUploadIds.length === 0) {
      await db().send(new PutCommand(put));
      return;
    }
    try {
      await transactWrite({ TransactItems: [{ Put: put }, ...newUploadIds.map((id) => attachUpload(id, q.askedBy, q.id))] });
    } catch (error) {
      if (isConditionFailure(error)) throw new AppError('CONFLICT', 'An upload was used meanwhile');
      throw error;
    }
  },

  async get(id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: questionKeys.item(id), ConsistentRead: true }));
    return Item ? fromItem(Item) : null;
  },

  listAskedBy(userId, page) {
    return queryPage(
      {
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': questionKeys.asker(userId) },
        ScanIndexForward: false,
      },
      page,
      `questions:asker:${userId}`,
      fromItem,
    );
  },

  async inbox(field, reachRegions, page) {
    //  cursor = { l: level index into reachRegions, k: the last key read there }
    //  level 0 (the expert's county) ──exhausted──> level 1 (prefecture) ──exhausted──> level 2 (province)
    const scope = `questions:inbox:${field}:${reachRegions.join(',')}`;
    const position = decodeCursor(page.cursor, scope) as { l?: unknown; k?: Record<string, unknown> } | undefined;
    let level = typeof position?.l === 'number' ? position.l : 0;
    let startKey = position?.k;
    const items: QuestionRecord[] = [];
    while (level < reachRegions.length && items.length < page.limit) {
      const { Items = [], LastEvaluatedKey } = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: INDEX.GSI1,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': questionKeys.inbox(field, reachRegions[level]) },
          Limit: page.limit - items.length,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...Items.map(fromItem));
      if (LastEvaluatedKey) return { items, nextCursor: encodeCursor({ l: level, k: LastEvaluatedKey }, scope) };
      level++;
      startKey = undefined;
    }
    // A full page that ended exactly at a level's end: the next page starts at the next level.
    return { items, nextCursor: level < reachRegions.length ? encodeCursor({ l: level }, scope) : null };
  },

  async claim(id, expertId, at, until) {
    //   OPEN, no claim or claim lapsed (claimUntil < at) ──> claimedBy = expert, claimUntil = until
    //   answered, or another live claim: condition fails, nothing changes
    // One plain conditional Update (no transaction to collide): of concurrent claims exactly one passes.
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: questionKeys.item(id),
          UpdateExpression: 'SET claimedBy = :expert, claimUntil = :until',
          ConditionExpression: '#status = :open AND (attribute_type(claimedBy, :null) OR claimUntil < :at)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':expert': expertId, ':until': until, ':open': 'OPEN', ':null': 'NULL', ':at': at },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    // The claim's record (who, when): history beside the question, written once the claim is won.
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...questionKeys.claim(id, at, expertId), entity: QUESTION_CLAIM_ENTITY, questionId: id, expertId, at, until },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  },

  async answer(q, answer, newUploadIds, published) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: questionKeys.item(q.id),
              UpdateExpression: 'SET #status = :answered, answer = :answer, dueAt = :none REMOVE GSI1PK, GSI1SK, GSI3PK, GSI3SK',
              ConditionExpression: '#status = :open AND claimedBy = :expert AND claimUntil >= :at',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':answered': 'ANSWERED',
                ':answer': answer,
                ':none': null,
                ':open': 'OPEN',
                ':expert': answer.by,
                ':at': answer.at,
              },
            },
          },
          ...newUploadIds.map((id) => attachUpload(id, answer.by, q.id)),
          ...answeredService(q, answer),
          ...(published
            ? [
                {
                  Put: {
                    TableName: tableName(),
                    Item: { ...questionKeys.publishedItem(q.villageCode, answer.at, q.id), entity: PUBLISHED_QUESTION_ENTITY, ...published },
                  },
                },
              ]
            : []),
        ],
      });
      // This container's search sees the new answer at once (others within their cache's minute).
      if (published) publishedCache.delete(q.villageCode.slice(0, 2));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async due(provinceCode, at, limit) {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI3,
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :at',
        ExpressionAttributeValues: { ':pk': questionKeys.due(provinceCode), ':at': `${at}~` },
        Limit: limit,
      }),
    );
    return Items.map(fromItem);
  },

  async escalate(q, escalation, nextDueAt) {
    //   OPEN at reach `from`, due at dueAt ──> reach `to`, inbox of the wider region, next due (or none)
    // Conditional on the reach it leaves: a second run (or the inbox's check at the same time) changes nothing.
    const inbox = questionKeys.inboxIndex(q.field, reachRegionOf(q.villageCode, escalation.to), q.askedAt, q.id);
    const due = nextDueAt ? questionKeys.dueIndex(q.villageCode, nextDueAt, q.id) : null;
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: questionKeys.item(q.id),
          UpdateExpression:
            'SET reach = :to, GSI1PK = :inbox, dueAt = :next, escalations = list_append(escalations, :entry)' +
            (due ? ', GSI3SK = :dueKey' : ' REMOVE GSI3PK, GSI3SK'),
          ConditionExpression: '#status = :open AND reach = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':to': escalation.to,
            ':inbox': inbox.GSI1PK,
            ':next': nextDueAt,
            ':entry': [escalation],
            ':open': 'OPEN',
            ':from': q.reach,
            ...(due ? { ':dueKey': due.GSI3SK } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async published(provinceCode) {
    const hit = publishedCache.get(provinceCode);
    if (hit && Date.now() - hit.loadedAt < PUBLISHED_CACHE_MS) return hit.entries;
    const entries = await queryAll(
      { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': questionKeys.published(provinceCode) }, ScanIndexForward: false },
      (item) => stripKeys<PublishedQuestion>(item),
    );
    publishedCache.set(provinceCode, { entries, loadedAt: Date.now() });
    return entries;
  },
};
