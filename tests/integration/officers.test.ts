/**
 * Admins appoint and remove officers inside their region; the change takes effect on the very
 * next request. Runs on the seeded Qinghai table (stations) with users created per test.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { userKeys } from '../../functions/data/keys';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { localClients } from '../../scripts/lib/local-clients';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const TUQIAO = stationIdForVillage('630202002214'); // 土桥村, 乐都区 630202, 海东市 6302
const YUSHU_VILLAGE = stationIdForVillage('632701001201'); // a village of 玉树市 632701
const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;

const appoint = (auth: Record<string, string>, body: unknown) =>
  invoke(handlers.admin, { method: 'POST', path: '/admin/officers', headers: auth, body });
const remove = (auth: Record<string, string>, userId: string) =>
  invoke(handlers.admin, { method: 'DELETE', path: `/admin/officers/${userId}`, headers: auth });
const stored = async (userId: string) => (await doc.send(new GetCommand({ TableName: table, Key: userKeys.item(userId) }))).Item;

describe('appointing and removing officers', () => {
  it('a county admin appoints a villager as officer of a station in the county; the officer’s next request sees it', async () => {
    const admin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const villager = await createUser(doc, table, { role: 'villager' });
    const res = await appoint(admin.auth, { stationId: TUQIAO, userId: villager.user.id });
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: villager.user.id, role: 'officer', stationId: TUQIAO });
    expect(await stored(villager.user.id)).toMatchObject({ role: 'officer', stationId: TUQIAO, stationVillageCode: '630202002214' });

    const me = await invoke(handlers.auth, { path: '/me', headers: villager.auth });
    expect(me.json.user.role).toBe('officer');
    expect(me.json.station).toMatchObject({ id: TUQIAO, villageName: '土桥村', regionNames: ['青海省', '海东市', '乐都区', '岗沟街道'] });
    const officers = await invoke(handlers.admin, { path: `/stations/${TUQIAO}/officers`, headers: villager.auth });
    expect(officers.status).toBe(200);
    expect(officers.json.items.map((o: any) => o.id)).toContain(villager.user.id);
  });

  it('a removed officer is refused on the very next request', async () => {
    const admin = await createUser(doc, table, { role: 'prefecture_admin', regionCode: '6302' });
    const officer = await createUser(doc, table, { role: 'villager' });
    expect((await appoint(admin.auth, { stationId: TUQIAO, userId: officer.user.id })).status).toBe(200);
    expect((await invoke(handlers.admin, { path: `/stations/${TUQIAO}/officers`, headers: officer.auth })).status).toBe(200);

    const removed = await remove(admin.auth, officer.user.id);
    expect(removed.status).toBe(200);
    expect(removed.json.user).toEqual({ id: officer.user.id, role: 'villager' });
    const next = await invoke(handlers.admin, { path: `/stations/${TUQIAO}/officers`, headers: officer.auth });
    expect(next.status).toBe(403);
    expect(await stored(officer.user.id)).not.toHaveProperty('stationId');
    const officers = await invoke(handlers.admin, { path: `/stations/${TUQIAO}/officers`, headers: admin.auth });
    expect(officers.json.items.map((o: any) => o.id)).not.toContain(officer.user.id);
  });

  it('an admin gets 404 for a station outside their region and nothing changes', async () => {
    const admin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const villager = await createUser(doc, table, { role: 'villager' });
    const res = await appoint(admin.auth, { stationId: YUSHU_VILLAGE, userId: villager.user.id });
    expect(res.status).toBe(404);
    expect((await stored(villager.user.id))?.role).toBe('villager');
    expect((await invoke(handlers.admin, { path: `/stations/${YUSHU_VILLAGE}/officers`, headers: admin.auth })).status).toBe(404);
  });

  it('an admin cannot take over or remove an officer of a station outside their region (404)', async () => {
    const yushuAdmin = await createUser(doc, table, { role: 'county_admin', regionCode: '632701' });
    const leduAdmin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const officer = await createUser(doc, table, { role: 'villager' });
    expect((await appoint(yushuAdmin.auth, { stationId: YUSHU_VILLAGE, userId: officer.user.id })).status).toBe(200);
    expect((await appoint(leduAdmin.auth, { stationId: TUQIAO, userId: officer.user.id })).status).toBe(404);
    expect((await remove(leduAdmin.auth, officer.user.id)).status).toBe(404);
    expect(await stored(officer.user.id)).toMatchObject({ role: 'officer', stationId: YUSHU_VILLAGE });
  });

  it('an admin of the region is never turned into an officer (409); unknown users are 404', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const otherAdmin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const res = await appoint(admin.auth, { stationId: TUQIAO, userId: otherAdmin.user.id });
    expect([res.status, res.json.error.code]).toEqual([409, 'CONFLICT']);
    expect((await stored(otherAdmin.user.id))?.role).toBe('county_admin');
    expect((await appoint(admin.auth, { stationId: TUQIAO, userId: 'unosuchuser' })).status).toBe(404);
    expect((await remove(admin.auth, 'unosuchuser')).status).toBe(404);
  });

  it('a user outside the admin’s region (admins elsewhere, experts) is 404 like an unknown user: no role disclosed, nothing changed', async () => {
    const leduAdmin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const targets = await Promise.all([
      createUser(doc, table, { role: 'county_admin', regionCode: '632701' }), // another county
      createUser(doc, table, { role: 'prefecture_admin', regionCode: '6302' }), // above the admin
      createUser(doc, table, { role: 'province_admin', regionCode: '63' }),
      createUser(doc, table, { role: 'expert' }),
    ]);
    const unknown = await appoint(leduAdmin.auth, { stationId: TUQIAO, userId: 'unosuchuser' });
    for (const target of targets) {
      const res = await appoint(leduAdmin.auth, { stationId: TUQIAO, userId: target.user.id });
      expect([target.user.role, res.status, res.json.error.code]).toEqual([target.user.role, 404, 'NOT_FOUND']);
      expect(res.json.error.message).toBe(unknown.json.error.message);
      expect(res.raw).not.toContain(target.user.role);
      expect(await stored(target.user.id)).toMatchObject({
        role: target.user.role,
        ...(target.user.regionCode ? { regionCode: target.user.regionCode } : {}),
      });
    }
  });

  it('an officer sees only their own station’s officers (404 elsewhere)', async () => {
    const officer = await createUser(doc, table, { role: 'officer', stationId: TUQIAO, stationVillageCode: '630202002214' });
    expect((await invoke(handlers.admin, { path: `/stations/${YUSHU_VILLAGE}/officers`, headers: officer.auth })).status).toBe(404);
  });

  it('AZ4: extra fields in the appointment body are 400 and change nothing', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const villager = await createUser(doc, table, { role: 'villager' });
    for (const extra of [{ role: 'province_admin' }, { regionCode: '63' }, { PK: 'USER#x' }, { status: 'active' }]) {
      const res = await appoint(admin.auth, { stationId: TUQIAO, userId: villager.user.id, ...extra });
      expect(res.status).toBe(400);
    }
    expect((await stored(villager.user.id))?.role).toBe('villager');
  });
});
