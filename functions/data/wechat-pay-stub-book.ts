/**
 * The WeChat Pay stub's books in the table (functions/adapters/wechat-pay-stub.ts StubTradeBook), so
 * the API's processes, the jobs and the stub sheet see the same trades: a prepay order per
 * out_trade_no (WechatPayStubTrade) and a refund per out_refund_no (WechatPayStubRefund). Tests count
 * the refunds: one per out_refund_no, whatever the number of calls.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StubOrder, StubRefund, StubTradeBook } from '../adapters/wechat-pay-stub';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { wechatPayStubKeys } from './keys';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

const getItem = async <T>(key: Record<string, string>): Promise<T | null> => {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<T>(Item) : null;
};

export const dynamoStubTradeBook: StubTradeBook = {
  async create(order) {
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...wechatPayStubKeys.trade(order.outTradeNo), entity: 'WechatPayStubTrade', ...order },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return (await this.get(order.outTradeNo))!;
  },

  get: async (outTradeNo) => getItem<StubOrder>(wechatPayStubKeys.trade(outTradeNo)),

  /** NOTPAY ──> SUCCESS | CLOSED, conditional on NOTPAY: a close and a payment racing, one wins. */
  async settle(outTradeNo, to) {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: wechatPayStubKeys.trade(outTradeNo),
          UpdateExpression: to.tradeState === 'SUCCESS' ? 'SET tradeState = :to, transactionId = :tx, successTime = :at' : 'SET tradeState = :to',
          ConditionExpression: 'tradeState = :notpay',
          ExpressionAttributeValues: {
            ':to': to.tradeState,
            ':notpay': 'NOTPAY',
            ...(to.tradeState === 'SUCCESS' ? { ':tx': to.transactionId, ':at': to.at } : {}),
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // not NOTPAY, or no such order: answered as it stands
    }
    return this.get(outTradeNo);
  },

  getRefund: async (outRefundNo) => getItem<StubRefund>(wechatPayStubKeys.refund(outRefundNo)),

  /**
   *   refund  attribute_not_exists (keyed by out_refund_no)
   *   trade   tradeState IN (SUCCESS, REFUND) ──> REFUND
   * A second call finds the first refund; an unpaid trade fails the condition (null).
   */
  async refundOnce(refund) {
    const existing = await getItem<StubRefund>(wechatPayStubKeys.refund(refund.outRefundNo));
    if (existing) return existing;
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...wechatPayStubKeys.refund(refund.outRefundNo), entity: 'WechatPayStubRefund', ...refund },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: wechatPayStubKeys.trade(refund.outTradeNo),
              UpdateExpression: 'SET tradeState = :refund',
              ConditionExpression: 'tradeState IN (:success, :refund)',
              ExpressionAttributeValues: { ':refund': 'REFUND', ':success': 'SUCCESS' },
            },
          },
        ],
      });
      return refund;
    } catch (error) {
      // A failed condition or a collision with a concurrent copy: the refund that stands, if any, answers.
      const stood = await getItem<StubRefund>(wechatPayStubKeys.refund(refund.outRefundNo));
      if (stood) return stood;
      if (isConditionFailure(error)) return null;
      throw error;
    }
  },
};
