/**
 * Payment benchmark against the running local stack (`npm start` first): 20 officers, each at their
 * own station, pay bills as fast as the stack answers for a number of seconds, through the HTTP API
 * (serverless-offline, the real handlers, DynamoDB Local on disk). Then 5 officers of ONE station at
 * once, where every payment updates the same day totals. Prints payments/s, latency percentiles,
 * statuses, and the DynamoDB calls one payment makes (counted in-process).
 *
 *   npx tsx bench/payments.ts [--seconds 15] [--officers 20]
 *
 * It writes real payments into the local table (at stations of 玉树市, not the demo station 土桥村).
 */
import '../scripts/lib/env';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { issueToken } from '../functions/auth/tokens';
import { config } from '../functions/config';
import { db, tableName } from '../functions/data/client';
import { INDEX, stationKeys } from '../functions/data/keys';
import { handler as payments } from '../functions/handlers/payments';
import { localClients } from '../scripts/lib/local-clients';
import { invoke } from '../tests/harness/invoke';
import { createUser } from '../tests/harness/users';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const API = process.env.API_URL ?? 'http://127.0.0.1:3000';
const SECONDS = option('seconds', 15);
const OFFICERS = option('officers', 20);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

process.env.STAGE ??= 'local'; // the in-process handlers run as the local stage
process.env.TABLE_NAME ??= 'yinong-local';
process.env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
process.env.LOG_LEVEL = 'silent';

/** Stations of 玉树市 (632701), in division-code order: one Query. */
async function stationsOf(regionCode: string, count: number) {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.GSI1,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :region)',
      ExpressionAttributeValues: { ':pk': stationKeys.byRegionPartition(regionCode).GSI1PK, ':region': regionCode },
      Limit: count,
    }),
  );
  return Items.map((item) => ({ id: String(item.id), villageCode: String(item.villageCode) }));
}

async function officersAt(stations: Array<{ id: string; villageCode: string }>) {
  const { doc } = localClients(process.env.DYNAMODB_ENDPOINT!);
  process.env.TOKEN_SECRET ??= config().tokenSecret; // the test helper signs with the environment's secret
  return Promise.all(
    stations.map(async (station) => {
      const { user } = await createUser(doc, tableName(), {
        role: 'officer',
        stationId: station.id,
        stationVillageCode: station.villageCode,
        name: '压测',
      });
      // Signed with the stack's own secret (the local default unless TOKEN_SECRET is set for both).
      return { station, auth: { authorization: `Bearer ${issueToken(user.id, config().tokenSecret, 3600).token}` } };
    }),
  );
}

const paymentBody = (stationId: string) => ({
  stationId,
  billType: 'phone',
  // Ends in 5: never one of the sandbox's scripted endings (0000, 9001-9004).
  accountNo: `139${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}5`,
  amountFen: 1_000,
  method: 'cash',
});

async function countCalls(officer: { station: { id: string }; auth: Record<string, string> }) {
  let calls = 0;
  db().middlewareStack.add(
    (next) => async (args) => {
      calls++;
      return next(args);
    },
    { step: 'initialize', name: 'countPaymentCalls' },
  );
  await invoke(payments, {
    method: 'POST',
    path: '/payments',
    headers: { ...officer.auth, 'idempotency-key': randomUUID() },
    body: paymentBody(officer.station.id),
  });
  calls = 0;
  const res = await invoke(payments, {
    method: 'POST',
    path: '/payments',
    headers: { ...officer.auth, 'idempotency-key': randomUUID() },
    body: paymentBody(officer.station.id),
  });
  console.log(`DynamoDB calls for one successful payment (warm, in-process): ${calls} (HTTP ${res.status}, ${res.json.status})`);
  console.log('  user (token), idempotency claim, station, start transaction, sandbox charge put + read,');
  console.log('  settle transaction, idempotency complete\n');
}

type Officer = { station: { id: string }; auth: Record<string, string> };

/** One payment through HTTP (serverless-offline), or through the handler in this process (DynamoDB Local only). */
type Send = (officer: Officer) => Promise<string>;

const overHttp: Send = async (officer) => {
  const res = await fetch(`${API}/payments`, {
    method: 'POST',
    headers: { ...officer.auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(paymentBody(officer.station.id)),
  });
  const json = (await res.json()) as { status?: string; error?: { code: string } };
  return res.status === 201 ? `201 ${json.status}` : `${res.status} ${json.error?.code}`;
};

const inProcess: Send = async (officer) => {
  const res = await invoke(payments, {
    method: 'POST',
    path: '/payments',
    headers: { ...officer.auth, 'idempotency-key': randomUUID() },
    body: paymentBody(officer.station.id),
  });
  return res.status === 201 ? `201 ${res.json.status}` : `${res.status} ${res.json.error?.code}`;
};

async function load(label: string, officers: Officer[], send: Send = overHttp) {
  const deadline = Date.now() + SECONDS * 1000;
  const times: number[] = [];
  const statuses = new Map<string, number>();
  await Promise.all(
    officers.map(async (officer) => {
      while (Date.now() < deadline) {
        const t = performance.now();
        let outcome: string;
        try {
          outcome = await send(officer);
        } catch (error) {
          outcome = `network ${(error as Error).message}`;
        }
        times.push(performance.now() - t);
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      }
    }),
  );
  console.log(`${label}:`);
  console.log(
    `  ${(times.length / SECONDS).toFixed(1)} payments/s, p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (${times.length} requests)`,
  );
  console.log(`  answers: ${[...statuses].map(([k, v]) => `${k} ×${v}`).join(', ')}\n`);
}

async function main() {
  console.log(
    `Payment benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`API ${API}, ${SECONDS} s per run\n`);
  try {
    await fetch(`${API}/health`);
  } catch {
    console.error(`No API on ${API}: run \`npm start\` first (or set API_URL).`);
    process.exit(1);
  }
  const stations = await stationsOf('632701', OFFICERS);
  if (stations.length < OFFICERS) throw new Error(`Only ${stations.length} stations in 632701: seed the table first (npm start)`);
  const officers = await officersAt(stations);
  await countCalls(officers[0]);
  // Warm serverless-offline's workers (one per concurrent request) before measuring.
  await Promise.all(officers.map((o) => fetch(`${API}/bill-types`, { headers: o.auth })));
  await load(`${OFFICERS} officers at ${OFFICERS} stations, one payment at a time each`, officers);
  const oneStation = (await officersAt(Array.from({ length: 5 }, () => stations[0]))).map((o) => ({ ...o, station: stations[0] }));
  await load('5 officers of one station at once (all update that day’s totals)', oneStation);
  await load(`The same ${OFFICERS} officers, handler called in this process (no serverless-offline: DynamoDB Local alone)`, officers, inProcess);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
