/**
 * Households, their bill books, and linking a villager's WeChat account to one with a one-time code.
 */
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { HouseholdRecord, HouseholdRepository } from '../domain/payments/household';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { putOneTimeCode } from './one-time-codes';
import { householdIdentityKeys, householdKeys, INDEX, linkCodeKeys, userKeys } from './keys';
import { queryPage } from './query-pages';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

type Cancelled = TransactionCanceledException;

const householdFromItem = (item: Record<string, unknown>) => stripKeys<HouseholdRecord>(item);

export const dynamoHouseholdRepository: HouseholdRepository = {
  async create(household, identity, allowDuplicate) {
    const table = tableName();
    const marker = householdIdentityKeys.item(household.stationId, identity.normalisedName, identity.phone);
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: {
                ...householdKeys.item(household.id),
                ...householdKeys.ofStationIndex(household.stationId, household.createdAt, household.id),
                entity: 'Household',
                ...household,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            // The same family once per station, unless the officer confirmed a second one.
            Put: {
              TableName: table,
              Item: { ...marker, entity: 'HouseholdIdentity', householdId: household.id },
              ...(allowDuplicate ? {} : { ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }),
            },
          },
        ],
      });
      return { kind: 'created' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const reason = (error as Cancelled).CancellationReasons?.[1];
      if (reason?.Code !== 'ConditionalCheckFailed') throw error;
      const existing = reason.Item
        ? unmarshall(reason.Item)
        : (await db().send(new GetCommand({ TableName: table, Key: marker, ConsistentRead: true }))).Item;
      return { kind: 'duplicate', householdId: String(existing?.householdId) };
    }
  },

  async get(householdId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: householdKeys.item(householdId), ConsistentRead: true }));
    return Item ? householdFromItem(Item) : null;
  },

  listOfStation: (stationId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': householdKeys.ofStation(stationId).GSI1PK },
        ScanIndexForward: false,
      },
      page,
      `households:${stationId}`,
      householdFromItem,
    ),

  async saveBillBookEntry(householdId, billType, accountNo, at) {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: householdKeys.item(householdId),
        UpdateExpression: 'SET billBook.#type = :entry, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#type': billType },
        ExpressionAttributeValues: { ':entry': { accountNo, savedAt: at }, ':at': at },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return householdFromItem(Attributes!);
  },

  putLinkCode: (code, userId, expiresAtMs, nowMs) => putOneTimeCode(linkCodeKeys.item(code), 'LinkCode', userId, expiresAtMs, nowMs),

  /**
   * Uses a live code once: the code is deleted, the user is linked, and the household's linked count
   * moves (from the user's previous household, if any), all in one transaction. Null when the code
   * is unknown, expired or used meanwhile.
   */
  async redeemLinkCode(code, householdId, nowMs, at) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: linkCodeKeys.item(code), ConsistentRead: true }));
    if (!Item || Number(Item.expiresAtMs) < nowMs) return null;
    const userId = String(Item.userId);
    const { Item: user } = await db().send(new GetCommand({ TableName: tableName(), Key: userKeys.item(userId), ConsistentRead: true }));
    if (!user) return null;
    const previous = user.householdId as string | undefined;
    if (previous === householdId) {
      await db().send(new DeleteCommand({ TableName: tableName(), Key: linkCodeKeys.item(code) }));
      return { userId };
    }
    const table = tableName();
    try {
      await transactWrite({
        TransactItems: [
          {
            Delete: {
              TableName: table,
              Key: linkCodeKeys.item(code),
              ConditionExpression: 'userId = :user AND expiresAtMs >= :now',
              ExpressionAttributeValues: { ':user': userId, ':now': nowMs },
            },
          },
          {
            Update: {
              TableName: table,
              Key: userKeys.item(userId),
              UpdateExpression: 'SET householdId = :household, updatedAt = :at',
              ConditionExpression: previous ? 'householdId = :previous' : 'attribute_exists(PK) AND attribute_not_exists(householdId)',
              ExpressionAttributeValues: { ':household': householdId, ':at': at, ...(previous ? { ':previous': previous } : {}) },
            },
          },
          {
            Update: {
              TableName: table,
              Key: householdKeys.item(householdId),
              UpdateExpression: 'ADD linkedUserCount :one',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          ...(previous
            ? [
                {
                  Update: {
                    TableName: table,
                    Key: householdKeys.item(previous),
                    UpdateExpression: 'ADD linkedUserCount :minusOne',
                    ConditionExpression: 'attribute_exists(PK)',
                    ExpressionAttributeValues: { ':minusOne': -1 },
                  },
                },
              ]
            : []),
        ],
      });
      return { userId };
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },
};
