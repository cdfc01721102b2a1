/**
 * Feed benchmark (outside `npm test`): on its own in-memory DynamoDB Local with Qinghai's regions,
 * 1,000 and then 100,000 published items spread over the province (every level, some for area
 * types, some urgent, some expired). For random villages it reads a feed page (limit 20) and the
 * next one, and prints the Queries per page, p50/p95 latency and the gzipped size of a 20-item page.
 *
 *   npx tsx bench/feeds.ts [--pages 200] [--sizes 1000,100000]
 */
import '../scripts/lib/env';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AREA_TYPES, FEED_CATEGORIES, type FeedLang } from '../shared';
import { resetConfigForTests } from '../functions/config';
import { db, resetDbForTests } from '../functions/data/client';
import { decodeCursor, encodeCursor } from '../functions/data/cursor';
import { dynamoFeedRepository, publishedFeedItems } from '../functions/data/feeds-repository';
import { regionToItem, dynamoRegionRepository } from '../functions/data/regions-repository';
import type { FeedRecord } from '../functions/domain/feeds/feed';
import { listFeeds } from '../functions/domain/feeds/feed-read';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { localClients } from '../scripts/lib/local-clients';
import { freePort } from '../scripts/lib/ports';
import { buildQinghaiDataset } from '../scripts/lib/qinghai-dataset';
import { ensureTable } from '../scripts/lib/table';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const PAGES = Number(arg('pages') ?? 200);
const SIZES = (arg('sizes') ?? '1000,100000').split(',').map(Number);
const unit = (label: string) => createHash('sha1').update(label).digest().readUInt32BE(0) / 2 ** 32;
const pick = <T>(items: readonly T[], label: string) => items[Math.floor(unit(label) * items.length)];
const NOW = Date.parse('2026-11-30T00:00:00Z');

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

/** A plausible item: Chinese title and a body of a few sentences, a third with a Tibetan version. */
function syntheticFeed(i: number, offset: number, targets: Record<string, string[]>): FeedRecord {
  const level = unit(`lvl${offset + i}`);
  const pool =
    level < 0.03
      ? targets.province
      : level < 0.1
        ? targets.prefecture
        : level < 0.35
          ? targets.county
          : level < 0.6
            ? targets.township
            : targets.village;
  const publishedAt = new Date(NOW - Math.floor(unit(`t${offset + i}`) * 365 * 86_400_000)).toISOString();
  const expired = unit(`x${offset + i}`) < 0.1;
  const urgent = i < 20;
  const body =
    '各位农牧民朋友：据气象部门预报，未来三天我州大部地区将出现降雪降温天气，请做好牲畜防寒保暖、棚圈加固和草料储备工作，注意出行安全。'.repeat(3);
  return {
    id: `fd${String(offset + i).padStart(22, '0')}`,
    status: 'PUBLISHED',
    authorId: 'u-bench',
    lang: 'zh',
    title: `第${i}号 农牧业信息：冬季牲畜防寒与草料储备`,
    body,
    translations: unit(`bo${i}`) < 0.3 ? { bo: { title: 'གནམ་གཤིས་ཉེན་བརྡ།', body: 'ཕྱུགས་ཟོག་ལ་གྲང་སྲུང་བྱེད་རོགས།' } } : {},
    category: pick(FEED_CATEGORIES, `c${offset + i}`),
    regionCode: pick(pool, `r${offset + i}`),
    areaTypes: unit(`a${offset + i}`) < 0.3 ? [pick(AREA_TYPES, `at${offset + i}`)] : null,
    urgent,
    requiresAck: urgent,
    validUntil: expired ? new Date(NOW - 86_400_000).toISOString() : urgent ? new Date(NOW + 3 * 86_400_000).toISOString() : null,
    publishedAt: urgent ? new Date(NOW - i * 60_000).toISOString() : publishedAt,
    pinnedUntil: urgent ? new Date(NOW + 3 * 86_400_000).toISOString() : null,
    ackCount: 0,
    history: [],
    createdAt: publishedAt,
    updatedAt: publishedAt,
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function main() {
  console.log(
    `Feed benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${PAGES} villages, limit 20`,
  );
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '2g' });
  try {
    process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
    process.env.STAGE = 'local';
    process.env.LOG_LEVEL = 'silent';
    process.env.CURSOR_SECRET ??= 'bench-cursor-secret';
    const { doc, client } = localClients(ddb.endpoint);
    const table = 'bench-feeds';
    await ensureTable(client, table);
    process.env.TABLE_NAME = table;
    resetConfigForTests();
    resetDbForTests();
    const { regions, stations } = buildQinghaiDataset();
    await writeAll(doc, table, regions.map(regionToItem));
    const targets: Record<string, string[]> = { province: [], prefecture: [], county: [], township: [], village: [] };
    for (const r of regions) targets[r.level].push(r.code);
    let queries = 0;
    db().middlewareStack.add((next, context) => (args) => ((queries += context.commandName === 'QueryCommand' ? 1 : 0), next(args)), {
      step: 'initialize',
      name: 'countQueries',
    });
    const cursor = {
      encode: (b: string, s: string) => encodeCursor({ b }, s)!,
      decode: (c: string | undefined, s: string) => decodeCursor(c, s)?.b as string | undefined,
    };
    const deps = { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, cursor, now: () => new Date(NOW) };
    let loaded = 0;
    for (const size of SIZES) {
      const started = Date.now();
      const feeds = Array.from({ length: size - loaded }, (_, i) => syntheticFeed(loaded + i, 0, targets));
      await writeAll(doc, table, feeds.flatMap(publishedFeedItems));
      loaded = size;
      console.log(`\n${size.toLocaleString()} published items (loaded in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      const first: number[] = [];
      const second: number[] = [];
      const queriesFirst: number[] = [];
      const queriesSecond: number[] = [];
      const counts: number[] = [];
      let gzipped = 0;
      let raw = 0;
      for (let p = 0; p < PAGES; p++) {
        const village = pick(stations, `v${size}-${p}`).villageCode;
        const lang: FeedLang = unit(`l${p}`) < 0.3 ? 'bo' : 'zh';
        queries = 0;
        let t = process.hrtime.bigint();
        const page = await listFeeds(deps, { region: village, lang, limit: 20 });
        first.push(Number(process.hrtime.bigint() - t) / 1e6);
        queriesFirst.push(queries);
        counts.push(page.items.length);
        if (page.items.length === 20) {
          const json = JSON.stringify(page);
          raw = Math.max(raw, Buffer.byteLength(json));
          gzipped = Math.max(gzipped, gzipSync(json).length);
        }
        if (page.nextCursor) {
          queries = 0;
          t = process.hrtime.bigint();
          await listFeeds(deps, { region: village, lang, limit: 20, cursor: page.nextCursor });
          second.push(Number(process.hrtime.bigint() - t) / 1e6);
          queriesSecond.push(queries);
        }
      }
      const fmt = (values: number[]) =>
        values.length ? `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms` : 'n/a';
      console.log(
        `  first page : ${fmt(first)}; Queries per page max ${Math.max(...queriesFirst)} (levels 5 + pins 1); items per page p50 ${percentile(counts, 50)}`,
      );
      console.log(
        `  next page  : ${fmt(second)}; Queries per page max ${second.length ? Math.max(...queriesSecond) : 'n/a'} (${second.length} villages had one)`,
      );
      console.log(
        `  20-item page: ${raw ? `${(raw / 1024).toFixed(1)} KiB JSON, ${(gzipped / 1024).toFixed(1)} KiB gzipped (largest seen)` : 'no full page'}`,
      );
    }
  } finally {
    await ddb.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
