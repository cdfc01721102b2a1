import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExpertRepository } from '../domain/accounts/experts';
import { spendAccountCode } from './account-codes-repository';
import { db, tableName } from './client';
import { userKeys } from './keys';
import { isConditionFailure } from './transaction-errors';

export const dynamoExpertRepository: ExpertRepository = {
  async appoint({ userId, field, regionCode, adminRegion, now, accountCode }) {
    //   villager/buyer ─────────────────┐
    //   expert of a region inside R ────┴──> expert of `regionCode` in `field` (R = the admin's region)
    //   anything else: condition fails, nothing changes
    // Named by an account code: the code is deleted in the same transaction (still that user's, unexpired),
    // so a code appoints once and a failed appointment leaves it usable.
    const update = {
      TableName: tableName(),
      Key: userKeys.item(userId),
      UpdateExpression: 'SET #role = :expert, regionCode = :region, expertField = :field, updatedAt = :now',
      ConditionExpression: 'attribute_exists(PK) AND (#role IN (:villager, :buyer) OR (#role = :expert AND begins_with(regionCode, :adminRegion)))',
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
    };
    try {
      if (accountCode) {
        await db().send(
          new TransactWriteCommand({
            TransactItems: [{ Update: update }, spendAccountCode(tableName(), accountCode.code, userId, accountCode.nowMs)],
          }),
        );
      } else {
        await db().send(new UpdateCommand(update));
      }
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
