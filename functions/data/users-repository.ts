import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { User, UserRepository } from '../domain/accounts/user';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, userKeys } from './keys';

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

const userFromItem = (item: Record<string, unknown>) => stripKeys<User>(item);

/** Roles an admin may turn into an officer; admins and experts are never demoted this way. */
const APPOINTABLE_ROLES = ['villager', 'buyer'];

export const dynamoUserRepository: UserRepository = {
  async get(userId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: userKeys.item(userId) }));
    return Item ? userFromItem(Item) : null;
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

  async appointOfficer({ userId, stationId, stationVillageCode, adminRegion, now }) {
    //   villager/buyer ───────────────┐
    //   officer of a station in R ────┴──> officer of this station (R = the admin's region)
    //   anything else: condition fails, nothing changes
    try {
      const { Attributes } = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: userKeys.item(userId),
          UpdateExpression:
            'SET #role = :officer, stationId = :stationId, stationVillageCode = :villageCode, GSI1PK = :gsi1pk, GSI1SK = :userId, updatedAt = :now REMOVE regionCode',
          ConditionExpression:
            'attribute_exists(PK) AND (#role IN (:villager, :buyer) OR (#role = :officer AND begins_with(stationVillageCode, :region)))',
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
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? userFromItem(Attributes) : null;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return null;
      throw error;
    }
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
    try {
      const { Attributes } = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: userKeys.item(userId),
          UpdateExpression: 'SET #role = :villager, updatedAt = :now REMOVE stationId, stationVillageCode, GSI1PK, GSI1SK',
          ConditionExpression: '#role = :officer AND begins_with(stationVillageCode, :region)',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':villager': 'villager', ':officer': 'officer', ':region': adminRegion, ':now': now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? userFromItem(Attributes) : null;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return null;
      throw error;
    }
  },
};
