import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { metaKeys } from './keys';

/** One cheap read proving the table answers; a failure surfaces as 503 through the pipeline. */
export async function checkTableReachable(): Promise<void> {
  await db().send(new GetCommand({ TableName: tableName(), Key: metaKeys.seed('qinghai'), ProjectionExpression: 'PK' }));
}
