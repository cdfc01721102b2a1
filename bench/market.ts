/**
 * Marketplace benchmark on its own local stack (in-memory DynamoDB Local + Qinghai seed + the API
 * under serverless-offline, stage `test`, on free ports): 200 buyers competing for 50 units of ONE
 * listing, then for 50 different listings of 1 unit each. Prints orders/s, p50/p95, the oversells
 * (counted in the table: must be 0) and the DynamoDB calls per order; then a listing page and a
 * listing read in DynamoDB calls (the floor is 1).
 *
 * Each scenario runs twice: all 200 buyers at once through the handler in this process (DynamoDB Local
 * is where buyers contend), and through HTTP (serverless-offline) with at most --http-concurrency
 * requests in flight: serverless-offline starts one worker thread per concurrent request, and 200 of
 * them would take gigabytes on a shared machine.
 *
 *   npx tsx bench/market.ts [--buyers 200] [--http-concurrency 10]
 */
import '../scripts/lib/env';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SEEDED_TABLE } from '../tests/harness/stack';
import { withSeededStack } from './lib/stack';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const BUYERS = option('buyers', 200);
const HTTP_CONCURRENCY = option('http-concurrency', 10);
const UNITS = 50;
const TABLE = SEEDED_TABLE; // the test stage's table (serverless.yml: yinong-${sls:stage})
const TUQIAO_VILLAGE = '630202002214'; // 土桥村, 乐都区
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// The in-process handlers run as the test stage, like the API child (its secrets are the test stage's).
Object.assign(process.env, {
  STAGE: 'test',
  TABLE_NAME: TABLE,
  TOKEN_SECRET: 'test-token-secret',
  CURSOR_SECRET: 'test-cursor-secret',
  YINONG_DEV_LOGIN: 'enabled',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
process.env.AWS_REGION ??= 'cn-northwest-1';

type Auth = { authorization: string };
type Answer = { status: number; json: any };
type Send = (method: string, path: string, auth: Auth | null, body?: unknown, key?: string, query?: Record<string, string>) => Promise<Answer>;

async function main() {
  console.log(
    `Marketplace benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  await withSeededStack({}, async ({ apiUrl, dynamodbEndpoint, doc }) => {
    console.log('');
    process.env.DYNAMODB_ENDPOINT = dynamodbEndpoint; // for the in-process handlers run() loads
    await run(apiUrl, doc);
  });
}

async function run(apiUrl: string, doc: DynamoDBDocumentClient) {
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'silent';
  // Loaded once the environment points at this stack (config is read at first use).
  const { handler: market } = await import('../functions/handlers/market');
  const { db } = await import('../functions/data/client');
  const { orderKeys, listingKeys } = await import('../functions/data/keys');
  const { stationIdForVillage } = await import('../functions/domain/stations/station-identity');
  const { invoke } = await import('../tests/harness/invoke');
  const { createUser } = await import('../tests/harness/users');
  const { listingBody } = await import('../tests/harness/market');

  let calls = 0;
  db().middlewareStack.add(
    (next) => async (args) => {
      calls++;
      return next(args);
    },
    { step: 'initialize', name: 'countMarketCalls' },
  );

  const inProcess: Send = async (method, path, auth, body, key, query) =>
    invoke(market, { method, path, headers: { ...(auth ?? {}), ...(key ? { 'idempotency-key': key } : {}) }, body, query });
  const overHttp: Send = async (method, path, auth, body, key) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { ...(auth ?? {}), ...(key ? { 'idempotency-key': key } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  };

  const stationId = stationIdForVillage(TUQIAO_VILLAGE);
  const officer = await createUser(doc, TABLE, { role: 'officer', stationId, stationVillageCode: TUQIAO_VILLAGE, name: '压测' });
  const seller = await inProcess('POST', `/stations/${stationId}/sellers`, officer.auth, {
    kind: 'cooperative',
    name: `压测合作社${Date.now()}`,
    consent: true,
  });
  if (seller.status !== 201) throw new Error(`seller: ${seller.status} ${JSON.stringify(seller.json)}`);
  const newListing = async (stock: number) => {
    const res = await inProcess('POST', '/listings', officer.auth, listingBody(seller.json.id, { stock, priceFen: 3_000 }));
    if (res.status !== 201) throw new Error(`listing: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json.id as string;
  };
  const buyers = (n: number) => Promise.all(Array.from({ length: n }, () => createUser(doc, TABLE, { role: 'buyer' }).then((u) => u.auth as Auth)));

  /** Units the table holds in orders of these listings, and their stock now: counted, not taken from answers. */
  async function stored(listingIds: string[]) {
    const ids = new Set(listingIds);
    let units = 0;
    let orders = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': orderKeys.station(stationId) },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const lines = (item.lines as Array<{ listingId: string; quantity: number }>).filter((l) => ids.has(l.listingId));
        if (lines.length) orders++;
        units += lines.reduce((sum, l) => sum + l.quantity, 0);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const stocks = await Promise.all(
      listingIds.map(async (id) =>
        Number((await doc.send(new GetCommand({ TableName: TABLE, Key: listingKeys.item(id), ConsistentRead: true }))).Item?.stock),
      ),
    );
    return { orders, units, negativeStocks: stocks.filter((s) => s < 0).length, stockLeft: stocks.reduce((a, b) => a + b, 0) };
  }

  async function burst(label: string, send: Send, listingIds: string[], maxInFlight: number) {
    const who = await buyers(BUYERS);
    const before = calls;
    const times: number[] = [];
    const answers = new Map<string, number>();
    let inFlight = 0;
    const waiting: Array<() => void> = [];
    const started = performance.now();
    await Promise.all(
      who.map(async (auth, i) => {
        if (inFlight >= maxInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight++;
        const t = performance.now();
        const body = { items: [{ listingId: listingIds[i % listingIds.length], quantity: 1 }], delivery: { mode: 'pickup' } };
        let outcome: string;
        try {
          const res = await send('POST', '/orders', auth, body, randomUUID());
          outcome = res.status === 201 ? '201' : `${res.status} ${res.json?.error?.code ?? JSON.stringify(res.json).slice(0, 120)}`;
        } catch (error) {
          outcome = `network ${(error as Error).message}`;
        }
        times.push(performance.now() - t);
        answers.set(outcome, (answers.get(outcome) ?? 0) + 1);
        inFlight--;
        waiting.shift()?.();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const made = calls - before;
    const placed = answers.get('201') ?? 0;
    const table = await stored(listingIds);
    const oversells = Math.max(0, table.units - UNITS) + table.negativeStocks;
    console.log(`${label}:`);
    console.log(
      `  ${(placed / seconds).toFixed(1)} orders/s (${(BUYERS / seconds).toFixed(1)} requests/s, ${seconds.toFixed(2)} s for ${BUYERS}), ` +
        `p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    );
    console.log(`  answers: ${[...answers].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
    console.log(`  in the table: ${table.orders} orders holding ${table.units} units, stock left ${table.stockLeft}: oversells ${oversells}`);
    if (send === inProcess)
      console.log(
        `  DynamoDB calls: ${made} for ${BUYERS} requests (${(made / BUYERS).toFixed(1)} per request, ${(made / Math.max(placed, 1)).toFixed(1)} per order placed)`,
      );
    console.log('');
    return oversells;
  }

  // One order, warm, counted alone: what placing costs when nothing competes.
  const warm = await newListing(10);
  const [first, second] = await buyers(2);
  await inProcess('POST', '/orders', first, { items: [{ listingId: warm, quantity: 1 }], delivery: { mode: 'pickup' } }, randomUUID());
  calls = 0;
  const one = await inProcess('POST', '/orders', second, { items: [{ listingId: warm, quantity: 1 }], delivery: { mode: 'pickup' } }, randomUUID());
  console.log(`DynamoDB calls for one order placed (warm, in-process, HTTP ${one.status}): ${calls}`);
  console.log('  the buyer’s user record (token), the listings (one BatchGet), the key’s claim, ONE transaction, the key’s completion\n');

  let oversells = 0;
  oversells += await burst(
    `${BUYERS} buyers at once for ${UNITS} units of ONE listing (handler in this process)`,
    inProcess,
    [await newListing(UNITS)],
    BUYERS,
  );
  const spread = await Promise.all(Array.from({ length: UNITS }, () => newListing(1)));
  oversells += await burst(`${BUYERS} buyers at once for ${UNITS} listings of 1 unit each (handler in this process)`, inProcess, spread, BUYERS);
  // Warm serverless-offline's workers before measuring through HTTP.
  await Promise.all(Array.from({ length: HTTP_CONCURRENCY }, () => overHttp('GET', `/listings/${warm}`, null)));
  oversells += await burst(
    `${BUYERS} buyers for ${UNITS} units of ONE listing over HTTP (${HTTP_CONCURRENCY} in flight)`,
    overHttp,
    [await newListing(UNITS)],
    HTTP_CONCURRENCY,
  );
  const spreadHttp = await Promise.all(Array.from({ length: UNITS }, () => newListing(1)));
  oversells += await burst(
    `${BUYERS} buyers for ${UNITS} listings of 1 unit each over HTTP (${HTTP_CONCURRENCY} in flight)`,
    overHttp,
    spreadHttp,
    HTTP_CONCURRENCY,
  );
  console.log(`oversells over all runs: ${oversells}\n`);

  // Browsing: public routes, counted in-process.
  await inProcess('GET', '/listings', null, undefined, undefined, { region: '630202' });
  calls = 0;
  const page = await inProcess('GET', '/listings', null, undefined, undefined, { region: '630202', limit: '20' });
  const pageCalls = calls;
  calls = 0;
  const read = await inProcess('GET', `/listings/${warm}`, null);
  console.log(
    `DynamoDB calls: a listing page (GET /listings?region=630202, ${page.json.items.length} items, HTTP ${page.status}): ${pageCalls}; a listing read (GET /listings/{id}, HTTP ${read.status}): ${calls}`,
  );
  if (oversells !== 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
