/**
 * The service ledger (issue 15) on DynamoDB Local, counting what is stored: a randomized workload of
 * mixed events (cash payments and voids, consultations, alert acknowledgements and informed marks,
 * answers, pickups handed over, ratings), many sent twice at once as a retried request would be; then
 * two roll-ups at once. Every station day and every region day must equal a recount from the raw
 * entries, and the entries must equal the events (one per succeeded payment, per void, per key...).
 */
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoFeedAckRepository } from '../../functions/data/feeds-repository';
import { feedKeys } from '../../functions/data/keys';
import { dynamoQuestionRepository, questionItem } from '../../functions/data/questions-repository';
import { rollupTargets, runServiceRollup } from '../../functions/data/service-rollup';
import { countersFromItem } from '../../functions/data/service-ledger-items';
import type { QuestionRecord } from '../../functions/domain/questions/question';
import { addCounters, countersOf, emptyCounters, type ServiceCounters, type ServiceEntry } from '../../functions/domain/services/service';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { countEntities } from '../harness/count';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { pickupCodeOf, paidOrder } from '../harness/fulfilment';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { listProduce, marketCall, registerCooperative } from '../harness/market';
import { copyStations, electricityBody, newKey, officerOf, pay, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
const STATIONS = [TUQIAO, YUSHU];
const officers = new Map<string, User>();
let admin: User;
let county: User;

/** A tiny seeded random generator: the workload is random but a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function scanEntity(entity: string) {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: 'entity = :e',
        ExpressionAttributeValues: { ':e': entity },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const consult = (officer: User, stationId: string, body: Record<string, unknown>, key = newKey()) =>
  invoke(handlers.services, {
    method: 'POST',
    path: `/stations/${stationId}/consultations`,
    headers: { ...officer.auth, 'idempotency-key': key },
    body,
  });
const rate = (who: User, serviceId: string, rating: number) =>
  invoke(handlers.services, { method: 'POST', path: `/services/${serviceId}/rating`, headers: who.auth, body: { rating } });
const supervision = (who: User, code: string, from: string, to: string) =>
  invoke(handlers.services, { path: `/regions/${code}/supervision`, headers: who.auth, query: { from, to } });

beforeAll(async () => {
  table = await useFreshTable('svc');
  await copyStations(
    table.doc,
    table.tableName,
    STATIONS.map((s) => s.villageCode),
  );
  await copyRegionChain(table.doc, table.tableName, '63', true);
  for (const s of STATIONS) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  for (const s of STATIONS) officers.set(s.id, await officerOf(table.doc, table.tableName, s));
  admin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });
  county = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' });
});

describe('aggregates equal a recount after a randomized workload', () => {
  it('about 500 mixed events, a third of them retried at once, two roll-ups racing: every station day and region day equals the recount', async () => {
    const next = random(15);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    const today = businessDay(new Date());
    const feedId = 'fdsvcledger0001';
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...feedKeys.item(feedId), entity: 'Feed', id: feedId, ackCount: 0 } }));

    // Pickup orders to hand over (and for their buyers to rate).
    const tuqiaoOfficer = officers.get(TUQIAO.id)!;
    const seller = await registerCooperative(tuqiaoOfficer, TUQIAO.id);
    const listing = await listProduce(tuqiaoOfficer, seller, { stock: 100 });
    const pickups: Array<{ buyer: User; orderId: string; code: string }> = [];
    for (let i = 0; i < 12; i++) {
      const buyer = await createUser(table.doc, table.tableName, { role: 'buyer' });
      const orderId = await paidOrder(buyer, listing);
      pickups.push({ buyer, orderId, code: await pickupCodeOf(buyer, orderId) });
    }

    const consultationKeys = new Set<string>();
    const acked = new Set<string>();
    const informed = new Set<string>();
    const succeeded: Array<{ id: string; stationId: string }> = [];
    const voidAsked = new Set<string>();
    let requests = 0;
    let accountSeq = 100;
    let questionSeq = 0;

    // One event, maybe sent twice at once (a retried request): what the client would do.
    const event = async (): Promise<void> => {
      const station = pick(STATIONS);
      const officer = officers.get(station.id)!;
      const twice = next() < 0.33;
      const roll = next();
      if (roll < 0.3) {
        const key = newKey();
        const body = { channel: pick(['phone', 'wechat', 'in_person']) };
        const sends = twice
          ? [consult(officer, station.id, body, key), consult(officer, station.id, body, key)]
          : [consult(officer, station.id, body, key)];
        requests += sends.length;
        const answers = await Promise.all(sends);
        for (const a of answers) expect([201, 409]).toContain(a.status);
        if (answers.some((a) => a.status === 201)) consultationKeys.add(key);
      } else if (roll < 0.5) {
        const body = await electricityBody(officer.auth, station.id, `44012${String(accountSeq++).padStart(5, '0')}`);
        const key = newKey();
        const sends = twice ? [pay(officer.auth, body, key), pay(officer.auth, body, key)] : [pay(officer.auth, body, key)];
        requests += sends.length;
        for (const a of await Promise.all(sends)) {
          if (a.status === 201 && a.json.status === 'SUCCEEDED' && !succeeded.some((p) => p.id === a.json.id))
            succeeded.push({ id: a.json.id, stationId: station.id });
        }
      } else if (roll < 0.58 && succeeded.length) {
        const target = pick(succeeded);
        const officerOfPayment = officers.get(target.stationId)!;
        const voidIt = () =>
          invoke(handlers.payments, {
            method: 'POST',
            path: `/payments/${target.id}/void`,
            headers: officerOfPayment.auth,
            body: { reason: '重复缴费' },
          });
        const sends = twice ? [voidIt(), voidIt()] : [voidIt()];
        requests += sends.length;
        await Promise.all(sends);
        voidAsked.add(target.id);
      } else if (roll < 0.75) {
        const household = `hh${String(Math.floor(next() * 60)).padStart(24, '0')}`;
        const at = new Date().toISOString();
        const asInformed = next() < 0.4;
        const send = () =>
          asInformed
            ? dynamoFeedAckRepository.markInformed(feedId, household, station.id, { how: 'phone', byUserId: officer.user.id, at }).catch(() => false)
            : dynamoFeedAckRepository.ack({ id: feedId } as never, household, station.id, at).catch(() => false);
        const sends = twice ? [send(), send()] : [send()];
        requests += sends.length;
        const results = await Promise.all(sends);
        if (results.some(Boolean)) (asInformed ? informed : acked).add(household);
      } else if (roll < 0.85) {
        const expertId = 'uexpertsvc';
        const at = new Date().toISOString();
        const q = {
          id: `qsvc${String(questionSeq++).padStart(8, '0')}`,
          field: 'crops',
          text: '青稞叶子发黄怎么办',
          photos: [],
          consent: false,
          askedBy: 'uvillagersvc',
          householdId: null,
          stationId: station.id,
          villageCode: station.villageCode,
          countyName: '乐都区',
          status: 'OPEN',
          reach: 'county',
          dueAt: null,
          escalations: [],
          claimedBy: expertId,
          claimUntil: new Date(Date.now() + 3600_000).toISOString(),
          answer: null,
          askedAt: at,
        } as unknown as QuestionRecord;
        await table.doc.send(new PutCommand({ TableName: table.tableName, Item: questionItem(q) }));
        const answer = { text: '可能缺氮，追施尿素', photos: [], by: expertId, at };
        const send = () => dynamoQuestionRepository.answer(q, answer, [], null).catch(() => false);
        const sends = twice ? [send(), send()] : [send()];
        requests += sends.length;
        await Promise.all(sends);
      } else {
        const pickup = pickups.find((p) => !p.code.startsWith('done'));
        if (!pickup) return;
        const hand = () => marketCall(tuqiaoOfficer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code: pickup.code });
        const sends = twice ? [hand(), hand()] : [hand()];
        requests += sends.length;
        await Promise.all(sends);
        pickup.code = `done${pickup.code}`;
      }
    };

    // 400 events, 10 at a time (about 530 requests with the retries), then the buyers' ratings.
    for (let round = 0; round < 40; round++) await Promise.all(Array.from({ length: 10 }, event));
    for (const p of pickups.filter((x) => x.code.startsWith('done'))) {
      const answers = await Promise.all(Array.from({ length: 4 }, () => rate(p.buyer, `order-${p.orderId}`, 1 + Math.floor(next() * 5))));
      requests += answers.length;
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    }
    expect(requests).toBeGreaterThan(500);

    // Two roll-ups at once, then one more: every entry applied exactly once.
    await Promise.all([runServiceRollup(), runServiceRollup()]);
    await runServiceRollup();

    const entries = (await scanEntity('ServiceEntry')) as unknown as ServiceEntry[];
    const payments = await scanEntity('Payment');
    const orders = await scanEntity('Order');
    const of = (kind: string, type: string) => entries.filter((e) => e.kind === kind && e.type === type);

    // The entries are the events, once each, whatever was retried.
    expect(of('service', 'payment')).toHaveLength(payments.filter((p) => p.status === 'SUCCEEDED' || p.status === 'VOIDED').length);
    expect(of('reversal', 'payment')).toHaveLength(payments.filter((p) => p.status === 'VOIDED').length);
    expect(of('service', 'consultation')).toHaveLength(consultationKeys.size);
    expect(of('service', 'ack')).toHaveLength(acked.size);
    expect(of('service', 'informed')).toHaveLength(informed.size);
    expect(of('service', 'answer')).toHaveLength((await scanEntity('Question')).filter((q) => q.status === 'ANSWERED').length);
    expect(of('service', 'order')).toHaveLength(orders.filter((o) => o.status === 'HANDED_OVER').length);
    expect(of('rating', 'order')).toHaveLength(orders.filter((o) => o.status === 'HANDED_OVER').length);
    expect(entries.filter((e) => (e as unknown as Record<string, unknown>).GSI3PK !== undefined)).toHaveLength(0);
    expect(voidAsked.size).toBeGreaterThan(0);

    // Recount: station days and region days (and each child's place in its parent) from the entries alone.
    const expected = new Map<string, ServiceCounters>();
    const add = (key: string, c: ServiceCounters) => expected.set(key, addCounters(expected.get(key) ?? emptyCounters(), c));
    for (const e of entries) {
      add(`STATS#S#${e.stationId}|DAY#${e.date}`, countersOf(e));
      const village = STATIONS.find((s) => s.id === e.stationId)!.villageCode;
      for (const t of rollupTargets(village, e.stationId, e.date)) add(`${t.key.PK}|${t.key.SK}`, countersOf(e));
    }
    const stored = new Map((await scanEntity('ServiceDay')).map((item) => [`${item.PK}|${item.SK}`, countersFromItem(item)]));
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, counters] of expected) expect({ key, ...stored.get(key) }).toEqual({ key, ...counters });

    // The supervision answer is the same figures: the province, and 乐都区 for its county admin.
    const province = await supervision(admin, '63', today, today);
    expect(province.status).toBe(200);
    const provinceDay = expected.get(`STATS#R#63|DAY#${today}`)!;
    expect(province.json.figures.services).toBe(provinceDay.services);
    expect(province.json.figures.paymentFen).toBe(provinceDay.paymentFen);
    expect(province.json.figures.orderFen).toBe(provinceDay.orderFen);
    expect(province.json.figures.ratingCount).toBe(provinceDay.ratingCount);
    expect(province.json.coverage.activeStations).toBe(2);
    expect(province.json.freshAt).not.toBeNull();
    const haidong = province.json.children.find((c: { code: string }) => c.code === '6302');
    expect(haidong.figures.services).toBe(expected.get(`STATS#R#6302|DAY#${today}`)!.services);
    const ledu = await supervision(county, '630202', today, today);
    expect(ledu.json.figures.services).toBe(expected.get(`STATS#R#630202|DAY#${today}`)!.services);
    expect((await supervision(county, '6327', today, today)).status).toBe(404);
    expect(await countEntities(table.doc, table.tableName, 'ServiceEntry')).toBe(entries.length);
  });
});

describe('ratings, consultations, voids, the officer’s month and the export', () => {
  const officer = () => officers.get(TUQIAO.id)!;
  const month = (who: User, stationId: string, query?: Record<string, string>) =>
    invoke(handlers.services, { path: `/stations/${stationId}/service-month`, headers: who.auth, query });

  it('a rating once per service: 12 concurrent ratings by its villager store one and count one; another villager gets 404', async () => {
    const seller = await registerCooperative(officer(), TUQIAO.id, '土桥蕨麻合作社');
    const listing = await listProduce(officer(), seller, { stock: 10 });
    const buyer = await createUser(table.doc, table.tableName, { role: 'buyer' });
    const orderId = await paidOrder(buyer, listing);
    const handed = await marketCall(officer(), 'POST', `/stations/${TUQIAO.id}/pickups`, { code: await pickupCodeOf(buyer, orderId) });
    expect(handed.status).toBe(200);
    const serviceId = `order-${orderId}`;
    const stranger = await createUser(table.doc, table.tableName, { role: 'villager' });
    const before = await countEntities(table.doc, table.tableName, 'ServiceEntry');
    expect((await rate(stranger, serviceId, 1)).status).toBe(404);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => rate(buyer, serviceId, 1 + (i % 5))));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => a.status)).toEqual(Array(11).fill(409));
    expect(await countEntities(table.doc, table.tableName, 'ServiceEntry')).toBe(before + 1);
    const day = (await scanEntity('ServiceDay')).find((d) => d.PK === `STATS#S#${TUQIAO.id}` && d.SK === `DAY#${businessDay(new Date())}`)!;
    const ratings = (await scanEntity('ServiceEntry')).filter((e) => e.kind === 'rating' && e.stationId === TUQIAO.id);
    expect(Number(day.ratingCount)).toBe(ratings.length);
    const mine = await invoke(handlers.services, { path: '/me/services', headers: buyer.auth });
    expect(mine.json.items).toEqual([
      expect.objectContaining({ id: serviceId, type: 'order', rating: answers.find((a) => a.status === 201)!.json.rating }),
    ]);
  });

  it('a comment with a bidi override is 400 and stores nothing', async () => {
    const before = await countEntities(table.doc, table.tableName, 'ServiceEntry');
    const res = await invoke(handlers.services, {
      method: 'POST',
      path: '/services/consult-AAAAAAAAAAAAAAAAAAAAAAAA/rating',
      headers: admin.auth,
      body: { rating: 5, comment: '很好\u202E' },
    });
    expect([res.status, res.json.error.details[0].path]).toEqual([400, 'body.comment']);
    expect(await countEntities(table.doc, table.tableName, 'ServiceEntry')).toBe(before);
  });

  it('a consultation retried with its key is one service; the same key for another consultation is 422; another station’s household is 404', async () => {
    const key = newKey();
    const before = await countEntities(table.doc, table.tableName, 'ServiceEntry');
    const answers = await Promise.all(Array.from({ length: 6 }, () => consult(officer(), TUQIAO.id, { channel: 'wechat' }, key)));
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.json.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect((await consult(officer(), TUQIAO.id, { channel: 'phone' }, key)).status).toBe(422);
    const household = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${YUSHU.id}/households`,
      headers: officers.get(YUSHU.id)!.auth,
      body: { headName: '扎西', consent: true, allowDuplicate: true },
    });
    expect((await consult(officer(), TUQIAO.id, { channel: 'phone', householdId: household.json.id })).status).toBe(404);
    expect(await countEntities(table.doc, table.tableName, 'ServiceEntry')).toBe(before + 1);
  });

  it('a void is a reversal entry (-1, -amount) dated the day the void happens (across midnight: tests/unit/functions/service-events.test.ts)', async () => {
    const body = await electricityBody(officer().auth, TUQIAO.id, '4401239911');
    const paid = await pay(officer().auth, body);
    expect([paid.status, paid.json.status]).toEqual([201, 'SUCCEEDED']);
    const entries = async () => (await scanEntity('ServiceEntry')).filter((e) => String(e.id).endsWith(paid.json.id));
    expect((await entries()).map((e) => [e.kind, e.count, e.fen])).toEqual([['service', 1, body.amountFen]]);
    const voided = await invoke(handlers.payments, {
      method: 'POST',
      path: `/payments/${paid.json.id}/void`,
      headers: officer().auth,
      body: { reason: '重复缴费' },
    });
    expect(voided.status).toBe(200);
    const reversal = (await entries()).find((e) => e.kind === 'reversal')!;
    expect([reversal.count, reversal.fen, reversal.date]).toEqual([-1, -body.amountFen, businessDay(new Date(String(voided.json.voided.at)))]);
  });

  it('the officer’s month: services against the farming target, the trend, the pace; another station’s officer gets 404', async () => {
    await runServiceRollup();
    const res = await month(officer(), TUQIAO.id);
    expect(res.status).toBe(200);
    const days = await dynamoStationDays(TUQIAO.id, res.json.month);
    expect(res.json.figures.services).toBe(days);
    expect(res.json.target).toEqual({ servicesPerMonth: 200, satisfaction: 0.9 });
    expect(res.json.trend).toHaveLength(6);
    expect(res.json.pending.servicesToTarget).toBe(Math.max(0, 200 - days));
    expect((await month(officers.get(YUSHU.id)!, TUQIAO.id)).status).toBe(404);
  });

  it('the CSV export: the region and each child, aggregates only (no user, household or phone)', async () => {
    const today = businessDay(new Date());
    const res = await invoke(handlers.services, { path: '/regions/63/supervision/export', headers: admin.auth, query: { from: today, to: today } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.raw.trim().split('\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['编码', '服务次数', '缴费金额（分）', '订单金额（分）', '满意度']));
    expect(lines[1].startsWith('63,')).toBe(true);
    expect(lines).toHaveLength(2 + 8);
    const people = [...officers.values()].map((o) => o.user.id);
    expect(people.filter((id) => res.raw.includes(id))).toEqual([]);
    expect(res.raw).not.toMatch(/hh[0-9a-f]{24}|1[3-9]\d{9}/);
  });
});

/** A station's services of a month, summed from its stored entries (the recount). */
async function dynamoStationDays(stationId: string, month: string) {
  return (await scanEntity('ServiceEntry'))
    .filter((e) => e.stationId === stationId && String(e.date).startsWith(month))
    .reduce((sum, e) => sum + Number(e.count), 0);
}
