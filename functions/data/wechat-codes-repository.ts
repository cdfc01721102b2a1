/**
 * WeChat's official code of each station, fetched once and kept (functions/adapters/qr-wechat.ts):
 * the API has a daily quota, and a station's code never changes.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { qrKeys } from './keys';

export interface WeChatCodeCache {
  /** The PNG kept for the station, or null before its first fetch. */
  get(stationId: string): Promise<Buffer | null>;
  put(stationId: string, png: Buffer): Promise<void>;
}

export const dynamoWeChatCodes: WeChatCodeCache = {
  async get(stationId) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: qrKeys.wechat(stationId) }));
    return Item?.png ? Buffer.from(Item.png as Uint8Array) : null;
  },

  async put(stationId, png) {
    await db().send(
      new PutCommand({ TableName: tableName(), Item: { ...qrKeys.wechat(stationId), entity: 'WeChatCode', png, at: new Date().toISOString() } }),
    );
  },
};
