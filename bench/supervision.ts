/**
 * Service ledger and supervision benchmark (outside `npm test`), on its own in-memory DynamoDB Local
 * with Qinghai's regions and 4,129 stations:
 *   1. 5,000 mixed events through the real event transactions (consultations, acknowledgements, informed
 *      marks, trainings via recordService, ratings), 20 in flight, a fifth of them sent twice at once
 *      (a retry); two roll-ups racing, then a recount from the raw entries (Scan, benchmark only):
 *      every station day and region day must be equal.
 *      The coverage items (stations per last active day, per region) and the 10-minute windows are
 *      recounted from the entries too.
 *   2. The province dashboard (GET /regions/63/supervision, a 30-day period), a county's and a township's,
 *      with 100 and with 100,000 events in the table: DynamoDB calls and items read per request, p50 and
 *      p95. The 100,000 are bulk-loaded as entries plus the aggregates the roll-up leaves for them (day
 *      items, activity, coverage), since pushing them one by one through transactions would take an hour.
 * `npx tsx bench/supervision.ts [--events 5000] [--reads 50]`
 */
import '../scripts/lib/env';
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { BatchWriteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { resetConfigForTests } from '../functions/config';
import { db, resetDbForTests } from '../functions/data/client';
import { dynamoFeedAckRepository } from '../functions/data/feeds-repository';
import { feedKeys, statsKeys } from '../functions/data/keys';
import { regionToItem, dynamoRegionRepository } from '../functions/data/regions-repository';
import { rollupTargets, runServiceRollup } from '../functions/data/service-rollup';
import { coverageAttribute } from '../functions/data/service-signals';
import { countersFromItem, serviceEntryItem } from '../functions/data/service-ledger-items';
import { dynamoServiceLedger } from '../functions/data/services-repository';
import { dynamoStationRepository, stationToItem } from '../functions/data/stations-repository';
import { dynamoSupervisionRepository } from '../functions/data/supervision-repository';
import {
  addCounters,
  burstBucketOf,
  countersOf,
  emptyCounters,
  serviceIds,
  type ServiceCounters,
  type ServiceEntry,
} from '../functions/domain/services/service';
import { serviceEvents } from '../functions/domain/services/service-events';
import { recordService } from '../functions/domain/services/service-desk';
import { regionSupervision } from '../functions/domain/services/supervision';
import { businessDay } from '../functions/domain/stations/opening-hours';
import { startDynamoDbLocal } from '../scripts/lib/dynamodb-local';
import { localClients } from '../scripts/lib/local-clients';
import { freePort } from '../scripts/lib/ports';
import { buildQinghaiDataset } from '../scripts/lib/qinghai-dataset';
import { ensureTable } from '../scripts/lib/table';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const EVENTS = Number(arg('events') ?? 5000);
const READS = Number(arg('reads') ?? 50);
const unit = (label: string) => createHash('sha1').update(label).digest().readUInt32BE(0) / 2 ** 32;
const pick = <T>(items: readonly T[], label: string) => items[Math.floor(unit(label) * items.length)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

type Doc = ReturnType<typeof localClients>['doc'];

async function writeAll(doc: Doc, table: string, items: Record<string, unknown>[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next * 25 < items.length) {
        const batch = items.slice(next * 25, ++next * 25);
        let request: Record<string, any> | undefined = { [table]: batch.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length) request = (await doc.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
      }
    }),
  );
}

async function scanAll(doc: Doc, table: string, entity: string) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: table, FilterExpression: 'entity = :e', ExpressionAttributeValues: { ':e': entity }, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The coverage items the roll-up keeps, computed from each station's last day with a service (region -> d_<day> -> stations). */
function coverageOf(lastDates: Map<string, { villageCode: string; lastDate: string }>) {
  const regions = new Map<string, Record<string, number>>();
  for (const { villageCode, lastDate } of lastDates.values())
    for (const code of [2, 4, 6, 9].map((n) => villageCode.slice(0, n))) {
      const days = regions.get(code) ?? {};
      days[coverageAttribute(lastDate)] = (days[coverageAttribute(lastDate)] ?? 0) + 1;
      regions.set(code, days);
    }
  return regions;
}

