/**
 * Records name people by name, never by raw user id (issue 10 item 7, AZ5): who registered a household,
 * who edited a station. The names of a whole page come from one BatchGet, not one read per row.
 */
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../functions/data/client';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, TUQIAO } from '../harness/payments';
import { createUser } from '../harness/users';

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('names'));
  await copyStations(doc, tableName, [TUQIAO.villageCode]);
});

/** The DynamoDB commands a call sends, by name (a spy on the SDK client, not on our code). */
async function commandsOf<T>(call: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const spy = jest.spyOn(db(), 'send');
  try {
    const result = await call();
    return { result, sent: spy.mock.calls.map(([command]) => command.constructor.name) };
  } finally {
    spy.mockRestore();
  }
}

describe('people are named, not identified', () => {
  it('a page of households names who registered each, with one BatchGet for the page and no raw ids', async () => {
    const named = await officerOf(doc, tableName, TUQIAO, '才让');
    const unnamed = await createUser(doc, tableName, { role: 'officer', stationId: TUQIAO.id, stationVillageCode: TUQIAO.villageCode });
    const admin = await createUser(doc, tableName, { role: 'county_admin', regionCode: '630202', name: '乐都区管理员' });
    for (const [officer, headName] of [
      [named, '索南'],
      [unnamed, '卓玛'],
      [named, '扎西'],
      [unnamed, '拉毛'],
    ] as const) {
      const res = await invoke(handlers.payments, {
        method: 'POST',
        path: `/stations/${TUQIAO.id}/households`,
        headers: officer.auth,
        body: { headName, consent: true },
      });
      expect(res.status).toBe(201);
      expect(res.json.consent.by).toEqual({ name: officer === named ? '才让' : null, role: 'officer', idTail: officer.user.id.slice(-4), you: true });
    }

    const { result: list, sent } = await commandsOf(() =>
      invoke(handlers.payments, { path: `/stations/${TUQIAO.id}/households`, headers: admin.auth, query: { limit: '10' } }),
    );
    expect(list.status).toBe(200);
    const byHead = Object.fromEntries(list.json.items.map((h: any) => [h.headName, h.consent.by]));
    expect(byHead).toEqual({
      索南: { name: '才让', role: 'officer', idTail: named.user.id.slice(-4), you: false },
      扎西: { name: '才让', role: 'officer', idTail: named.user.id.slice(-4), you: false },
      卓玛: { name: null, role: 'officer', idTail: unnamed.user.id.slice(-4), you: false },
      拉毛: { name: null, role: 'officer', idTail: unnamed.user.id.slice(-4), you: false },
    });
    for (const id of [named.user.id, unnamed.user.id]) expect(list.raw).not.toContain(id);
    // The caller (authentication) and the station (access) are a Get each, the page one Query, and
    // the four rows' two authors one BatchGet: nothing per row.
    expect(sent.filter((name) => name === BatchGetCommand.name)).toHaveLength(1);
    expect(sent.filter((name) => name === GetCommand.name)).toHaveLength(2);
    expect(sent).toHaveLength(4);

    const one = await invoke(handlers.payments, { path: `/households/${list.json.items[0].id}`, headers: admin.auth });
    expect(one.json.consent.by.idTail).toHaveLength(4);
    expect(one.raw).not.toMatch(new RegExp(`${named.user.id}|${unnamed.user.id}`));
  });

  it("a station's history names its editors by role and name, the caller as themselves, and no raw ids", async () => {
    const admin = await createUser(doc, tableName, { role: 'county_admin', regionCode: '630202', name: '乐都区管理员' });
    const unnamedAdmin = await createUser(doc, tableName, { role: 'prefecture_admin', regionCode: '6302' });
    const officer = await officerOf(doc, tableName, TUQIAO, '才让');
    for (const [who, phone] of [
      [admin, '13900000001'],
      [unnamedAdmin, '13900000002'],
      [officer, '13900000003'],
    ] as const) {
      const res = await invoke(handlers.stations, { method: 'PATCH', path: `/stations/${TUQIAO.id}`, headers: who.auth, body: { phone } });
      expect(res.status).toBe(200);
    }
    const history = await invoke(handlers.stations, { path: `/stations/${TUQIAO.id}/history`, headers: officer.auth });
    expect(history.status).toBe(200);
    expect(history.json.items.slice(0, 3).map((c: any) => c.by)).toEqual([
      { name: '才让', role: 'officer', idTail: officer.user.id.slice(-4), you: true },
      { name: null, role: 'prefecture_admin', idTail: unnamedAdmin.user.id.slice(-4), you: false },
      { name: '乐都区管理员', role: 'county_admin', idTail: admin.user.id.slice(-4), you: false },
    ]);
    for (const id of [admin.user.id, unnamedAdmin.user.id, officer.user.id]) expect(history.raw).not.toContain(id);
    expect(history.json.items[0]).not.toHaveProperty('byUserId');
  });
});
