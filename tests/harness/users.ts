import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared';
import { issueToken } from '../../functions/auth/tokens';
import { openidClaimItem, userToItem } from '../../functions/data/users-repository';
import type { User } from '../../functions/domain/accounts/user';

/** Stores a user the way login does and returns a valid session token for them. */
export async function createUser(
  doc: DynamoDBDocumentClient,
  tableName: string,
  fields: {
    role: Role;
    regionCode?: string;
    stationId?: string;
    stationVillageCode?: string;
    name?: string;
    status?: User['status'];
    /** WeChat's openid (default: a random one); the local subscribe-message adapter answers by its ending. */
    openid?: string;
    /** Experts: their field (questions of it reach them). */
    expertField?: User['expertField'];
  },
) {
  const now = new Date().toISOString();
  const user: User = {
    id: `u${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    openid: `o-${randomUUID()}`,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await doc.send(
    new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: tableName, Item: openidClaimItem(user) } }, { Put: { TableName: tableName, Item: userToItem(user) } }],
    }),
  );
  const { token } = issueToken(user.id, process.env.TOKEN_SECRET!, 3600);
  return { user, token, auth: { authorization: `Bearer ${token}` } };
}