async function main() {
  console.log(
    `Supervision benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const ddb = await startDynamoDbLocal({ port: await freePort(), heap: '2g' });
  try {
    process.env.DYNAMODB_ENDPOINT = ddb.endpoint;
    process.env.STAGE = 'local';
    process.env.LOG_LEVEL = 'silent';
    const { doc, client } = localClients(ddb.endpoint);
    const { regions, stations } = buildQinghaiDataset();
    let calls = 0;
    let itemsRead = 0;
    const counting = { step: 'initialize' as const, name: 'countReads' };
    const setTable = async (table: string) => {
      await ensureTable(client, table);
      process.env.TABLE_NAME = table;
      resetConfigForTests();
      resetDbForTests();
      db().middlewareStack.add(
        (next) => async (args) => {
          calls++;
          const out = await next(args);
          const output = out.output as { Items?: unknown[]; Item?: unknown };
          itemsRead += output.Items?.length ?? (output.Item ? 1 : 0);
          return out;
        },
        counting,
      );
      await writeAll(doc, table, [...regions.map(regionToItem), ...stations.map(stationToItem)]);
    };

    // 1. Mixed events through their transactions, retried; the roll-up; the recount.
    await setTable('bench-svc-events');
    const feedId = 'fdbench000001';
    await doc.send(new PutCommand({ TableName: 'bench-svc-events', Item: { ...feedKeys.item(feedId), entity: 'Feed', id: feedId, ackCount: 0 } }));
    const active = stations.filter((_, i) => i % 7 === 0);
    const done: ServiceEntry[] = [];
    const started = Date.now();
    const one = async (i: number) => {
      const station = pick(active, `s${i}`);
      const at = new Date().toISOString();
      const kind = unit(`k${i}`);
      const household = `hh${String(Math.floor(unit(`h${i}`) * 2000)).padStart(24, '0')}`;
      const send = async (): Promise<unknown> => {
        if (kind < 0.45)
          return recordService({ ledger: dynamoServiceLedger }, serviceEvents.consultation(`b${i}`, station.id, 'uofficer', 'phone', null, at));
        if (kind < 0.65) return dynamoFeedAckRepository.ack({ id: feedId } as never, household, station.id, at).catch(() => false);
        if (kind < 0.75)
          return dynamoFeedAckRepository.markInformed(feedId, household, station.id, { how: 'phone', byUserId: 'uofficer', at }).catch(() => false);
        if (kind < 0.9)
          return recordService(
            { ledger: dynamoServiceLedger },
            serviceEvents.trainingAttended(`ts${i % 40}`, { id: household, userId: null, householdId: household }, station.id, null, at),
          );
        const rated = done.length ? pick(done, `r${i}`) : null;
        if (!rated) return null;
        const rating: ServiceEntry = {
          ...rated,
          id: serviceIds.rating(rated.id),
          kind: 'rating',
          count: 0,
          fen: 0,
          rating: 1 + Math.floor(unit(`v${i}`) * 5),
          serviceId: rated.id,
          at,
          date: businessDay(new Date(at)),
        };
        return dynamoServiceLedger.rate(rating).catch(() => false);
      };
      await Promise.all(unit(`retry${i}`) < 0.2 ? [send(), send()] : [send()]);
      if (kind < 0.45) done.push(serviceEvents.consultation(`b${i}`, station.id, 'uofficer', 'phone', null, at));
    };
    let nextEvent = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (nextEvent < EVENTS) await one(nextEvent++);
      }),
    );
    const wrote = Date.now() - started;
    const rollStart = Date.now();
    const [a, b] = await Promise.all([runServiceRollup(), runServiceRollup()]);
    const c = await runServiceRollup();
    const rolled = Date.now() - rollStart;
    const entries = (await scanAll(doc, 'bench-svc-events', 'ServiceEntry')) as unknown as ServiceEntry[];
    const village = new Map(stations.map((s) => [s.id, s.villageCode]));
    const expected = new Map<string, ServiceCounters>();
    const add = (key: string, counters: ServiceCounters) => expected.set(key, addCounters(expected.get(key) ?? emptyCounters(), counters));
    for (const e of entries) {
      add(`STATS#S#${e.stationId}|DAY#${e.date}`, countersOf(e));
      for (const t of rollupTargets(village.get(e.stationId)!, e.stationId, e.date)) add(`${t.key.PK}|${t.key.SK}`, countersOf(e));
    }
    const stored = new Map((await scanAll(doc, 'bench-svc-events', 'ServiceDay')).map((item) => [`${item.PK}|${item.SK}`, countersFromItem(item)]));
    const mismatches = [...new Set([...expected.keys(), ...stored.keys()])].filter(
      (key) => JSON.stringify(expected.get(key) ?? emptyCounters()) !== JSON.stringify(stored.get(key) ?? emptyCounters()),
    );
    console.log(
      `\n1. ${EVENTS.toLocaleString()} events (a fifth sent twice at once), 20 in flight: ${(wrote / 1000).toFixed(1)} s, ${((EVENTS * 1000) / wrote).toFixed(0)} events/s; ` +
        `${entries.length.toLocaleString()} entries stored (${entries.filter((e) => e.kind === 'rating').length} ratings)`,
    );
    console.log(`   roll-up: two runs at once applied ${a.applied} + ${b.applied}, a third ${c.applied}: ${(rolled / 1000).toFixed(1)} s`);
    console.log(
      `   recount: ${expected.size.toLocaleString()} day items expected, ${stored.size.toLocaleString()} stored, ${mismatches.length} different`,
    );
    // Coverage (stations per last active day, per region) and the 10-minute windows, recounted the same way.
    const lastDates = new Map<string, { villageCode: string; lastDate: string }>();
    const windows = new Map<string, number>();
    for (const e of entries.filter((x) => x.kind === 'service')) {
      if ((lastDates.get(e.stationId)?.lastDate ?? '') < e.date)
        lastDates.set(e.stationId, { villageCode: village.get(e.stationId)!, lastDate: e.date });
      const w = `${e.stationId}|${burstBucketOf(e.at)}`;
      windows.set(w, (windows.get(w) ?? 0) + 1);
    }
    const expectedCoverage = coverageOf(lastDates);
    const storedCoverage = await scanAll(doc, 'bench-svc-events', 'RegionCoverage');
    const coverageOff = [...expectedCoverage].filter(([code, days]) => {
      const item = storedCoverage.find((i) => i.code === code) ?? {};
      const nonZero = Object.entries(item).filter(([k, v]) => k.startsWith('d_') && Number(v) !== 0);
      return JSON.stringify(Object.fromEntries(nonZero.sort())) !== JSON.stringify(Object.fromEntries(Object.entries(days).sort()));
    }).length;
    const storedWindows = await scanAll(doc, 'bench-svc-events', 'ServiceBurst');
    const windowsOff = storedWindows.filter((w) => windows.get(`${w.stationId}|${w.bucket}`) !== Number(w.services)).length;
    console.log(
      `   coverage: ${expectedCoverage.size} region items expected, ${storedCoverage.length} stored, ${coverageOff} different; ` +
        `10-minute windows: ${windows.size} expected, ${storedWindows.length} stored, ${windowsOff} different`,
    );
    if (mismatches.length || coverageOff || windowsOff || storedWindows.length !== windows.size) process.exitCode = 1;

    // 2. The dashboard with 100 and with 100,000 events.
    const today = businessDay(new Date());
    const from = businessDay(new Date(Date.now() - 29 * 86_400_000));
    const deps = { supervision: dynamoSupervisionRepository, regions: dynamoRegionRepository, stations: dynamoStationRepository };
    const provinceAdmin = { userId: 'uadmin', role: 'province_admin' as const, regionCode: '63' };
    const countyAdmin = { userId: 'ucounty', role: 'county_admin' as const, regionCode: '630202' };
    console.log(`\n2. dashboard over ${from}..${today} (${READS} requests each, warm)`);
    console.log('   events   | request                     | DynamoDB calls | items read | p50      | p95');
    for (const size of [100, 100_000]) {
      const table = `bench-svc-${size}`;
      await setTable(table);
      const bulk: Record<string, unknown>[] = [];
      const sums = new Map<string, { key: { PK: string; SK: string }; labels: Record<string, string>; counters: ServiceCounters }>();
      const activity = new Map<string, Record<string, unknown>>();
      for (let i = 0; i < size; i++) {
        const station = pick(stations, `bulk${i}`);
        const at = new Date(Date.now() - Math.floor(unit(`t${i}`) * 30) * 86_400_000).toISOString();
        const entry = { ...serviceEvents.consultation(`bulk${size}-${i}`, station.id, 'uofficer', 'in_person', null, at) };
        const { GSI3PK: _pk, GSI3SK: _sk, ...item } = serviceEntryItem(entry);
        bulk.push({ ...item, rolledUp: true });
        const targets = [
          { key: statsKeys.stationDay(station.id, entry.date), labels: { stationId: station.id, date: entry.date } },
          ...rollupTargets(station.villageCode, station.id, entry.date),
        ];
        for (const t of targets) {
          const id = `${t.key.PK}|${t.key.SK}`;
          const sum = sums.get(id) ?? { ...t, counters: emptyCounters() };
          addCounters(sum.counters, countersOf(entry));
          sums.set(id, sum);
        }
        const last = activity.get(station.id);
        if (!last || String(last.lastDate) < entry.date)
          activity.set(station.id, {
            ...statsKeys.activity(station.villageCode, station.id),
            entity: 'StationActivity',
            stationId: station.id,
            villageCode: station.villageCode,
            lastDate: entry.date,
          });
      }
      const dayItems = [...sums.values()].map((s) => {
        const c = s.counters;
        return { ...s.key, ...s.labels, entity: 'ServiceDay', services: c.services, n_consultation: c.byType.consultation };
      });
      const coverage = coverageOf(
        new Map([...activity].map(([id, a]) => [id, { villageCode: String(a.villageCode), lastDate: String(a.lastDate) }])),
      );
      await writeAll(doc, table, [
        ...bulk,
        ...dayItems,
        ...activity.values(),
        ...[...coverage].map(([code, days]) => ({ ...statsKeys.coverage(code), entity: 'RegionCoverage', code, ...days })),
        { ...statsKeys.freshness(), entity: 'StatsFreshness', freshAt: new Date().toISOString() },
      ]);
      for (const [label, caller, code] of [
        ['province 63 (8 prefectures)', provinceAdmin, '63'],
        ['county 630202 (乐都区)', countyAdmin, '630202'],
        ['township 630202002', countyAdmin, '630202002'],
      ] as const) {
        const times: number[] = [];
        const perCall: number[] = [];
        const perItems: number[] = [];
        let services = 0;
        for (let r = 0; r < READS + 3; r++) {
          calls = 0;
          itemsRead = 0;
          const t = process.hrtime.bigint();
          const answer = await regionSupervision(deps, caller, code, { from, to: today });
          if (r < 3) continue; // warm-up
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
          perCall.push(calls);
          perItems.push(itemsRead);
          services = answer.figures.services;
        }
        console.log(
          `   ${size.toLocaleString().padEnd(8)} | ${label.padEnd(27)} | ${String(Math.max(...perCall)).padEnd(14)} | ${String(Math.max(...perItems)).padEnd(10)} | ${percentile(times, 50).toFixed(1).padStart(6)} ms | ${percentile(times, 95).toFixed(1).padStart(6)} ms   (services counted: ${services.toLocaleString()})`,
        );
      }
    }
  } finally {
    await ddb.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
