/** Upload records (keys: uploadKeys). Attaching one to an item happens in the item's own write (feeds-repository). */
import { DeleteCommand, GetCommand, PutCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { UploadRecord, UploadRepository } from '../domain/uploads/upload';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { uploadKeys } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const dynamoUploadRepository: UploadRepository = {
  async create(upload, expiresAtEpochSeconds) {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...uploadKeys.item(upload.id), entity: 'Upload', ...upload, expiresAt: expiresAtEpochSeconds },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  },

  async getMany(ids) {
    // At most six, read consistently: an upload asked for a moment ago is there.
    const items = await Promise.all(
      [...new Set(ids)].map((id) => db().send(new GetCommand({ TableName: tableName(), Key: uploadKeys.item(id), ConsistentRead: true }))),
    );
    const now = Math.floor(Date.now() / 1000);
    // DynamoDB deletes expired items late (DynamoDB Local never): an expired upload is gone.
    return items.flatMap(({ Item }) =>
      Item && !(typeof Item.expiresAt === 'number' && Item.expiresAt <= now) ? [stripKeys<UploadRecord>(Item)] : [],
    );
  },

  async remove(id) {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: uploadKeys.item(id) }));
  },
};

/**
 * The part of an item's write that takes its new uploads: each must still be the caller's and
 * pending (two items naming the same upload at once: one transaction fails). Attached, it no longer expires.
 */
export const attachUpload = (uploadId: string, ownerId: string, feedId: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: uploadKeys.item(uploadId),
    UpdateExpression: 'SET #status = :attached, feedId = :feedId REMOVE expiresAt',
    ConditionExpression: '#status = :pending AND ownerId = :owner',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':attached': 'ATTACHED', ':pending': 'PENDING', ':owner': ownerId, ':feedId': feedId },
  },
});
