/**
 * Demo accounts of the local stage (README lists them). Sign in on the H5 build's dev login with the
 * openid, i.e. the code `dev:<openid>`. Never seeded into a deployed stage.
 */
import { createHash } from 'node:crypto';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { officerListChange, openidClaimItem, userToItem } from '../../functions/data/users-repository';
import type { User } from '../../functions/domain/accounts/user';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';

/** An expert as an admin's appointment leaves them (POST /admin/experts): a region and a field. */
type DemoAccount = Pick<User, 'openid' | 'role' | 'name' | 'regionCode' | 'stationVillageCode'> & { expertField?: 'crops' };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { openid: 'admin-qinghai', role: 'province_admin', name: '青海省管理员', regionCode: '63' },
  { openid: 'admin-haidong', role: 'prefecture_admin', name: '海东市管理员', regionCode: '6302' },
  { openid: 'admin-ledu', role: 'county_admin', name: '乐都区管理员', regionCode: '630202' },
  { openid: 'officer-tuqiao', role: 'officer', name: '土桥村信息员', stationVillageCode: '630202002214' },
  { openid: 'villager-demo', role: 'villager', name: '示范村民' },
  { openid: 'expert-ledu', role: 'expert', name: '乐都区农技专家', regionCode: '630202', expertField: 'crops' },
];

export const demoUserId = (openid: string) => 'u' + createHash('sha256').update(`demo:${openid}`).digest('hex').slice(0, 20);

export async function seedDemoAccounts(client: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const now = new Date().toISOString();
  let written = 0;
  for (const account of DEMO_ACCOUNTS) {
    const user: User = {
      id: demoUserId(account.openid),
      status: 'active',
      createdAt: now,
      updatedAt: now,
      ...account,
      ...(account.stationVillageCode ? { stationId: stationIdForVillage(account.stationVillageCode) } : {}),
    };
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: openidClaimItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: tableName, Item: userToItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
            ...(user.stationId ? [officerListChange(tableName, user.stationId, user.id, user.name ?? '', now)] : []),
          ],
        }),
      );
      written += 1;
    } catch (error) {
      // Already there (perhaps appointed elsewhere since): keep it as it is.
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
    }
  }
  return written;
}
