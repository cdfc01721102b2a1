/**
 * Supervision's flags, coverage and acknowledgement rate on DynamoDB Local, from events written through
 * the ledger's own transactions and one roll-up: more than 30 services in a 10-minute window (counted per
 * station and window in each event's transaction, flagged by the roll-up), a day above 5x the station's
 * median, a station silent for 14 days (the coverage items the roll-up keeps), acknowledged / reached;
 * and a question asked without a station counts against no station.
 */
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { serverText } from '../../functions/i18n';
import { dynamoFeedAckRepository } from '../../functions/data/feeds-repository';
import { feedKeys } from '../../functions/data/keys';
import { dynamoQuestionRepository, questionItem } from '../../functions/data/questions-repository';
import { runServiceRollup } from '../../functions/data/service-rollup';
import { dynamoServiceLedger } from '../../functions/data/services-repository';
import type { QuestionRecord } from '../../functions/domain/questions/question';
import { burstBucketOf } from '../../functions/domain/services/service';
import { serviceEvents } from '../../functions/domain/services/service-events';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { countEntities } from '../harness/count';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, TUQIAO, YUSHU } from '../harness/payments';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let admin: User;
/** 七里店村, in 土桥村's township: 33 services a month ago, 1 today (dropped sharply). */
const QILIDIAN = { villageCode: '630202002200', id: stationIdForVillage('630202002200') };

const DAY_MS = 86_400_000;
const today = () => businessDay(new Date());
const daysAgo = (n: number) => businessDay(new Date(Date.now() - n * DAY_MS));
/** n consultations at a station, `spacing` seconds apart from `start`, through the ledger's transactions. */
async function consultations(stationId: string, start: Date, n: number, spacingSeconds: number, tag: string) {
  for (let i = 0; i < n; i++) {
    const at = new Date(start.getTime() + i * spacingSeconds * 1000).toISOString();
    expect(await dynamoServiceLedger.record(serviceEvents.consultation(`${tag}${i}`, stationId, 'uofficer', 'phone', null, at))).toBe(true);
  }
}
const supervision = (code: string, from: string, to: string) =>
  invoke(handlers.services, { path: `/regions/${code}/supervision`, headers: admin.auth, query: { from, to } });

beforeAll(async () => {
  table = await useFreshTable('svcflags');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode, QILIDIAN.villageCode]);
  await copyRegionChain(table.doc, table.tableName, '63', true);
  for (const s of [TUQIAO, YUSHU]) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  admin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });

  // 土桥村: 31 consultations inside one 10-minute window an hour ago (a burst, and a day far above its median).
  // Today (Shanghai) even just after midnight: the window starts no earlier than the day.
  const anHourAgo = Math.max(Date.now() - 3_600_000, Date.parse(`${today()}T00:00:00+08:00`));
  const windowStart = new Date(Date.parse(`${burstBucketOf(new Date(anHourAgo).toISOString())}:00+08:00`));
  await consultations(TUQIAO.id, windowStart, 31, 15, 'burst');
  // 玉树: 30 in one window 20 days ago (exactly the threshold: no burst), nothing since (silent).
  const yushuStart = new Date(Date.parse(`${daysAgo(20)}T10:00:00+08:00`));
  await consultations(YUSHU.id, yushuStart, 30, 15, 'yushu');
  // 七里店村: 33 a minute apart 31 days ago (its usual fortnight: 33 / 42 days x 14 = 11), then 1 today.
  await consultations(QILIDIAN.id, new Date(Date.parse(`${daysAgo(31)}T09:00:00+08:00`)), 33, 60, 'usual');
  await consultations(QILIDIAN.id, new Date(), 1, 0, 'lately');
  // Alerts: 3 households acknowledged in the app, 1 told by phone at 土桥村.
  const feedId = 'fdsvcflags00001';
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...feedKeys.item(feedId), entity: 'Feed', id: feedId, ackCount: 0 } }));
  const at = new Date().toISOString();
  for (const h of ['hh01', 'hh02', 'hh03']) expect(await dynamoFeedAckRepository.ack({ id: feedId } as never, h, TUQIAO.id, at)).toBe(true);
  expect(await dynamoFeedAckRepository.markInformed(feedId, 'hh04', TUQIAO.id, { how: 'phone', byUserId: 'uofficer', at })).toBe(true);
  await runServiceRollup();
});

