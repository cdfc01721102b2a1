import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../domain/errors';
import { db, tableName } from './client';

type Item = Record<string, unknown>;
type Key = Record<string, unknown>;

/** DynamoDB's limit of keys per BatchGet. */
const KEYS_PER_CALL = 100;
/** Calls per chunk of keys, the first included. */
export const BATCH_GET_ATTEMPTS = 5;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;

/**
 * The items of `keys` that exist, in no particular order (callers match them by their ids),
 * 100 keys a call. DynamoDB may leave keys unprocessed when the table is busy; those are asked
 * again after an exponential backoff with full jitter, at most BATCH_GET_ATTEMPTS calls per chunk
 * (about 1.5 s of waiting at worst). Still unprocessed then, the table is overloaded: the request
 * answers 503 with Retry-After (FA1) instead of looping while the Lambda's time runs out.
 * `options` serve the seed script, which brings its own client and table and reads keys only.
 */
export async function batchGet(keys: Key[], options: { client?: DynamoDBDocumentClient; table?: string; projection?: string } = {}): Promise<Item[]> {
  const { client = db(), table = tableName(), projection } = options;
  const unique = [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()]; // BatchGet refuses duplicates
  const found: Item[] = [];
  for (let i = 0; i < unique.length; i += KEYS_PER_CALL) {
    let pending: Key[] | undefined = unique.slice(i, i + KEYS_PER_CALL);
    for (let attempt = 1; pending?.length; attempt++) {
      if (attempt > BATCH_GET_ATTEMPTS) throw new AppError('DEPENDENCY_UNAVAILABLE', 'The database is busy; retry shortly', undefined, 2);
      if (attempt > 1) await sleep(Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1)));
      const request = { [table]: { Keys: pending, ...(projection ? { ProjectionExpression: projection } : {}) } };
      const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
