/**
 * Local and test stages: subscribeMessage.send recorded, not sent. Every request lands in the table
 * (PK = LOCAL_SUBSCRIBE_MESSAGES, newest last) with the answer it got, so tests count them and a
 * developer lists them (`npm run sent-messages`). Like the sandbox bill provider, the recipient
 * chooses the answer, so every path can be tried with the dev sign-in's openids:
 *
 *   openid ends in   answer
 *   -refuses         43101 the user holds no subscription (our allowance is cleared)
 *   -bad-openid      40003 invalid openid
 *   -busy            -1    system busy
 *   anything else    0     sent (a msgid)
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client';
import { localSubscribeMessageKeys } from '../data/keys';
import { stripKeys } from '../data/item';
import {
  WECHAT_ERRCODES,
  type SubscribeMessageAnswer,
  type SubscribeMessageRequest,
  type SubscribeMessageSender,
} from '../domain/notify/subscribe-message';

export const LOCAL_MESSAGE_ENTITY = 'LocalSubscribeMessage';

export interface RecordedMessage {
  at: string;
  request: SubscribeMessageRequest;
  answer: SubscribeMessageAnswer;
}

export function localAnswerFor(openid: string): SubscribeMessageAnswer {
  if (openid.endsWith('-refuses')) return { errcode: WECHAT_ERRCODES.userRefused, errmsg: 'user refuse to accept the msg' };
  if (openid.endsWith('-bad-openid')) return { errcode: WECHAT_ERRCODES.invalidOpenid, errmsg: 'invalid openid' };
  if (openid.endsWith('-busy')) return { errcode: WECHAT_ERRCODES.busy, errmsg: 'system error' };
  return { errcode: 0, errmsg: 'ok', msgid: `local-${randomBytes(8).toString('hex')}` };
}

export const localSubscribeMessageSender: SubscribeMessageSender = {
  async send(request) {
    const at = new Date().toISOString();
    const answer = localAnswerFor(request.touser);
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...localSubscribeMessageKeys.item(at, randomBytes(6).toString('hex')), entity: LOCAL_MESSAGE_ENTITY, at, request, answer },
      }),
    );
    return answer;
  },
};

/** The recorded messages, newest first (tests, and `npm run sent-messages`). */
export async function recordedMessages(limit = 50): Promise<RecordedMessage[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': localSubscribeMessageKeys.partition },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return Items.map((item) => stripKeys<RecordedMessage>(item));
}
