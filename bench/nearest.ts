/**
 * Nearest-station benchmark (outside `npm test`): the geo index on its own in-memory DynamoDB Local,
 * with Qinghai's 4,129 stations and with all 620,574 village-level units of China (synthetic
 * coordinates clustered by county), against a full-scan baseline. Prints DynamoDB calls per query,
 * latencies, and the time ratio between the two sizes.
 *
 *   npx tsx bench/nearest.ts [--queries 20] [--scans 2] [--skip-china]
 */
import '../scripts/lib/env';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { resetConfigForTests } from '../functions/config';
import { resetDbForTests } from '../functions/data/client';
import { dynamoGeoIndex, geoEntryItem } from '../functions/data/stations-repository';
import { distanceMeters } from '../functions/domain/stations/geo';
import { findNearest } from '../functions/domain/stations/nearest';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { localClients } from '../scripts/lib/local-clients';
import { freePort } from '../scripts/lib/ports';
import { readCsv } from '../scripts/lib/qinghai-dataset';
import { ensureTable } from '../scripts/lib/table';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback);
const QUERIES = process.argv.includes('--queries') ? arg('queries', 20) : 20;
/** Full scans are slow on 620k items: a few suffice as a baseline (and as a correctness check). */
const SCANS = process.argv.includes('--scans') ? arg('scans', 2) : 2;
const unit = (label: string) => createHash('sha1').update(label).digest().readUInt32BE(0) / 2 ** 32;

type Point = { stationId: string; lat: number; lng: number };

/** Synthetic but plausible: each county gets a centre inside the bounds, its villages within ~30 km. */
function syntheticPoints(rows: Array<Record<string, string>>, bounds: { lat: [number, number]; lng: [number, number] }): Point[] {
  return rows.map((row) => {
    const county = row.areaCode;
    const lat = bounds.lat[0] + unit(`clat${county}`) * (bounds.lat[1] - bounds.lat[0]) + (unit(`vlat${row.code}`) - 0.5) * 0.5;
    const lng = bounds.lng[0] + unit(`clng${county}`) * (bounds.lng[1] - bounds.lng[0]) + (unit(`vlng${row.code}`) - 0.5) * 0.6;
    return { stationId: row.code, lat, lng };
  });
}

