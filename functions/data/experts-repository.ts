import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExpertRepository } from '../domain/accounts/experts';
import { db, tableName } from './client';
import { userKeys } from './keys';
import { isConditionFailure } from './transaction-errors';

export const dynamoExpertRepository: ExpertRepository = {
  async appoint({ userId, field, regionCode, adminRegion, now }) {
    //   villager/buyer ─────────────────┐
    //   expert of a region inside R ────┴──> expert of `regionCode` in `field` (R = the admin's region)
    //   anything else: condition fails, nothing changes
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: userKeys.item(userId),
          UpdateExpression: 'SET #role = :expert, regionCode = :region, expertField = :field, updatedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND (#role IN (:villager, :buyer) OR (#role = :expert AND begins_with(regionCode, :adminRegion)))',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: {
            ':expert': 'expert',
            ':villager': 'villager',
            ':buyer': 'buyer',
            ':region': regionCode,
            ':field': field,
            ':adminRegion': adminRegion,
            ':now': now,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
