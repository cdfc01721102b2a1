/**
 * Alert fan-out benchmark (outside `npm test`): on its own in-memory DynamoDB Local with Qinghai's
 * regions, N subscribers (one allowance each) spread over the province's villages. Alerts at a
 * county, a prefecture and the province (pastoral only) are sent through the notifier with the local
 * recording adapter; it prints subscribers reached, requests per kind and time per alert.
 *
 *   npx tsx bench/notify.ts [--subscribers 5000]
 */
import '../scripts/lib/env';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { resetConfigForTests } from '../functions/config';
import { LOCAL_ALERT_TEMPLATE_ID } from '../functions/config/notify';
import { db, resetDbForTests } from '../functions/data/client';
import { publishedFeedItems } from '../functions/data/feeds-repository';
import { regionToItem } from '../functions/data/regions-repository';
import { subscriptionItem } from '../functions/data/subscriptions-repository';
import type { FeedRecord } from '../functions/domain/feeds/feed';
import { notifyAlert } from '../functions/domain/notify/alert-notifier';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { localClients } from '../scripts/lib/local-clients';
import { freePort } from '../scripts/lib/ports';
import { buildQinghaiDataset } from '../scripts/lib/qinghai-dataset';
import { ensureTable } from '../scripts/lib/table';
import type { AreaType } from '../shared';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const SUBSCRIBERS = Number(arg('subscribers') ?? 5000);
const unit = (label: string) => createHash('sha1').update(label).digest().readUInt32BE(0) / 2 ** 32;

type Doc = ReturnType<typeof localClients>['doc'];

async function writeAll(doc: Doc, table: string, items: Record<string, unknown>[]) {
  let next = 0;
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
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

function alert(id: string, regionCode: string, areaTypes: AreaType[] | null): FeedRecord {
  const at = new Date().toISOString();
  return {
    id,
    status: 'PUBLISHED',
    authorId: 'u-bench',
    lang: 'zh',
    title: '暴雪橙色预警：请加固棚圈、储备草料',
    body: '未来三天有暴雪。',
    translations: {},
    category: 'weather_alert',
    regionCode,
    areaTypes,
    urgent: true,
    requiresAck: true,
    validUntil: null,
    publishedAt: at,
    pinnedUntil: null,
    ackCount: 0,
    history: [],
    createdAt: at,
    updatedAt: at,
  };
}

async function main() {
  console.log(
    `Alert fan-out benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '1g' });
  try {
    process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
    process.env.STAGE = 'local';
    process.env.LOG_LEVEL = 'silent';
    const { doc, client } = localClients(ddb.endpoint);
    const table = 'bench-notify';
    await ensureTable(client, table);
    process.env.TABLE_NAME = table;
    resetConfigForTests();
    resetDbForTests();
    const { regions, stations } = buildQinghaiDataset();
    await writeAll(doc, table, regions.map(regionToItem));
    const at = new Date().toISOString();
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const village = stations[Math.floor(unit(`s${i}`) * stations.length)].villageCode;
      return subscriptionItem({ userId: `u${i}`, openid: `o-${i}`, templateId: LOCAL_ALERT_TEMPLATE_ID, villageCode: village, remaining: 1, at });
    });
    await writeAll(doc, table, subscribers);
    console.log(`${SUBSCRIBERS.toLocaleString()} subscribers over ${stations.length.toLocaleString()} villages`);

    const counts = new Map<string, number>();
    const count = (name = 'unknown') => counts.set(name, (counts.get(name) ?? 0) + 1);
    db().middlewareStack.add((next, context) => (args) => (count(context.commandName), next(args)), {
      step: 'initialize',
      name: 'countCommands',
    });
    const { notifierDeps } = await import('../functions/jobs/notifier');
    const alerts: Array<[string, FeedRecord]> = [
      ['county 630202 (乐都区), all area types', alert('fd-county', '630202', null)],
      ['prefecture 6301 (西宁市), farming', alert('fd-prefecture', '6301', ['farming'])],
      ['province 63, pastoral', alert('fd-province', '63', ['pastoral'])],
    ];
    for (const [label, feed] of alerts) {
      await writeAll(doc, table, publishedFeedItems(feed));
      counts.clear();
      const started = process.hrtime.bigint();
      const report = await notifyAlert(notifierDeps(), feed.id);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const requests = [...counts].map(([name, n]) => `${name.replace('Command', '')} ${n}`).join(', ');
      console.log(
        `  ${label}: sent ${report.sent}, skipped ${report.skipped} in ${(ms / 1000).toFixed(1)} s (${report.sent ? (ms / report.sent).toFixed(1) : '–'} ms a message); ${requests}`,
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