async function load(doc: ReturnType<typeof localClients>['doc'], table: string, points: Point[]) {
  const started = Date.now();
  const batches: Point[][] = [];
  for (let i = 0; i < points.length; i += 25) batches.push(points.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        let request: Record<string, any> | undefined = { [table]: batch.map((p) => ({ PutRequest: { Item: geoEntryItem(p.stationId, p) } })) };
        while (request && Object.keys(request).length) request = (await doc.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
        if (next % 2000 === 0) process.stdout.write(`\r  loaded ${Math.min(next * 25, points.length)} / ${points.length}`);
      }
    }),
  );
  process.stdout.write(`\r  loaded ${points.length} entries in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

/**
 * The baseline a table without the geo index would need: Scan everything, keep the 10 nearest.
 * DynamoDB Local slows down page after page on a large table, so beyond SCAN_PAGE_CAP pages the
 * time is extrapolated from the pages read (and said so); the answer is then not compared.
 */
const SCAN_PAGE_CAP = 15;
async function scanNearest(
  doc: ReturnType<typeof localClients>['doc'],
  table: string,
  point: { lat: number; lng: number },
  limit: number,
  total: number,
) {
  const all: Array<{ stationId: string; distanceMeters: number }> = [];
  let startKey: Record<string, unknown> | undefined;
  let calls = 0;
  let read = 0;
  const started = Date.now();
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ProjectionExpression: 'stationId, lat, lng', ExclusiveStartKey: startKey }));
    calls++;
    read += page.Items?.length ?? 0;
    for (const item of page.Items ?? []) {
      const d = distanceMeters(point, item as Point);
      if (d <= 200_000) all.push({ stationId: item.stationId, distanceMeters: d });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && calls < SCAN_PAGE_CAP);
  const complete = !startKey;
  const ms = complete ? Date.now() - started : ((Date.now() - started) / read) * total;
  return {
    result: all.sort((a, b) => a.distanceMeters - b.distanceMeters || (a.stationId < b.stationId ? -1 : 1)).slice(0, limit),
    calls: complete ? calls : Math.ceil((calls / read) * total),
    ms,
    complete,
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function run(
  label: string,
  points: Point[],
  endpoint: string,
  doc: ReturnType<typeof localClients>['doc'],
  client: ReturnType<typeof localClients>['client'],
) {
  const table = `bench-${label}`;
  await ensureTable(client, table);
  process.env.TABLE_NAME = table;
  resetConfigForTests();
  resetDbForTests();
  console.log(`\n${label}: ${points.length.toLocaleString()} stations`);
  await load(doc, table, points);
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const base = points[Math.floor(unit(`q${i}`) * points.length)];
    return { lat: base.lat + (unit(`qa${i}`) - 0.5) * 0.1, lng: base.lng + (unit(`qb${i}`) - 0.5) * 0.1 };
  });
  const times: number[] = [];
  const calls: number[] = [];
  for (const [i, q] of queries.entries()) {
    const before = dynamoGeoIndex.calls;
    const t = process.hrtime.bigint();
    await findNearest(dynamoGeoIndex, q, 10);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    calls.push(dynamoGeoIndex.calls - before);
    process.stdout.write(`\r  query ${i + 1}/${queries.length}: ${times.at(-1)!.toFixed(0)} ms, ${calls.at(-1)} calls   `);
  }
  process.stdout.write('\n');
  // Full-scan baseline on a few of the same queries, which also checks the answers agree.
  const scanTimes: number[] = [];
  let scanCalls = 0;
  let extrapolated = false;
  for (const q of queries.slice(0, SCANS)) {
    const scan = await scanNearest(doc, table, q, 10, points.length);
    scanTimes.push(scan.ms);
    scanCalls = scan.calls;
    extrapolated ||= !scan.complete;
    if (scan.complete) {
      const indexed = await findNearest(dynamoGeoIndex, q, 10);
      if (JSON.stringify(indexed.map((r) => r.stationId)) !== JSON.stringify(scan.result.map((r) => r.stationId)))
        throw new Error('index and scan disagree');
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const summary = {
    stations: points.length,
    meanMs: mean(times),
    p95Ms: percentile(times, 95),
    meanCalls: mean(calls),
    maxCalls: Math.max(...calls),
    scanMeanMs: mean(scanTimes),
    scanCalls,
  };
  console.log(
    `  index: mean ${summary.meanMs.toFixed(1)} ms, p95 ${summary.p95Ms.toFixed(1)} ms, DynamoDB calls/query mean ${summary.meanCalls.toFixed(1)} (max ${summary.maxCalls})`,
  );
  console.log(
    `  full scan: ${extrapolated ? '≈' : ''}${summary.scanMeanMs.toFixed(0)} ms, ${extrapolated ? '≈' : ''}${summary.scanCalls} Scan pages/query` +
      (extrapolated ? ` (extrapolated from the first ${SCAN_PAGE_CAP} pages)` : "; results equal the index's"),
  );
  return summary;
}

async function main() {
  console.log(
    `Nearest-station benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${QUERIES} queries, limit 10`,
  );
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '8g' });
  const { client, doc } = localClients(ddb.endpoint);
  process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
  process.env.STAGE = 'local';
  process.env.LOG_LEVEL = 'silent';
  try {
    const qinghaiRows = readCsv('villages.csv', (line) => line.startsWith('63')).filter((v) => /(村委会|村民委员会|牧委会|牧民委员会)$/.test(v.name));
    const qinghai = await run('qinghai', syntheticPoints(qinghaiRows, { lat: [32, 39], lng: [90, 102.5] }), ddb.endpoint, doc, client);
    if (!process.argv.includes('--skip-china')) {
      const chinaRows = readCsv('villages.csv');
      const china = await run('china', syntheticPoints(chinaRows, { lat: [21, 50], lng: [75, 130] }), ddb.endpoint, doc, client);
      console.log(
        `\n${china.stations.toLocaleString()} / ${qinghai.stations.toLocaleString()} = ${(china.stations / qinghai.stations).toFixed(0)}x the stations:` +
          ` index time ratio ${(china.meanMs / qinghai.meanMs).toFixed(2)}x, calls ${qinghai.meanCalls.toFixed(1)} -> ${china.meanCalls.toFixed(1)};` +
          ` full-scan time ratio ${(china.scanMeanMs / qinghai.scanMeanMs).toFixed(0)}x`,
      );
    }
  } finally {
    client.destroy();
    await ddb.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
