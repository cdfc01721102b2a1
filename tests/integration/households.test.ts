/**
 * Households, their bill books and linking a villager's WeChat account: what the officer registers,
 * what every response masks, a two-tap repeat payment, and what a linked villager sees in "me".
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { householdKeys } from '../../functions/data/keys';
import { usePinnedRateLimitClock } from '../harness/clock';
import { countEntities } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, electricityBody, officerOf, pay, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('hh'));
  await copyStations(doc, tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
});

const call = (auth: Record<string, string>, method: string, path: string, body?: unknown, query?: Record<string, string>) =>
  invoke(handlers.payments, { method, path, headers: auth, body, query });

// The same family again and again on purpose (each test its own household): confirmed duplicates
// (tests/integration/household-duplicates.test.ts covers the warning).
const register = (auth: Record<string, string>, body: Record<string, unknown> = {}) =>
  call(auth, 'POST', `/stations/${TUQIAO.id}/households`, {
    headName: '索南扎西',
    phone: '13912345678',
    members: [{ name: '卓玛', relation: 'spouse' }],
    consent: true,
    allowDuplicate: true,
    ...body,
  });

describe('households', () => {
  it('an officer registers a household with consent; the phone is stored in full and answered masked', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const res = await register(officer.auth);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      stationId: TUQIAO.id,
      headName: '索南扎西',
      phoneMasked: '139****5678',
      members: [
        { name: '索南扎西', relation: 'head' },
        { name: '卓玛', relation: 'spouse' },
      ],
      consent: { by: { name: '才让', role: 'officer', idTail: officer.user.id.slice(-4), you: true }, at: expect.any(String) },
      billBook: [],
      linkedUserCount: 0,
    });
    expect(res.raw).not.toContain('13912345678');
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: householdKeys.item(res.json.id) }));
    expect(Item?.phone).toBe('13912345678');
    const list = await call(officer.auth, 'GET', `/stations/${TUQIAO.id}/households`);
    expect(list.json.items.map((h: { id: string }) => h.id)).toContain(res.json.id);
  });

  it('refuses a household without consent, or with extra fields, and stores nothing', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const before = await countEntities(doc, tableName, 'Household');
    for (const body of [{ consent: false }, { consent: undefined }, { stationId: YUSHU.id }, { linkedUserCount: 5 }, { phone: '12345' }]) {
      expect({ body, status: (await register(officer.auth, body)).status }).toEqual({ body, status: 400 });
    }
    expect(await countEntities(doc, tableName, 'Household')).toBe(before);
  });

  it('the bill book makes a repeat payment two taps: pay by household and bill type, without typing the account', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const household = (await register(officer.auth)).json;
    const saved = await call(officer.auth, 'PUT', `/households/${household.id}/bill-book/electricity`, { accountNo: '4401235555' });
    expect(saved.status).toBe(200);
    expect(saved.json.billBook).toEqual([{ billType: 'electricity', accountNoMasked: '******5555', savedAt: expect.any(String) }]);
    expect(saved.raw).not.toContain('4401235555');

    const lookup = await call(officer.auth, 'POST', '/bills/lookup', { billType: 'electricity', householdId: household.id });
    expect(lookup.json.accountNoMasked).toBe('******5555');
    const res = await pay(officer.auth, {
      stationId: TUQIAO.id,
      billType: 'electricity',
      householdId: household.id,
      amountFen: lookup.json.amountDueFen,
      method: 'cash',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'SUCCEEDED', householdId: household.id, accountNoMasked: '******5555' });
    // No water account saved: the officer is told to type one.
    const water = await pay(officer.auth, { stationId: TUQIAO.id, billType: 'water', householdId: household.id, amountFen: 100, method: 'cash' });
    expect([water.status, water.json.error.details[0].path]).toEqual([400, 'body.accountNo']);
  });

  it('another station’s officer, a villager and an admin outside the region cannot see or change the household', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const household = (await register(officer.auth)).json;
    const stranger = await officerOf(doc, tableName, YUSHU);
    const outsider = await createUser(doc, tableName, { role: 'county_admin', regionCode: '632701' });
    const county = await createUser(doc, tableName, { role: 'county_admin', regionCode: '630202' });
    for (const caller of [stranger, outsider]) {
      expect((await call(caller.auth, 'GET', `/households/${household.id}`)).status).toBe(404);
    }
    expect((await call(stranger.auth, 'PUT', `/households/${household.id}/bill-book/water`, { accountNo: '55550001' })).status).toBe(404);
    expect(
      (await pay(stranger.auth, { stationId: YUSHU.id, billType: 'water', householdId: household.id, amountFen: 100, method: 'cash' })).status,
    ).toBe(404);
    const villager = await createUser(doc, tableName, { role: 'villager' });
    expect((await call(villager.auth, 'GET', `/households/${household.id}`)).status).toBe(403);
    expect((await call(county.auth, 'GET', `/households/${household.id}`)).status).toBe(200);
  });
});

describe('linking a villager to their household', () => {
  usePinnedRateLimitClock(); // the rate-limited test below must not straddle a window boundary

  it('the villager shows a one-time code, the officer types it, and the villager then sees the household’s payments', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const household = (await register(officer.auth)).json;
    const paid = await pay(officer.auth, await electricityBody(officer.auth, TUQIAO.id, '4401236666', { householdId: household.id }));
    const villager = await createUser(doc, tableName, { role: 'villager' });
    const neighbour = await createUser(doc, tableName, { role: 'villager' });

    expect((await call(villager.auth, 'GET', '/me/payments')).json).toEqual({ household: null, items: [], nextCursor: null });
    expect((await call(villager.auth, 'GET', `/payments/${paid.json.id}`)).status).toBe(404);

    const code = await call(villager.auth, 'POST', '/me/household-link-code');
    expect(code.status).toBe(201);
    expect(code.json.code).toMatch(/^\d{6}$/);
    const linked = await call(officer.auth, 'POST', `/households/${household.id}/links`, { code: code.json.code });
    expect(linked.status).toBe(201);
    expect(linked.json.household.linkedUserCount).toBe(1);
    // One time only.
    expect((await call(officer.auth, 'POST', `/households/${household.id}/links`, { code: code.json.code })).status).toBe(404);

    const mine = await call(villager.auth, 'GET', '/me/payments');
    expect(mine.json.household).toEqual({ id: household.id, headName: '索南扎西', stationId: TUQIAO.id });
    expect(mine.json.items.map((p: { id: string }) => p.id)).toEqual([paid.json.id]);
    const receipt = (await call(villager.auth, 'GET', `/payments/${paid.json.id}`)).json;
    expect(receipt).toMatchObject({ receiptNo: paid.json.receiptNo, officer: { id: null, name: '才让' } });
    // AZ5: the villager's views carry no staff user ids.
    expect(JSON.stringify([receipt, mine.json])).not.toContain(officer.user.id);
    // Someone else's household stays invisible.
    expect((await call(neighbour.auth, 'GET', `/payments/${paid.json.id}`)).status).toBe(404);
    expect((await call(neighbour.auth, 'GET', '/me/payments')).json.items).toEqual([]);
  });

  it('a code of another officer’s station cannot be redeemed there; guessing codes is rate limited', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const household = (await register(officer.auth)).json;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await call(officer.auth, 'POST', `/households/${household.id}/links`, { code: String(100000 + i) })).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const stranger = await officerOf(doc, tableName, YUSHU);
    const villager = await createUser(doc, tableName, { role: 'villager' });
    const code = (await call(villager.auth, 'POST', '/me/household-link-code')).json.code;
    expect((await call(stranger.auth, 'POST', `/households/${household.id}/links`, { code })).status).toBe(404);
  });
});
