/**
 * Generated from the route table's `queueable` routes (the officer's offline queue replays them):
 * for each, the same Idempotency-Key and request answers the first answer again and writes nothing
 * more (the whole table is compared); the same key with another body gets 422 IDEMPOTENCY_KEY_REUSED
 * and writes nothing. A new queueable route fails here until it has a fixture below.
 */
import { routeList, type RouteDef, type RouteName } from '../../shared';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, linkedVillager, newKey, officerOf, TUQIAO } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import { reportBody, seedPriceCatalogue } from '../harness/prices';
import { scheduleSession } from '../harness/training';

type Route = RouteDef & { name: RouteName };
type User = Awaited<ReturnType<typeof createUser>>;

let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let countyAdmin: User;

/** What one row sends: who, where, the first body and another one for the same key. */
interface Replay {
  caller: User;
  path: string;
  body: unknown;
  otherBody: unknown;
}

async function newHousehold(headName = '多杰'): Promise<string> {
  const res = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/households`,
    headers: officer.auth,
    body: { headName, phone: '13700001234', consent: true, allowDuplicate: true },
  });
  expect(res.status).toBe(201);
  return res.json.id;
}

/** A fresh fixture per queueable route, naming objects that take the action once. */
const FIXTURES: Record<string, () => Promise<Replay>> = {
  logConsultation: async () => ({
    caller: officer,
    path: `/stations/${TUQIAO.id}/consultations`,
    body: { channel: 'phone' },
    otherBody: { channel: 'wechat' },
  }),
  reportPrice: async () => ({
    caller: officer,
    path: '/price-reports',
    body: reportBody({ marketId: 'ledu', productId: 'barley', priceFen: 250 }),
    otherBody: reportBody({ marketId: 'ledu', productId: 'barley', priceFen: 260 }),
  }),
  markInformed: async () => {
    const county = TUQIAO.villageCode.slice(0, 6);
    const expert = await expertOf(table.doc, table.tableName, county);
    const feedId = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(county, { requiresAck: true }));
    const householdId = await newHousehold();
    return {
      caller: officer,
      path: `/stations/${TUQIAO.id}/feeds/${feedId}/informed`,
      body: { householdId, how: 'phone' },
      otherBody: { householdId, how: 'in_person' },
    };
  },
  rateService: async () => {
    const householdId = await newHousehold();
    const consulted = await invoke(handlers.services, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/consultations`,
      headers: { ...officer.auth, 'idempotency-key': newKey() },
      body: { channel: 'in_person', householdId },
    });
    expect(consulted.status).toBe(201);
    return {
      caller: await linkedVillager(table.doc, table.tableName, officer, householdId),
      path: `/services/${consulted.json.id}/rating`,
      body: { rating: 5 },
      otherBody: { rating: 4 },
    };
  },
  signUpTraining: async () => {
    const trainingId = await scheduleSession(officer, TUQIAO.id);
    const householdId = await newHousehold();
    return {
      caller: officer,
      path: `/trainings/${trainingId}/signups`,
      body: { householdId, name: '卓玛' },
      otherBody: { householdId, name: '拉毛' },
    };
  },
  checkInTraining: async () => {
    const trainingId = await scheduleSession(officer, TUQIAO.id);
    const householdId = await newHousehold();
    return {
      caller: officer,
      path: `/trainings/${trainingId}/checkins`,
      body: { householdId, name: '扎西' },
      otherBody: { householdId, name: '才措' },
    };
  },
};

const queueable = routeList.filter((r): r is Route => r.queueable === true);

beforeAll(async () => {
  table = await useFreshTable('queue');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  await copyRegionChain(table.doc, table.tableName, TUQIAO.villageCode);
  await seedPriceCatalogue(table.doc, table.tableName);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  countyAdmin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: TUQIAO.villageCode.slice(0, 6) });
});

describe('queueable routes: a replay answers the first answer, another body with the key is refused', () => {
  it('has a fixture for every queueable route', () => {
    expect(queueable.map((r) => r.name).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(queueable.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const { caller, path, body, otherBody } = await FIXTURES[route.name]();
    const send = (key: string, sent: unknown) =>
      invoke(handlers[route.function], { method: route.method, path, headers: { ...caller.auth, 'idempotency-key': key }, body: sent });
    const key = newKey();
    const before = await snapshotTable(table.doc, table.tableName);

    const first = await send(key, body);
    expect(first.status).toBe(route.successStatus ?? 200);
    const afterFirst = await snapshotTable(table.doc, table.tableName);
    expect(afterFirst.length).toBeGreaterThan(before.length);

    const replay = await send(key, body);
    expect({ status: replay.status, json: replay.json }).toEqual({ status: first.status, json: first.json });
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(afterFirst);

    const reused = await send(key, otherBody);
    expect({ status: reused.status, code: reused.json.error.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(afterFirst);
  });

  it('a malformed key is a 400 and writes nothing', async () => {
    const before = await snapshotTable(table.doc, table.tableName);
    const res = await invoke(handlers.feeds, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/feeds/f-none/informed`,
      headers: { ...officer.auth, 'idempotency-key': 'not a key!' },
      body: { householdId: 'h1', how: 'phone' },
    });
    expect(res.status).toBe(400);
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(before);
  });
});
