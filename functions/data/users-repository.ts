import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { User, UserRepository } from '../domain/accounts/user';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, stationKeys, userKeys } from './keys';
import { isConditionFailure } from './transaction-errors';
import { spendAccountCode } from './account-codes-repository';

export const USER_ENTITY = 'User';

export function userToItem(user: User) {
  return {
    ...userKeys.item(user.id),
    ...(user.role === 'officer' && user.stationId ? userKeys.officerOf(user.stationId, user.id) : {}),
    entity: USER_ENTITY,
    ...user,
  };
}

export const openidClaimItem = (user: User) => ({ ...userKeys.openid(user.openid), entity: 'OpenidClaim', userId: user.id });

/**
 * Adds (name) or removes (null) an officer on the station item, bumping its version so that a
 * station edit read before this change cannot write the old officer list back.
 */
export function officerListChange(table: string, stationId: string, userId: string, name: string | null, now: string) {
  return {
    Update: {
      TableName: table,
      Key: stationKeys.item(stationId),
      UpdateExpression:
        name === null
          ? 'REMOVE officers.#user SET version = version + :one, updatedAt = :now'
          : 'SET officers.#user = :name, version = version + :one, updatedAt = :now',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#user': userId },
      ExpressionAttributeValues: { ':one': 1, ':now': now, ...(name === null ? {} : { ':name': name }) },
    },
  };
}

const userFromItem = (item: Record<string, unknown>) => stripKeys<User>(item);

/** Roles an admin may turn into an officer; admins and experts are never demoted this way. */
const APPOINTABLE_ROLES = ['villager', 'buyer'];

export const dynamoUserRepository: UserRepository = {
  async get(userId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: userKeys.item(userId) }));
    return Item ? userFromItem(Item) : null;
  },

  async getMany(userIds) {
    return (await batchGet(userIds.map((id) => userKeys.item(id)))).map(userFromItem);
  },

  async getByOpenid(openid) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: userKeys.openid(openid) }));
    return Item ? this.get(Item.userId as string) : null;
  },

  async createForOpenid(user) {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName(), Item: openidClaimItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: tableName(), Item: userToItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return user;
    } catch (error) {
      // A concurrent first login of the same person claimed the openid first: theirs is the user.
      if (
        (error as Error).name === 'TransactionCanceledException' &&
        (error as TransactionCanceledException).CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        const existing = await this.getByOpenid(user.openid);
        if (existing) return existing;
      }
      throw error;
    }
  },

  async appointOfficer({ userId, stationId, stationVillageCode, adminRegion, now, accountCode }) {
    //   villager/buyer ───────────────┐
    //   officer of a station in R ────┴──> officer of this station (R = the admin's region)
    //   anything else: condition fails, nothing changes
    // The station's officer list (shown on its page) changes in the same transaction; an officer
    // moving from another station leaves that station's list too.
    const user = await this.get(userId);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Update: {
          TableName: tableName(),
          Key: userKeys.item(userId),
          UpdateExpression:
            'SET #role = :officer, stationId = :stationId, stationVillageCode = :villageCode, GSI1PK = :gsi1pk, GSI1SK = :userId, updatedAt = :now REMOVE regionCode',
          ConditionExpression:
            'attribute_exists(PK) AND (#role IN (:villager, :buyer) OR (#role = :officer AND begins_with(stationVillageCode, :region)))' +
            (user?.stationId ? ' AND stationId = :previousStation' : ' AND attribute_not_exists(stationId)'),
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: {
            ':officer': 'officer',
            ':villager': APPOINTABLE_ROLES[0],
            ':buyer': APPOINTABLE_ROLES[1],
            ':stationId': stationId,
            ':villageCode': stationVillageCode,
            ':gsi1pk': userKeys.officerOf(stationId, userId).GSI1PK,
            ':userId': userId,
            ':region': adminRegion,
            ':now': now,
            ...(user?.stationId ? { ':previousStation': user.stationId } : {}),
          },
        },
      },
    ];
    if (user?.stationId && user.stationId !== stationId) items.push(officerListChange(tableName(), user.stationId, userId, null, now));
    items.push(officerListChange(tableName(), stationId, userId, user?.name ?? '', now));
    if (accountCode) items.push(spendAccountCode(tableName(), accountCode.code, userId, accountCode.nowMs));
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
    return this.get(userId);
  },

  async setHomeStation(userId, stationId, now) {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: userKeys.item(userId),
        UpdateExpression: 'SET homeStationId = :stationId, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':stationId': stationId, ':now': now },
      }),
    );
  },

  async setLanguage(userId, language, now) {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: userKeys.item(userId),
        UpdateExpression: 'SET #language = :language, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#language': 'language' },
        ExpressionAttributeValues: { ':language': language, ':now': now },
      }),
    );
  },

  async listOfficers(stationId) {
    const { Items } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': userKeys.officerOf(stationId, '').GSI1PK },
        Limit: 50,
      }),
    );
    return (Items ?? []).map(userFromItem).filter((u) => u.role === 'officer');
  },

  async removeOfficer({ userId, adminRegion, now }) {
    const user = await this.get(userId);
    if (!user?.stationId || user.role !== 'officer') return null;
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: userKeys.item(userId),
                UpdateExpression: 'SET #role = :villager, updatedAt = :now REMOVE stationId, stationVillageCode, GSI1PK, GSI1SK',
                ConditionExpression: '#role = :officer AND stationId = :stationId AND begins_with(stationVillageCode, :region)',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: {
                  ':villager': 'villager',
                  ':officer': 'officer',
                  ':stationId': user.stationId,
                  ':region': adminRegion,
                  ':now': now,
                },
              },
            },
            officerListChange(tableName(), user.stationId, userId, null, now),
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
    return this.get(userId);
  },
};
