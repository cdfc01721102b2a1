/** Stores the WeChat Pay stub's keys once (attribute_not_exists): concurrent cold starts end up with the same keys. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StubKeyMaterial } from '../domain/market/wechat-pay';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { wechatPayStubKeys } from './keys';
import { isConditionFailure } from './transaction-errors';

export async function getOrCreateStubKeys(create: () => StubKeyMaterial): Promise<StubKeyMaterial> {
  const read = async () => {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: wechatPayStubKeys.item(), ConsistentRead: true }));
    return Item ? stripKeys<StubKeyMaterial>(Item) : null;
  };
  const existing = await read();
  if (existing) return existing;
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...wechatPayStubKeys.item(), entity: 'WechatPayStubKeys', ...create() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  return (await read())!;
}