describe('flags', () => {
  it('more than 30 services in 10 minutes is a burst flag of the station at every level of the drill-down; exactly 30 is not', async () => {
    const province = await supervision('63', daysAgo(29), today());
    expect(province.status).toBe(200);
    const bursts = province.json.flags.filter((f: { kind: string }) => f.kind === 'burst');
    expect(bursts).toEqual([
      expect.objectContaining({ stationId: TUQIAO.id, villageCode: TUQIAO.villageCode, detail: expect.stringContaining('31 services') }),
    ]);
    const row = (rows: Array<{ code: string; burstFlags: number }>, code: string) => rows.find((r) => r.code === code)!;
    expect(row(province.json.children, '6302').burstFlags).toBe(1);
    expect(row(province.json.children, '6327').burstFlags).toBe(0);
    const township = await supervision(TUQIAO.villageCode.slice(0, 9), daysAgo(29), today());
    expect(row(township.json.children, TUQIAO.villageCode).burstFlags).toBe(1);
    expect(township.json.flags.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(['burst', 'spike']));
    expect(province.json.definitions).toEqual(expect.objectContaining({ burstServices: 30, burstMinutes: 10, spikeTimesMedian: 5 }));

    // The windows' counters equal a recount of the entries, and outside the period the flag is not shown.
    const windows = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: 'entity = :e',
        ExpressionAttributeValues: { ':e': 'ServiceBurst' },
        ConsistentRead: true,
      }),
    );
    const entries = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: 'entity = :e',
        ExpressionAttributeValues: { ':e': 'ServiceEntry' },
        ConsistentRead: true,
      }),
    );
    const recount = new Map<string, number>();
    for (const e of entries.Items ?? []) {
      const key = `${e.stationId}|${burstBucketOf(String(e.at))}`;
      recount.set(key, (recount.get(key) ?? 0) + 1);
    }
    expect(new Map((windows.Items ?? []).map((w) => [`${w.stationId}|${w.bucket}`, Number(w.services)]))).toEqual(recount);
    expect([...recount.values()]).toEqual(expect.arrayContaining([30]));
    const before = await supervision('63', daysAgo(40), daysAgo(25));
    expect(before.json.flags.filter((f: { kind: string }) => f.kind === 'burst')).toEqual([]);
  });

  it('a station without a service for 14 days is silent: counted in its regions’ rows, listed on its township, still active within 30 days', async () => {
    const province = await supervision('63', daysAgo(29), today());
    expect(province.json.coverage).toEqual(expect.objectContaining({ activeStations: 3, silentStations: 1 }));
    const yushu = province.json.children.find((r: { code: string }) => r.code === '6327');
    expect([yushu.activeStations, yushu.silentStations]).toEqual([1, 1]);
    const township = await supervision(YUSHU.villageCode.slice(0, 9), daysAgo(29), today());
    expect(township.json.flags.filter((f: { kind: string }) => f.kind === 'silent')).toEqual([
      expect.objectContaining({ kind: 'silent', stationId: YUSHU.id, detail: `last service ${daysAgo(20)}` }),
    ]);
  });

  it('the day spike: 土桥村’s day above 5x its median day of 8 weeks, on its township', async () => {
    const township = await supervision(TUQIAO.villageCode.slice(0, 9), today(), today());
    const spikes = township.json.flags.filter((f: { kind: string }) => f.kind === 'spike');
    expect(spikes).toEqual([expect.objectContaining({ stationId: TUQIAO.id, detail: `${today()}: 35 services, median 1` })]);
  });

  it('a station whose last 14 days fell below 30 % of its usual fortnight dropped sharply; a silent one is flagged silent only', async () => {
    const tuqiaoTownship = await supervision(TUQIAO.villageCode.slice(0, 9), today(), today());
    expect(tuqiaoTownship.json.flags.filter((f: { kind: string }) => f.kind === 'drop')).toEqual([
      expect.objectContaining({ stationId: QILIDIAN.id, detail: 'last 14 days: 1 services, usually 11' }),
    ]);
    const yushuTownship = await supervision(YUSHU.villageCode.slice(0, 9), today(), today());
    expect(yushuTownship.json.flags.map((f: { kind: string }) => f.kind)).not.toContain('drop');
    expect((await supervision('63', today(), today())).json.definitions).toEqual(
      expect.objectContaining({ dropWindowDays: 14, dropShare: 0.3, dropMinBaseline: 10 }),
    );
  });
});

describe('acknowledgement rate', () => {
  it('acknowledged in the app / reached (acknowledged + told by the officer), per region and child, defined with the definitions', async () => {
    const province = await supervision('63', today(), today());
    expect(province.json.acknowledgements).toEqual({ acked: 3, informed: 1, reached: 4, rate: 0.75 });
    const haidong = province.json.children.find((r: { code: string }) => r.code === '6302');
    expect(haidong.figures.ackRate).toBe(0.75);
    expect(province.json.children.find((r: { code: string }) => r.code === '6327').figures.ackRate).toBeNull();
    expect(province.json.definitions.ackRate).toMatch(/acknowledged/);
    const csv = await invoke(handlers.services, {
      path: '/regions/63/supervision/export',
      headers: admin.auth,
      query: { from: today(), to: today() },
    });
    const [header, own] = csv.raw.trim().split('\n');
    expect(own.split(',')[header.split(',').indexOf(serverText('zh-CN', 'csv.ackRate'))]).toBe('0.75');
  });
});

describe('questions asked without a station', () => {
  it('an answer to a question asked without a station records no service and moves no station’s or region’s figures', async () => {
    const entries = await countEntities(table.doc, table.tableName, 'ServiceEntry');
    const before = (await supervision('63', today(), today())).json.figures.services;
    const at = new Date().toISOString();
    const q = {
      id: 'qnostation0000001',
      field: 'crops',
      text: '青稞叶子发黄怎么办',
      photos: [],
      consent: false,
      askedBy: 'uvillagerflags',
      householdId: null,
      stationId: null,
      villageCode: TUQIAO.villageCode,
      countyName: '乐都区',
      status: 'OPEN',
      reach: 'province',
      dueAt: null,
      escalations: [],
      claimedBy: 'uexpertflags',
      claimUntil: new Date(Date.now() + 3600_000).toISOString(),
      answer: null,
      askedAt: at,
    } as unknown as QuestionRecord;
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: questionItem(q) }));
    expect(await dynamoQuestionRepository.answer(q, { text: '可能缺氮', photos: [], by: 'uexpertflags', at }, [], null)).toBeTruthy();
    await runServiceRollup();
    expect(await countEntities(table.doc, table.tableName, 'ServiceEntry')).toBe(entries);
    expect((await supervision('63', today(), today())).json.figures.services).toBe(before);
  });
});
