/**
 * Market-price benchmark (outside `npm test`): on its own in-memory DynamoDB Local with the seeded
 * catalogue (9 products, 7 markets), 100,000 reports over the last year: 30,000 in one busy series
 * (牦牛 per head at 结古, ~80 a day) and the rest spread over the other 62 series. Loaded as the
 * repository stores them (each report and its day's sum and count); then 200 more go through the real
 * report path (idempotency claim + transaction + completion), timed.
 * Prints, for series reads of a year: Queries per read, p50/p95 latency, the JSON and gzipped size;
 * the same for the per-product overview (Queries = 1 + markets).
 *
 *   npx tsx bench/prices.ts [--reads 300] [--reports 100000]
 */
import '../scripts/lib/env';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { resetConfigForTests } from '../functions/config';
import { db, resetDbForTests } from '../functions/data/client';
import { createIdempotencyStore } from '../functions/data/idempotency-store';
import { dayItem, dynamoPriceCatalogueRepository, dynamoPriceReportRepository, reportItem } from '../functions/data/prices-repository';
import { addDays, type DayPoint, type PriceReportRecord } from '../functions/domain/prices/price';
import { priceOverview, priceSeries } from '../functions/domain/prices/price-read';
import { reportPrice } from '../functions/domain/prices/report-price';
import { businessDay } from '../functions/domain/stations/opening-hours';
import type { Station } from '../functions/domain/stations/station';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { localClients } from '../scripts/lib/local-clients';
import { SEED_MARKETS, SEED_PRODUCTS, seedPriceCatalogue } from '../scripts/lib/price-catalogue';
import { freePort } from '../scripts/lib/ports';
import { ensureTable } from '../scripts/lib/table';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const READS = Number(arg('reads') ?? 300);
const REPORTS = Number(arg('reports') ?? 100_000);
const HOT_SHARE = 0.3;
const unit = (label: string) => createHash('sha1').update(label).digest().readUInt32BE(0) / 2 ** 32;
const TODAY = businessDay(new Date());

type Doc = ReturnType<typeof localClients>['doc'];

async function writeAll(doc: Doc, table: string, items: Record<string, unknown>[]) {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        let request: Record<string, any> | undefined = { [table]: batch.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length) request = (await doc.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
      }
    }),
  );
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmt = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;

/** A plausible price: a base per product, a seasonal swing and noise (yak ~12,000 yuan a head, barley ~2.6 yuan a jin). */
const BASE_FEN: Record<string, number> = {
  'yak-head': 1_200_000,
  'yak-jin': 3_500,
  'sheep-head': 150_000,
  'sheep-jin': 3_800,
  barley: 260,
  rapeseed: 350,
  wolfberry: 4_500,
  juema: 3_000,
  potato: 120,
};
const priceAt = (productId: string, day: number, i: number) =>
  Math.round(BASE_FEN[productId] * (1 + 0.1 * Math.sin((day / 365) * 2 * Math.PI) + 0.06 * (unit(`n${productId}${day}${i}`) - 0.5)));

