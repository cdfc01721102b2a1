/**
 * Seeds the Qinghai regions and stations. Only what is missing is written (a conditional Put per
 * item), so an officer's edits survive every restart; a re-run mostly costs batched reads.
 */
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../functions/data/batch-get';
import { regionToItem } from '../../functions/data/regions-repository';
import { geoEntryItem, stationToItem } from '../../functions/data/stations-repository';
import { writeSearchIndex } from '../../functions/data/search-index-repository';
import { buildSearchIndex } from './search-index';
import { metaKeys } from '../../functions/data/keys';
import { PrerequisiteError } from './errors';
import { buildQinghaiDataset } from './qinghai-dataset';

type Item = Record<string, unknown> & { PK: string; SK: string };

export interface SeedReport {
  regions: number;
  stations: number;
  /** Regions, stations and geo index entries. */
  items: number;
  written: number;
  alreadyPresent: number;
  ms: number;
}

/**
 * Bumped whenever stored items change shape. Local data seeded by an older version is not patched
 * in place (seeding never overwrites): `npm start` asks for `--reset` instead.
 */
export const SEED_SCHEMA_VERSION = 3;

export async function seedQinghai(
  client: DynamoDBDocumentClient,
  tableName: string,
  options: {
    concurrency?: number;
    onProgress?: (done: number, total: number) => void;
    /** The caller created the table a moment ago, so nothing can be overwritten: batch writes, no reads. */
    tableIsNew?: boolean;
    /** Only this region (a division code: its stations, its regions and the chain above it): a small table on disk for the crash harness. */
    onlyRegion?: string;
  } = {},
): Promise<SeedReport> {
  const started = Date.now();
  const previous = (await client.send(new GetCommand({ TableName: tableName, Key: metaKeys.seed('qinghai') }))).Item;
  if (previous && (previous.schemaVersion ?? 1) < SEED_SCHEMA_VERSION) {
    throw new PrerequisiteError(
      `The local data was seeded by an older version of this project (schema ${previous.schemaVersion ?? 1}, now ${SEED_SCHEMA_VERSION}). Run \`npm start -- --reset\` to rebuild it.`,
    );
  }
  const full = buildQinghaiDataset();
  const only = options.onlyRegion;
  const regions = only ? full.regions.filter((r) => r.code.startsWith(only) || only.startsWith(r.code)) : full.regions;
  const stations = only ? full.stations.filter((s) => s.villageCode.startsWith(only)) : full.stations;
  const items: Item[] = [
    ...regions.map(regionToItem),
    ...stations.map(stationToItem),
    ...stations.flatMap((s) => (s.location ? [geoEntryItem(s.id, s.location)] : [])),
  ];
  // The search index is derived data: rewritten on every seed (8 items).
  await writeSearchIndex(client, tableName, buildSearchIndex(stations, regions));
  if (options.tableIsNew) {
    await batchWriteAll(client, tableName, items);
    await recordSeedRun(client, tableName, regions.length, stations.length);
    return {
      regions: regions.length,
      stations: stations.length,
      items: items.length,
      written: items.length,
      alreadyPresent: 0,
      ms: Date.now() - started,
    };
  }
  const present = await existingKeys(client, tableName, items);
  const missing = items.filter((item) => !present.has(keyOf(item)));

  let done = 0;
  await runPool(missing, options.concurrency ?? 24, async (item) => {
    try {
      await client.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      // Someone wrote it since we looked: theirs wins.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    done += 1;
    if (done % 1000 === 0) options.onProgress?.(done, missing.length);
  });
  await recordSeedRun(client, tableName, regions.length, stations.length);
  return {
    regions: regions.length,
    stations: stations.length,
    items: items.length,
    written: missing.length,
    alreadyPresent: items.length - missing.length,
    ms: Date.now() - started,
  };
}

async function recordSeedRun(client: DynamoDBDocumentClient, tableName: string, regions: number, stations: number) {
  await client.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...metaKeys.seed('qinghai'), entity: 'SeedRun', schemaVersion: SEED_SCHEMA_VERSION, regions, stations, at: new Date().toISOString() },
    }),
  );
}

async function batchWriteAll(client: DynamoDBDocumentClient, tableName: string, items: Item[]) {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await runPool(batches, 8, async (batch) => {
    let requests: BatchWriteCommandInput['RequestItems'] = { [tableName]: batch.map((Item) => ({ PutRequest: { Item } })) };
    while (requests && Object.keys(requests).length > 0) {
      const result: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  });
}

const keyOf = (item: { PK: unknown; SK: unknown }) => `${item.PK}\u0000${item.SK}`;

async function existingKeys(client: DynamoDBDocumentClient, tableName: string, items: Item[]): Promise<Set<string>> {
  const present = new Set<string>();
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 100) batches.push(items.slice(i, i + 100));
  await runPool(batches, 8, async (batch) => {
    const found = await batchGet(
      batch.map(({ PK, SK }) => ({ PK, SK })),
      { client, table: tableName, projection: 'PK, SK' },
    );
    for (const item of found) present.add(keyOf(item as Item));
  });
  return present;
}

async function runPool<T>(inputs: T[], concurrency: number, work: (input: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++];
      await work(input);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
}
