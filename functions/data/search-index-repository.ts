import { gunzipSync, gzipSync } from 'node:zlib';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SearchEntry, SearchIndexSource } from '../domain/stations/search';
import { searchIndexKeys } from './keys';
import { queryAll } from './query-pages';

/** How long a container trusts its copy; names change only when the division list does. */
const CACHE_MS = 10 * 60 * 1000;
let cached: { entries: SearchEntry[]; loadedAt: number } | undefined;

export const dynamoSearchIndex: SearchIndexSource = {
  async load() {
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.entries;
    const shards = await queryAll(
      { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': searchIndexKeys.partition } },
      (item) => JSON.parse(gunzipSync(item.data as Uint8Array).toString('utf8')) as SearchEntry[],
    );
    const entries = shards.flat();
    entries.sort((a, b) => (a.code < b.code ? -1 : 1));
    cached = { entries, loadedAt: Date.now() };
    return entries;
  },
};

export function resetSearchIndexCacheForTests(): void {
  cached = undefined;
}

/** Writes the index in shards small enough for one item each (400 KB limit; ~40 KB in practice). */
export async function writeSearchIndex(client: DynamoDBDocumentClient, table: string, shards: Map<string, SearchEntry[]>): Promise<void> {
  for (const [name, entries] of shards) {
    const data = gzipSync(JSON.stringify(entries));
    if (data.byteLength > 350_000) throw new Error(`Search index shard ${name} is ${data.byteLength} bytes: split it further`);
    await client.send(
      new PutCommand({ TableName: table, Item: { ...searchIndexKeys.shard(name), entity: 'SearchIndexShard', count: entries.length, data } }),
    );
  }
}
