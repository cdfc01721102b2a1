/**
 * The sandbox bill provider's own books (functions/adapters/sandbox-bill-provider.ts): one charge per
 * payment id (CHARGE#<paymentId>), every change conditional, so a second `pay` for the same payment
 * id finds the first charge instead of charging again. Tests count these items.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { chargeKeys } from './keys';
import { isConditionFailure } from './transaction-errors';

export type SandboxChargeState = 'SUCCEEDED' | 'PENDING' | 'CANCELLED';

export interface SandboxCharge {
  state: SandboxChargeState;
  providerRef: string;
  amountFen: number;
}

export interface SandboxChargeRepository {
  /** Records a charge unless the payment id has one already (a cancelled one included); answers the charge that stands. */
  recordOnce(
    paymentId: string,
    charge: { providerRef: string; billType: string; accountNo: string; amountFen: number; state: 'SUCCEEDED' | 'PENDING' },
  ): Promise<SandboxCharge | undefined>;
  get(paymentId: string): Promise<SandboxCharge | undefined>;
  /**
   *   nothing charged ──> CANCELLED tombstone (a late `pay` finds it and charges nothing)
   *   SUCCEEDED, CANCELLED ──> CANCELLED
   *   PENDING ──> false (still with the provider: refused)
   */
  cancel(paymentId: string, at: string): Promise<boolean>;
  /** PENDING -> SUCCEEDED, once (conditional); any other state is left as it is. */
  settlePending(paymentId: string, at: string): Promise<void>;
}

export const dynamoSandboxCharges: SandboxChargeRepository = {
  async recordOnce(paymentId, charge) {
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...chargeKeys.item(paymentId), entity: 'SandboxCharge', paymentId, ...charge, at: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Already charged for this payment id: the first charge stands.
    }
    return this.get(paymentId);
  },

  async get(paymentId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: chargeKeys.item(paymentId), ConsistentRead: true }));
    return Item as SandboxCharge | undefined;
  },

  async cancel(paymentId, at) {
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...chargeKeys.item(paymentId), entity: 'SandboxCharge', paymentId, state: 'CANCELLED', amountFen: 0, cancelledAt: at, at },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: chargeKeys.item(paymentId),
          UpdateExpression: 'SET #state = :cancelled, cancelledAt = :now',
          ConditionExpression: '#state IN (:succeeded, :cancelled)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ':cancelled': 'CANCELLED', ':now': at },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  },

  async settlePending(paymentId, at) {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: chargeKeys.item(paymentId),
          UpdateExpression: 'SET #state = :succeeded, settledAt = :now',
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ':pending': 'PENDING', ':now': at },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
};
