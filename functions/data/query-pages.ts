import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../domain/page';
import { db, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';

type Item = Record<string, unknown>;

/** A Query as its caller writes it: the key condition, index, order; the table and paging are added here. */
export type QueryShape = Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>;

/**
 * One page of a Query: at most `page.limit` items after `page.cursor`, and the cursor of the next
 * page. Cursors are signed and bound to `scope` (name the list and its partition, e.g.
 * `payments:<station>:<date>`), so a cursor of another list is refused (400).
 */
export async function queryPage<T>(query: QueryShape, page: PageRequest, scope: string, fromItem: (item: Item) => T): Promise<Page<T>> {
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({ TableName: tableName(), ...query, Limit: page.limit, ExclusiveStartKey: decodeCursor(page.cursor, scope) }),
  );
  return { items: Items.map(fromItem), nextCursor: encodeCursor(LastEvaluatedKey, scope) };
}

/**
 * Every item of a Query, following DynamoDB's pages (1 MB each). Only for partitions known to be
 * small (a region's children, a geohash cell, the search index shards); `onPage` counts the reads.
 */
export async function queryAll<T>(query: QueryShape, fromItem: (item: Item) => T, onPage?: () => void): Promise<T[]> {
  const items: T[] = [];
  let startKey: Item | undefined;
  do {
    onPage?.();
    const page = await db().send(new QueryCommand({ TableName: tableName(), ...query, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []).map(fromItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
