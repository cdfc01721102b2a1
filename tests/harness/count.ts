import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Counts stored items of one entity, across every Scan page (tests only: requests never Scan). */
export async function countEntities(doc: DynamoDBDocumentClient, tableName: string, entity: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'entity = :entity',
        ExpressionAttributeValues: { ':entity': entity },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** Counts every stored item of the table (tests only), to prove a refused request wrote nothing at all. */
export async function countItems(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ExclusiveStartKey: startKey, ConsistentRead: true }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * Every stored item of one entity (tests only), across every Scan page, read consistently; `where`
 * keeps those whose attributes equal the values given (e.g. `{ paymentId }`).
 */
export async function entitiesOf(
  doc: DynamoDBDocumentClient,
  tableName: string,
  entity: string,
  where: Record<string, unknown> = {},
): Promise<Record<string, any>[]> {
  const names = Object.keys(where);
  const items: Record<string, any>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: ['entity = :entity', ...names.map((_, i) => `#a${i} = :v${i}`)].join(' AND '),
        ...(names.length ? { ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])) } : {}),
        ExpressionAttributeValues: { ':entity': entity, ...Object.fromEntries(names.map((name, i) => [`:v${i}`, where[name]])) },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
