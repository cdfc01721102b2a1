/**
 * Load benchmark with autocannon on its own local stack (in-memory DynamoDB Local + Qinghai seed + the API
 * under serverless-offline, stage `test`, on free ports): the read paths (station by code, feed page,
 * listing page, search, nearest) and the write paths (a cash payment, an order), each for --duration
 * seconds with --connections requests in flight, after 3 unmeasured seconds per route (warm workers). Every write carries a fresh Idempotency-Key (autocannon's
 * setupRequest), orders rotate over buyers (5 unpaid orders each at most). Prints requests/s, latency
 * p50/p95/p99 (from every response's time) and errors (non-2xx, socket errors, timeouts).
 *
 * serverless-offline runs one worker thread per concurrent request, so these figures measure the local
 * emulator on this machine, not Lambda: they compare commits, not deployments.
 *
 *   npx tsx bench/load.ts [--duration 10] [--connections 10]
 */
import '../scripts/lib/env';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SEEDED_TABLE } from '../tests/harness/stack';
import { withSeededStack } from './lib/stack';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = option('duration', 10);
const CONNECTIONS = option('connections', 10);
const TABLE = SEEDED_TABLE; // the test stage's table (serverless.yml: yinong-${sls:stage})
const TUQIAO_VILLAGE = '630202002214'; // 土桥村, 乐都区
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

// Users are written straight to the table with tokens of the test stage's secret, as the tests do.
Object.assign(process.env, {
  STAGE: 'test',
  TABLE_NAME: TABLE,
  TOKEN_SECRET: 'test-token-secret',
  CURSOR_SECRET: 'test-cursor-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});

interface Target {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** Writes: the headers and body of each request, a fresh Idempotency-Key each time. */
  next?: () => { headers: Record<string, string>; body: string };
}

export interface LoadFigure {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  total: number;
}

async function measure(url: string, target: Target, duration = DURATION): Promise<LoadFigure> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration,
        timeout: 30,
        requests: [
          {
            method: target.method,
            path: target.path,
            ...(target.next ? { setupRequest: (request: autocannon.Request) => ({ ...request, ...target.next!() }) } : {}),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  const non2xx = [...statuses].filter(([s]) => s < 200 || s >= 300).reduce((n, [, c]) => n + c, 0);
  const figure = {
    label: target.label,
    requestsPerSecond: result.requests.total / duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: non2xx + result.errors + result.timeouts,
    total: result.requests.total,
  };
  if (duration !== DURATION) return figure; // a warm-up: not printed
  const answers = [...statuses].map(([s, c]) => `${s} ×${c}`).join(', ');
  console.log(
    `  ${target.label.padEnd(44)} ${figure.requestsPerSecond.toFixed(1).padStart(6)} req/s  p50 ${figure.p50.toFixed(0)} ms  p95 ${figure.p95.toFixed(0)} ms  p99 ${figure.p99.toFixed(0)} ms  errors ${figure.errors} of ${figure.total} (${answers}${result.errors ? `, socket errors ${result.errors}` : ''}${result.timeouts ? `, timeouts ${result.timeouts}` : ''})`,
  );
  return figure;
}

async function main() {
  console.log(
    `Load benchmark (autocannon) on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  await withSeededStack({}, async ({ apiUrl, doc }) => {
    console.log(`${CONNECTIONS} connections, ${DURATION} s per route\n`);
    await run(apiUrl, doc);
  });
}

async function run(url: string, doc: DynamoDBDocumentClient) {
  const { stationIdForVillage } = await import('../functions/domain/stations/station-identity');
  const { createUser } = await import('../tests/harness/users');
  const { officerOf } = await import('../tests/harness/payments');
  const { listingBody } = await import('../tests/harness/market');
  const { plainAccountNo } = await import('../tests/harness/account-numbers');
  const stationId = stationIdForVillage(TUQIAO_VILLAGE);
  const officer = await officerOf(doc, TABLE, { id: stationId, villageCode: TUQIAO_VILLAGE }, '压测');
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...officer.auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const seller = await post(`/stations/${stationId}/sellers`, { kind: 'cooperative', name: '压测合作社', consent: true });
  const listings = await Promise.all(
    Array.from({ length: 5 }, () => post('/listings', listingBody(seller.id, { stock: 1_000_000, priceFen: 3_000 }))),
  );
  // Enough buyers that none reaches its 5 unpaid orders at any rate this machine sustains.
  const buyers = await Promise.all(Array.from({ length: 400 }, () => createUser(doc, TABLE, { role: 'buyer' })));
  let nextOrder = 0;
  const json = { 'content-type': 'application/json' };

  const targets: Target[] = [
    { label: 'GET /stations/by-code/{code}', method: 'GET', path: `/stations/by-code/${TUQIAO_VILLAGE}` },
    { label: 'GET /feeds?region= (feed page)', method: 'GET', path: `/feeds?region=${TUQIAO_VILLAGE}` },
    { label: 'GET /listings?region= (listing page)', method: 'GET', path: '/listings?region=630202' },
    { label: 'GET /stations?q= (search)', method: 'GET', path: `/stations?q=${encodeURIComponent('土桥')}` },
    { label: 'GET /stations?near= (nearest 10)', method: 'GET', path: '/stations?near=36.48,102.40&limit=10' },
    {
      label: 'POST /payments (cash, Idempotency-Key)',
      method: 'POST',
      path: '/payments',
      next: () => ({
        headers: { ...officer.auth, ...json, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ stationId, billType: 'phone', accountNo: plainAccountNo(), amountFen: 1_000, method: 'cash' }),
      }),
    },
    {
      label: 'POST /orders (Idempotency-Key)',
      method: 'POST',
      path: '/orders',
      next: () => {
        const i = nextOrder++;
        return {
          headers: { ...buyers[i % buyers.length].auth, ...json, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ items: [{ listingId: listings[i % listings.length].id, quantity: 1 }], delivery: { mode: 'pickup' } }),
        };
      },
    },
  ];
  // serverless-offline starts a worker per concurrent request on first use (seconds each on a busy machine):
  // 3 unmeasured seconds per route first, so the figures are of warm workers.
  for (const target of targets) await measure(url, target, 3);
  const figures: LoadFigure[] = [];
  for (const target of targets) figures.push(await measure(url, target));
  const failing = figures.filter((f) => f.errors > 0);
  if (failing.length) console.log(`\nroutes with errors: ${failing.map((f) => f.label).join('; ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
