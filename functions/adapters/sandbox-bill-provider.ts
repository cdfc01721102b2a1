/**
 * The sandbox bill provider: deterministic bills per account number, and behaviours scripted by the
 * account's last four characters so tests and demos can trigger each outcome:
 *
 *   ….0000  unknown account (lookup 404)        ….9001  pay is declined (account closed)
 *   ….9002  pay times out after charging         ….9003  pay answers slowly (2 s), then succeeds
 *   ….9004  settles later: pay answers UNKNOWN, the charge succeeds when status is asked
 *   anything else: pays at once
 *
 * A charge can be cancelled (voided) until it is settled; the sandbox never settles on its own.
 * Cancelling a payment id that was never charged leaves a tombstone: a `pay` arriving later for it
 * is refused, so "nothing was charged" is final once we have said so.
 *
 * It records its charges in the table (CHARGE#<paymentId>), written with a condition, so a second
 * `pay` for the same payment id returns the first charge instead of charging again; tests count them.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BILL_TYPES } from '../../shared';
import { db, tableName } from '../data/client';
import { chargeKeys } from '../data/keys';
import { isConditionFailure } from '../data/transaction-errors';
import type { BillProvider, ProviderOutcome } from '../domain/payments/bill-provider';
import { AppError } from '../domain/errors';

const SURNAMES = '王李张刘陈杨赵黄周吴马才索扎多尼';
const GIVEN = ['德吉', '卓玛', '建国', '秀英', '明', '措', '海龙', '兰', '永福', '拉姆', '文', '才让'];

const hashOf = (text: string) => createHash('sha256').update(text).digest();

export interface SandboxOptions {
  /** How long a "slow" or "timeout" answer takes (tests shorten it). */
  slowMs?: number;
}

export function createSandboxBillProvider(options: SandboxOptions = {}): BillProvider {
  const slowMs = options.slowMs ?? 2_000;
  const script = (accountNo: string) => accountNo.slice(-4);

  async function recordCharge(paymentId: string, charge: { billType: string; accountNo: string; amountFen: number; state: 'SUCCEEDED' | 'PENDING' }) {
    const providerRef = 'SBX' + hashOf(`ref:${paymentId}`).toString('hex').slice(0, 16).toUpperCase();
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...chargeKeys.item(paymentId), entity: 'SandboxCharge', paymentId, providerRef, ...charge, at: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Already charged for this payment id: the provider answers with the first charge.
    }
    return readCharge(paymentId);
  }

  async function readCharge(paymentId: string) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: chargeKeys.item(paymentId), ConsistentRead: true }));
    return Item as { state: 'SUCCEEDED' | 'PENDING' | 'CANCELLED'; providerRef: string; amountFen: number } | undefined;
  }

  /** What the provider says about a payment id: a cancelled one (voided, or closed unpaid) charged nothing. */
  const outcomeOf = (charge: { state: string; providerRef: string } | undefined): ProviderOutcome =>
    !charge || charge.state === 'CANCELLED'
      ? { outcome: 'NOT_CHARGED' }
      : charge.state === 'SUCCEEDED'
        ? { outcome: 'SUCCEEDED', providerRef: charge.providerRef }
        : { outcome: 'UNKNOWN' };

  return {
    sandbox: true,

    async lookup(billType, accountNo) {
      if (script(accountNo) === '0000') throw new AppError('NOT_FOUND', 'The provider does not know this account number');
      const h = hashOf(`${billType}:${accountNo}`);
      const holderName = SURNAMES[h[0] % SURNAMES.length] + GIVEN[h[1] % GIVEN.length];
      const amountDueFen = BILL_TYPES[billType].kind === 'postpaid' ? 1_000 + (h.readUInt16BE(2) % 290) * 100 : null;
      return { holderName, amountDueFen };
    },

    async pay({ paymentId, billType, accountNo, amountFen }) {
      switch (script(accountNo)) {
        case '9001':
          return { outcome: 'DECLINED', declineCode: 'ACCOUNT_CLOSED' };
        case '9002':
          // The provider charges, but its answer never reaches us.
          await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'SUCCEEDED' });
          await new Promise((r) => setTimeout(r, slowMs));
          return { outcome: 'UNKNOWN' };
        case '9003':
          await new Promise((r) => setTimeout(r, slowMs));
          return outcomeOf(await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'SUCCEEDED' }));
        case '9004':
          return outcomeOf(await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'PENDING' }));
        default:
          return outcomeOf(await recordCharge(paymentId, { billType, accountNo, amountFen, state: 'SUCCEEDED' }));
      }
    },

    async cancel(paymentId) {
      const now = new Date().toISOString();
      try {
        // Nothing charged yet: a tombstone, so a pay that arrives later is refused instead of charging.
        await db().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...chargeKeys.item(paymentId), entity: 'SandboxCharge', paymentId, state: 'CANCELLED', amountFen: 0, cancelledAt: now, at: now },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return { outcome: 'CANCELLED' };
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
            ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ':cancelled': 'CANCELLED', ':now': now },
          }),
        );
        return { outcome: 'CANCELLED' };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { outcome: 'REFUSED' }; // settled by the provider already, or still pending with it
      }
    },

    async status(paymentId) {
      // A pending charge settles the first time anyone asks after it was made (exactly once: conditional).
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: chargeKeys.item(paymentId),
            UpdateExpression: 'SET #state = :succeeded, settledAt = :now',
            ConditionExpression: '#state = :pending',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ':pending': 'PENDING', ':now': new Date().toISOString() },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      return outcomeOf(await readCharge(paymentId));
    },
  };
}
