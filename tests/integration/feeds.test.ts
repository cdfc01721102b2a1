/**
 * Information feeds through the real handlers on DynamoDB Local: the review workflow (drafts never
 * public, through every read route), acknowledgements once per household under 50 concurrent taps,
 * the officer's view and "informed" records, ack rates, and area types (seeded, shown, corrected).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { countEntities } from '../harness/count';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';
import { feedKeys } from '../../functions/data/keys';

type User = Awaited<ReturnType<typeof createUser>>;

let table: Awaited<ReturnType<typeof useFreshTable>>;
let expert: User; // expert of 乐都区
let countyAdmin: User; // admin of 乐都区
let prefectureAdmin: User; // admin of 海东市
let yushuAdmin: User;
let officer: User;
let villager: User;
let householdId: string;
const LEDU = '630202';

async function linkedVillager(householdOf: string): Promise<User> {
  const user = await createUser(table.doc, table.tableName, { role: 'villager' });
  const code = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: user.auth });
  const link = await invoke(handlers.payments, {
    method: 'POST',
    path: `/households/${householdOf}/links`,
    headers: officer.auth,
    body: { code: code.json.code },
  });
  expect(link.status).toBe(201);
  return user;
}

beforeAll(async () => {
  table = await useFreshTable('feeds');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  await copyRegionChain(table.doc, table.tableName, TUQIAO.villageCode);
  await copyRegionChain(table.doc, table.tableName, YUSHU.villageCode);
  expert = await expertOf(table.doc, table.tableName, LEDU);
  countyAdmin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: LEDU, name: '乐都区管理员' });
  prefectureAdmin = await createUser(table.doc, table.tableName, { role: 'prefecture_admin', regionCode: '6302' });
  yushuAdmin = await createUser(table.doc, table.tableName, { role: 'prefecture_admin', regionCode: '6327' });
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  const household = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/households`,
    headers: officer.auth,
    body: { headName: '多杰', consent: true },
  });
  householdId = household.json.id;
  villager = await linkedVillager(householdId);
});

const get = (path: string, who?: User, query?: Record<string, string>) => invoke(handlers.feeds, { path, query, headers: who?.auth ?? {} });
const post = (path: string, who: User, body?: unknown) => invoke(handlers.feeds, { method: 'POST', path, headers: who.auth, body });

describe('review workflow', () => {
  it('nothing unreviewed is visible outside its authors and reviewers, through every read route', async () => {
    const unpublished = await Promise.all(
      (['DRAFT', 'IN_REVIEW', 'REJECTED', 'RETRACTED'] as const).map((status) =>
        feedIn(status, expert, countyAdmin, feedBody(TUQIAO.villageCode, { title: `未发布 ${status}` })),
      ),
    );
    const published = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU, { title: '已发布' }));
    const outsiders = [undefined, villager, officer, yushuAdmin, await expertOf(table.doc, table.tableName, LEDU)];
    for (const who of outsiders) {
      for (const region of [TUQIAO.villageCode, LEDU, '63']) {
        for (const category of [undefined, 'weather_alert']) {
          const page = await get('/feeds', who, { region, ...(category ? { category } : {}) });
          expect(page.status).toBe(200);
          expect(page.json.items.map((i: { id: string }) => i.id)).toEqual(region === '63' ? [] : [published]);
        }
      }
      for (const id of unpublished) {
        const res = await get(`/feeds/${id}`, who);
        expect({ who: who?.user.role ?? 'anonymous', status: res.status, code: res.json.error?.code }).toEqual({
          who: who?.user.role ?? 'anonymous',
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      expect((await get(`/feeds/${published}`, who)).status).toBe(200);
    }
    // Its author and the reviewers over its region see every status, with the history.
    for (const who of [expert, countyAdmin, prefectureAdmin]) {
      for (const id of unpublished) {
        const res = await get(`/feeds/${id}`, who);
        expect(res.status).toBe(200);
        expect(res.json.history[0]).toEqual(
          expect.objectContaining({ status: 'DRAFT', by: expect.objectContaining({ idTail: expert.user.id.slice(-4), you: who === expert }) }),
        );
        expect(JSON.stringify(res.json)).not.toContain(expert.user.id);
      }
    }
  });

  it('every move is recorded with who and when; a move from the wrong status is a 409 and changes nothing', async () => {
    const id = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU));
    const detail = await get(`/feeds/${id}`, expert);
    // Named, never by id (AZ5): the expert reads "你" for themself and the admin's name.
    expect(detail.json.history.map((h: { status: string; by: { name: string | null; you: boolean } }) => [h.status, h.by.name, h.by.you])).toEqual([
      ['DRAFT', null, true],
      ['IN_REVIEW', null, true],
      ['PUBLISHED', '乐都区管理员', false],
    ]);
    expect(detail.json.author).toEqual({ name: null, role: 'expert', idTail: expert.user.id.slice(-4), you: true });
    const again = await post(`/feeds/${id}/publish`, prefectureAdmin);
    expect([again.status, again.json.error.code]).toEqual([409, 'CONFLICT']);
    expect((await get(`/feeds/${id}`, expert)).json.history).toHaveLength(3);
  });

  it('an author cannot publish their own item (another admin of the region does); an admin outside its region gets 404', async () => {
    const own = await feedIn('IN_REVIEW', countyAdmin, prefectureAdmin, feedBody(LEDU));
    const self = await post(`/feeds/${own}/publish`, countyAdmin);
    expect([self.status, self.json.error.code]).toEqual([403, 'FORBIDDEN']);
    const outside = await post(`/feeds/${own}/publish`, yushuAdmin);
    expect([outside.status, outside.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await get(`/feeds/${own}`, countyAdmin)).json.status).toBe('IN_REVIEW');
    const byOther = await post(`/feeds/${own}/publish`, prefectureAdmin);
    expect([byOther.status, byOther.json.status]).toEqual([200, 'PUBLISHED']);
  });

  it('authors write only for places inside their region: elsewhere is 404 and nothing is stored', async () => {
    const before = await countEntities(table.doc, table.tableName, 'Feed');
    const res = await post('/feeds', expert, feedBody(YUSHU.villageCode));
    expect([res.status, res.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await countEntities(table.doc, table.tableName, 'Feed')).toBe(before);
  });

  it('lists the review queue of a region and the author’s own items', async () => {
    const waiting = await feedIn('IN_REVIEW', expert, countyAdmin, feedBody(TUQIAO.villageCode, { title: '待审条目' }));
    const queue = await invoke(handlers.feeds, { path: '/feeds/review', query: { region: LEDU }, headers: countyAdmin.auth });
    expect(queue.json.items.map((i: { id: string }) => i.id)).toContain(waiting);
    expect(queue.json.items.every((i: { status: string }) => i.status === 'IN_REVIEW')).toBe(true);
    const elsewhere = await invoke(handlers.feeds, { path: '/feeds/review', query: { region: '6327' }, headers: countyAdmin.auth });
    expect(elsewhere.status).toBe(404);
    const mine = await invoke(handlers.feeds, { path: '/me/feeds', headers: expert.auth });
    expect(mine.json.items.map((i: { id: string }) => i.id)).toContain(waiting);
    expect(mine.json.items.every((i: { author: { you: boolean } }) => i.author.you)).toBe(true);
  });
});

describe('acknowledgements', () => {
  it('50 concurrent acks from one household store one ack and count 1', async () => {
    const id = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU, { requiresAck: true, urgent: true }));
    const sameHousehold = await linkedVillager(householdId);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(`/feeds/${id}/ack`, i % 2 ? villager : sameHousehold)));
    expect([...new Set(answers.map((a) => a.status))]).toEqual([200]);
    expect(answers.filter((a) => a.json.firstTime)).toHaveLength(1);
    const { Items = [] } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': feedKeys.item(id).PK },
        ConsistentRead: true,
      }),
    );
    expect(Items.filter((i) => i.entity === 'FeedAck')).toHaveLength(1);
    expect(Items.find((i) => i.entity === 'Feed')!.ackCount).toBe(1);
    expect(Items.find((i) => i.entity === 'FeedStationTotals')).toEqual(expect.objectContaining({ stationId: TUQIAO.id, acked: 1 }));
  });

  it('an alert not shown at the household’s village, or asking no ack, is refused and counts nothing', async () => {
    const yushuOnly = await feedIn(
      'PUBLISHED',
      await expertOf(table.doc, table.tableName, '6327'),
      yushuAdmin,
      feedBody('632701', { requiresAck: true }),
    );
    const elsewhere = await post(`/feeds/${yushuOnly}/ack`, villager);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json.error.details ?? []).toEqual([]);
    const noAck = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU));
    expect((await post(`/feeds/${noAck}/ack`, villager)).status).toBe(409);
    const draft = await feedIn('IN_REVIEW', expert, countyAdmin, feedBody(LEDU, { requiresAck: true }));
    expect((await post(`/feeds/${draft}/ack`, villager)).status).toBe(404);
    // No household linked: a 404 the client tells apart by its detail (it says "ask your officer to link you").
    const noHousehold = await post(`/feeds/${noAck}/ack`, officer);
    expect(noHousehold.status).toBe(404);
    expect(noHousehold.json.error.details).toEqual([expect.objectContaining({ path: 'household', code: 'no_household' })]);
    expect(await countEntities(table.doc, table.tableName, 'FeedAck')).toBe(1);
  });

  it('the household’s own state is asked again on a later visit: not yet, told by the officer, then acknowledged', async () => {
    const id = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU, { requiresAck: true }));
    const before = await get(`/feeds/${id}/ack`, villager);
    expect([before.status, before.json]).toEqual([200, { feedId: id, householdId, acknowledgedAt: null, informed: null }]);
    expect((await post(`/stations/${TUQIAO.id}/feeds/${id}/informed`, officer, { householdId, how: 'in_person' })).status).toBe(200);
    expect((await get(`/feeds/${id}/ack`, villager)).json).toEqual(
      expect.objectContaining({ acknowledgedAt: null, informed: expect.objectContaining({ how: 'in_person' }) }),
    );
    const acked = await post(`/feeds/${id}/ack`, villager);
    expect((await get(`/feeds/${id}/ack`, villager)).json.acknowledgedAt).toBe(acked.json.acknowledgedAt);
    expect((await get(`/feeds/${id}/ack`, officer)).json.error.details).toEqual([expect.objectContaining({ code: 'no_household' })]);
    expect((await get(`/feeds/${id}/ack`)).status).toBe(401);
  });

  it('the officer sees who has not acknowledged, marks one informed once; admins see the rates per station', async () => {
    const id = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU, { requiresAck: true }));
    const other = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/households`,
      headers: officer.auth,
      body: { headName: '卓玛', consent: true },
    });
    expect((await post(`/feeds/${id}/ack`, villager)).status).toBe(200);
    const informed = await post(`/stations/${TUQIAO.id}/feeds/${id}/informed`, officer, { householdId: other.json.id, how: 'phone' });
    expect([informed.status, informed.json.how]).toEqual([200, 'phone']);
    expect((await post(`/stations/${TUQIAO.id}/feeds/${id}/informed`, officer, { householdId: other.json.id, how: 'in_person' })).json.how).toBe(
      'phone',
    );
    const acked = await post(`/stations/${TUQIAO.id}/feeds/${id}/informed`, officer, { householdId, how: 'phone' });
    expect(acked.status).toBe(409);
    const list = await get(`/stations/${TUQIAO.id}/feeds/${id}/acks`, officer);
    expect(list.json.totals).toEqual({ acked: 1, informed: 1 });
    const byHousehold = Object.fromEntries(
      list.json.items.map((i: { householdId: string; ack: unknown; informed: { how: string } | null }) => [
        i.householdId,
        [i.ack !== null, i.informed?.how ?? null],
      ]),
    );
    expect(byHousehold).toEqual({ [householdId]: [true, null], [other.json.id]: [false, 'phone'] });
    const rates = await invoke(handlers.feeds, { path: `/regions/${LEDU}/feeds/${id}/ack-rates`, headers: countyAdmin.auth });
    expect(rates.json.items).toEqual([expect.objectContaining({ stationId: TUQIAO.id, households: 2, acked: 1, informed: 1 })]);
    expect((await invoke(handlers.feeds, { path: `/regions/6327/feeds/${id}/ack-rates`, headers: countyAdmin.auth })).status).toBe(404);
  });
});

describe('alerts reaching into an admin region', () => {
  const ackAlertRows = async () => {
    const { Items = [] } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': feedKeys.ackAlerts('63') },
      }),
    );
    return Items.map((item) => item.id as string);
  };
  const idsOf = (res: { json: { items: Array<{ id: string }> } }) => res.json.items.map((item) => item.id);

  it('lists the published alerts asking for 收到 at any level inside the region or above it; a retract removes one; unpublished and plain items never', async () => {
    const village = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(TUQIAO.villageCode, { requiresAck: true, title: '村级预警' }));
    const county = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU, { requiresAck: true, title: '县级预警' }));
    const plain = await feedIn('PUBLISHED', expert, countyAdmin, feedBody(LEDU, { title: '不需确认' }));
    const inReview = await feedIn('IN_REVIEW', expert, countyAdmin, feedBody(LEDU, { requiresAck: true }));
    const retracted = await feedIn('RETRACTED', expert, countyAdmin, feedBody(LEDU, { requiresAck: true }));
    // The region's own feed shows only what is targeted at it or above: a prefecture admin would miss both alerts.
    expect(idsOf(await get('/feeds', undefined, { region: '6302', limit: '50' }))).not.toContain(county);

    for (const [who, region] of [
      [prefectureAdmin, '6302'],
      [countyAdmin, LEDU],
    ] as const) {
      const res = await get(`/regions/${region}/ack-alerts`, who, { limit: '50' });
      expect(res.status).toBe(200);
      const ids = idsOf(res);
      expect(ids).toEqual(expect.arrayContaining([village, county]));
      expect(ids.indexOf(county)).toBeLessThan(ids.indexOf(village)); // newest first
      for (const hidden of [plain, inReview, retracted]) expect(ids).not.toContain(hidden);
    }
    expect(idsOf(await get('/regions/6327/ack-alerts', yushuAdmin))).not.toEqual(expect.arrayContaining([village]));
    expect((await get('/regions/6302/ack-alerts', yushuAdmin)).status).toBe(404);
    // Stored: one copy per published alert asking for 收到, none for the retracted one.
    const rows = await ackAlertRows();
    expect(rows.filter((id) => [village, county, plain, inReview, retracted].includes(id)).sort()).toEqual([village, county].sort());

    expect((await post(`/feeds/${village}/retract`, countyAdmin, { reason: '已过时' })).status).toBe(200);
    expect(idsOf(await get(`/regions/${LEDU}/ack-alerts`, countyAdmin, { limit: '50' }))).not.toContain(village);
    expect(await ackAlertRows()).not.toContain(village);
  });
});

describe('area types', () => {
  it('a village of 玉树市 is pastoral on its station page and its region; 乐都 is farming', async () => {
    const yushu = await invoke(handlers.stations, { path: `/stations/${YUSHU.id}` });
    const tuqiao = await invoke(handlers.stations, { path: `/stations/${TUQIAO.id}` });
    expect([yushu.json.areaType, tuqiao.json.areaType]).toEqual(['pastoral', 'farming']);
    const children = await invoke(handlers.regions, { path: '/regions/632701001/children' });
    expect(children.json.region.areaType).toBe('pastoral');
  });

  it('a region admin corrects a village (its station follows), recorded with who and when; a county correction leaves a corrected village be', async () => {
    await copyRegionChain(table.doc, table.tableName, '632701001', true);
    const village = await invoke(handlers.regions, {
      method: 'PUT',
      path: `/regions/${YUSHU.villageCode}/area-type`,
      headers: yushuAdmin.auth,
      body: { areaType: 'semi_pastoral' },
    });
    expect([village.status, village.json.areaTypeCorrection.byUserId]).toEqual([200, yushuAdmin.user.id]);
    expect((await invoke(handlers.stations, { path: `/stations/${YUSHU.id}` })).json.areaType).toBe('semi_pastoral');
    const county = await invoke(handlers.regions, {
      method: 'PUT',
      path: '/regions/632701/area-type',
      headers: yushuAdmin.auth,
      body: { areaType: 'farming' },
    });
    expect(county.status).toBe(200);
    const children = await invoke(handlers.regions, { path: '/regions/632701001/children' });
    expect(children.json.region.areaType).toBe('farming');
    const types = Object.fromEntries(children.json.items.map((c: { code: string; areaType: string }) => [c.code, c.areaType]));
    expect(types[YUSHU.villageCode]).toBe('semi_pastoral');
    expect(Object.entries(types).filter(([code, t]) => code !== YUSHU.villageCode && t !== 'farming')).toEqual([]);
    expect((await invoke(handlers.stations, { path: `/stations/${YUSHU.id}` })).json.areaType).toBe('semi_pastoral');
    expect(await countEntities(table.doc, table.tableName, 'AreaTypeChange')).toBe(2);
    const outside = await invoke(handlers.regions, {
      method: 'PUT',
      path: '/regions/632701/area-type',
      headers: countyAdmin.auth,
      body: { areaType: 'pastoral' },
    });
    expect(outside.status).toBe(404);
    const township = await invoke(handlers.regions, {
      method: 'PUT',
      path: '/regions/632701001/area-type',
      headers: yushuAdmin.auth,
      body: { areaType: 'pastoral' },
    });
    expect(township.status).toBe(400);
    expect(await countEntities(table.doc, table.tableName, 'AreaTypeChange')).toBe(2);
  });
});

describe('experts', () => {
  it('an admin appoints an expert inside their region, who can then write there; outside it is 404', async () => {
    const user = await createUser(table.doc, table.tableName, { role: 'villager' });
    const outside = await invoke(handlers.admin, {
      method: 'POST',
      path: '/admin/experts',
      headers: countyAdmin.auth,
      body: { userId: user.user.id, field: 'livestock', regionCode: '6327' },
    });
    expect(outside.status).toBe(404);
    const res = await invoke(handlers.admin, {
      method: 'POST',
      path: '/admin/experts',
      headers: countyAdmin.auth,
      body: { userId: user.user.id, field: 'livestock', regionCode: LEDU },
    });
    expect(res.json.user).toEqual({ id: user.user.id, role: 'expert', regionCode: LEDU, expertField: 'livestock' });
    expect((await post('/feeds', user, feedBody(TUQIAO.villageCode))).status).toBe(201);
    const admin = await invoke(handlers.admin, {
      method: 'POST',
      path: '/admin/experts',
      headers: countyAdmin.auth,
      body: { userId: prefectureAdmin.user.id, field: 'crops', regionCode: LEDU },
    });
    expect(admin.status).toBe(404);
  });
  it('an admin appoints an expert by the account code they show from 我的: the code is used up, a second try or an officer’s code is 404 and writes nothing', async () => {
    const appoint = (body: Record<string, unknown>) =>
      invoke(handlers.admin, { method: 'POST', path: '/admin/experts', headers: countyAdmin.auth, body });
    const issue = (user: User) => invoke(handlers.auth, { method: 'POST', path: '/me/account-code', headers: user.auth });
    const person = await createUser(table.doc, table.tableName, { role: 'villager', name: '才让' });
    const code = (await issue(person)).json.code;
    const res = await appoint({ accountCode: code, field: 'veterinary', regionCode: LEDU });
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: person.user.id, role: 'expert', regionCode: LEDU, expertField: 'veterinary' });
    expect(await countEntities(table.doc, table.tableName, 'AccountCode')).toBe(0);
    expect((await appoint({ accountCode: code, field: 'crops', regionCode: LEDU })).status).toBe(404);

    const officerCode = (await issue(officer)).json.code;
    expect((await appoint({ accountCode: officerCode, field: 'crops', regionCode: LEDU })).status).toBe(404);
    // The failed appointment leaves the code live (it appoints nobody else, and the officer keeps their role).
    expect(await countEntities(table.doc, table.tableName, 'AccountCode')).toBe(1);
    expect((await invoke(handlers.auth, { path: '/me', headers: officer.auth })).json.user.role).toBe('officer');
    expect((await appoint({ accountCode: code, userId: person.user.id, field: 'crops', regionCode: LEDU })).status).toBe(400);
  });
});