async function main() {
  console.log(
    `Price benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '2g' });
  try {
    process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
    process.env.STAGE = 'local';
    process.env.LOG_LEVEL = 'silent';
    const { doc, client } = localClients(ddb.endpoint);
    const table = 'bench-prices';
    await ensureTable(client, table);
    process.env.TABLE_NAME = table;
    resetConfigForTests();
    resetDbForTests();
    await seedPriceCatalogue(doc, table);

    // The reports, and per series and day their sum and count, as the repository's transactions leave them.
    const series = SEED_PRODUCTS.flatMap((p) => SEED_MARKETS.map((m) => ({ product: p, market: m })));
    const hot = series.find((s) => s.product.id === 'yak-head' && s.market.id === 'jiegu')!;
    const others = series.filter((s) => s !== hot);
    const days = new Map<string, DayPoint & { productId: string; marketId: string }>();
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const s = i < REPORTS * HOT_SHARE ? hot : others[i % others.length];
      const ago = Math.floor(unit(`d${i}`) * 365);
      const date = addDays(TODAY, -ago);
      const report: PriceReportRecord = {
        id: `prbench${String(i).padStart(18, '0')}`,
        productId: s.product.id,
        marketId: s.market.id,
        regionCode: s.market.regionCode,
        date,
        unit: s.product.unit,
        priceFen: priceAt(s.product.id, 365 - ago, i),
        officerId: 'u-bench',
        stationId: 'st-bench',
        status: 'VALID',
        marks: [],
        createdAt: `${date}T03:00:00.000Z`,
      };
      items.push(reportItem(report));
      const key = `${s.product.id}#${s.market.id}#${date}`;
      const day = days.get(key) ?? { productId: s.product.id, marketId: s.market.id, date, sumFen: 0, count: 0 };
      day.sumFen += report.priceFen;
      day.count += 1;
      days.set(key, day);
    }
    items.push(...[...days.values()].map(({ productId, marketId, ...day }) => dayItem(productId, marketId, day)));
    let started = Date.now();
    await writeAll(doc, table, items);
    console.log(
      `\n${REPORTS.toLocaleString()} reports in ${series.length} series (${Math.round(REPORTS * HOT_SHARE).toLocaleString()} in 牦牛/结古), ` +
        `${days.size.toLocaleString()} day items; loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );

    let queries = 0;
    db().middlewareStack.add((next, context) => (args) => ((queries += context.commandName === 'QueryCommand' ? 1 : 0), next(args)), {
      step: 'initialize',
      name: 'countQueries',
    });
    const deps = { catalogue: dynamoPriceCatalogueRepository, reports: dynamoPriceReportRepository };

    // 200 more through the real path: claim, transaction, complete.
    const station = { id: 'st-bench', villageCode: '632701001201' } as Station;
    const writeDeps = { ...deps, stations: { getById: async () => station }, idempotency: createIdempotencyStore() };
    const caller = { userId: 'u-bench-officer', role: 'officer' as const, stationId: station.id };
    const writes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      await reportPrice(writeDeps, caller, `bench-${i}`, {
        productId: 'yak-head',
        marketId: 'jiegu',
        date: addDays(TODAY, -(i % 30)),
        priceFen: 1_200_000,
      });
      writes.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`  report (real path, 200): ${fmt(writes)}`);

    const reads = async (label: string, pick: (i: number) => (typeof series)[number]) => {
      const latencies: number[] = [];
      const perRead: number[] = [];
      let raw = 0;
      let gzipped = 0;
      let points = 0;
      for (let i = 0; i < READS; i++) {
        const s = pick(i);
        queries = 0;
        const t = process.hrtime.bigint();
        const answer = await priceSeries(deps, s.product.id, s.market.id, {});
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        perRead.push(queries);
        const json = JSON.stringify(answer);
        raw = Math.max(raw, Buffer.byteLength(json));
        gzipped = Math.max(gzipped, gzipSync(json).length);
        points = Math.max(points, answer.days.length);
      }
      console.log(
        `  ${label}: ${fmt(latencies)}; Queries per read min ${Math.min(...perRead)} max ${Math.max(...perRead)}; ` +
          `a year's series: ${points} points, ${(raw / 1024).toFixed(1)} KiB JSON, ${(gzipped / 1024).toFixed(1)} KiB gzipped (largest)`,
      );
    };
    started = Date.now();
    await reads(`series, busy (牦牛/结古, ${Math.round(REPORTS * HOT_SHARE + 200).toLocaleString()} reports)`, () => hot);
    await reads(`series, any of the other ${others.length}`, (i) => others[Math.floor(unit(`s${i}`) * others.length)]);

    const overview: number[] = [];
    const overviewQueries: number[] = [];
    let overviewGzip = 0;
    for (let i = 0; i < READS; i++) {
      queries = 0;
      const t = process.hrtime.bigint();
      const answer = await priceOverview(deps, { product: SEED_PRODUCTS[i % SEED_PRODUCTS.length].id, region: '63' });
      overview.push(Number(process.hrtime.bigint() - t) / 1e6);
      overviewQueries.push(queries);
      overviewGzip = Math.max(overviewGzip, gzipSync(JSON.stringify(answer)).length);
    }
    console.log(
      `  overview (province, ${SEED_MARKETS.length} markets): ${fmt(overview)}; Queries per read max ${Math.max(...overviewQueries)} ` +
        `(1 catalogue + ${SEED_MARKETS.length} markets); ${(overviewGzip / 1024).toFixed(1)} KiB gzipped`,
    );
  } finally {
    await ddb.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
