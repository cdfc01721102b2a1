/**
 * API benchmark against the running local stack (`npm start` first):
 *   1. DynamoDB calls per request of the station routes, counted in-process on the same data;
 *   2. latency (sequential) and throughput (concurrent clients) through serverless-offline.
 *
 *   npx tsx bench/api.ts [--seconds 10] [--concurrency 20]
 */
import '../scripts/lib/env';
import { cpus, totalmem } from 'node:os';
import { db } from '../functions/data/client';
import { handler as regions } from '../functions/handlers/regions';
import { handler as stations } from '../functions/handlers/stations';
import { invoke } from '../tests/harness/invoke';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const API = process.env.API_URL ?? 'http://127.0.0.1:3000';
const SECONDS = option('seconds', 10);
const CONCURRENCY = option('concurrency', 20);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const ROUTES: Array<{ label: string; path: string; query?: Record<string, string> }> = [
  { label: 'GET /stations/by-code/{code}', path: '/stations/by-code/630202002214' },
  { label: 'GET /stations?region= (page of 20)', path: '/stations', query: { region: '6302' } },
  { label: 'GET /regions/{code}/children', path: '/regions/6302/children' },
  { label: 'GET /stations?q= (search)', path: '/stations', query: { q: 'tq' } },
  { label: 'GET /stations?near= (nearest 10)', path: '/stations', query: { near: '36.48,102.40', limit: '10' } },
];

async function countCalls() {
  process.env.STAGE ??= 'local'; // the in-process handlers run as the local stage
  process.env.TABLE_NAME ??= 'yinong-local';
  process.env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  process.env.LOG_LEVEL = 'silent';
  let calls = 0;
  db().middlewareStack.add(
    (next) => async (args) => {
      calls++;
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  console.log('DynamoDB calls per request (warm container):');
  for (const route of ROUTES) {
    const handler = route.path.startsWith('/regions') ? regions : stations;
    await invoke(handler, { path: route.path, query: route.query }); // warm caches (search index)
    calls = 0;
    const res = await invoke(handler, { path: route.path, query: route.query });
    console.log(`  ${route.label.padEnd(40)} ${calls} (HTTP ${res.status})`);
  }
}

async function latency() {
  console.log(`\nSequential latency through the local HTTP stack (${API}), 200 requests each:`);
  for (const route of ROUTES) {
    const url = `${API}${route.path}${route.query ? `?${new URLSearchParams(route.query)}` : ''}`;
    for (let i = 0; i < 10; i++) await (await fetch(url)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
    console.log(`  ${route.label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
}

async function throughput() {
  const url = `${API}/stations/by-code/630202002214`;
  console.log(`\nThroughput: ${CONCURRENCY} concurrent clients for ${SECONDS} s on GET /stations/by-code/{code}:`);
  const deadline = Date.now() + SECONDS * 1000;
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const t = performance.now();
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - t);
      }
    }),
  );
  console.log(
    `  ${(times.length / SECONDS).toFixed(0)} requests/s, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, errors ${errors}`,
  );
}

async function main() {
  console.log(
    `API benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  try {
    await fetch(`${API}/health`);
  } catch {
    console.error(`No API on ${API}: run \`npm start\` first (or set API_URL).`);
    process.exit(1);
  }
  await countCalls();
  await latency();
  await throughput();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
