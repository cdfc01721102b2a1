/**
 * Managing a station: edits (with audit and optimistic concurrency), phone reveal, QR poster,
 * home station. On the seeded table, with stations of 乐都区 no other test touches.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { geoKeys, stationKeys } from '../../functions/data/keys';
import { encodeGeohash } from '../../functions/domain/stations/geo';
import { buildQinghaiDataset } from '../../scripts/lib/qinghai-dataset';
import { usePinnedRateLimitClock } from '../harness/clock';
import { localClients } from '../../scripts/lib/local-clients';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;
const ledu = buildQinghaiDataset().stations.filter((s) => s.villageCode.startsWith('630202') && s.location && s.phone);
const [stationA, stationB, stationC] = [ledu[10], ledu[20], ledu[30]];
const officerOf = (s: typeof stationA) =>
  createUser(doc, table, { role: 'officer', stationId: s.id, stationVillageCode: s.villageCode, name: '测试信息员' });
const patch = (id: string, auth: Record<string, string>, body: unknown) =>
  invoke(handlers.stations, { method: 'PATCH', path: `/stations/${id}`, headers: auth, body });
const changesOf = async (id: string) =>
  (
    await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :c)',
        ExpressionAttributeValues: { ':pk': stationKeys.item(id).PK, ':c': 'CHANGE#' },
      }),
    )
  ).Items ?? [];
const geoEntriesAt = async (lat: number, lng: number) =>
  (
    await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': geoKeys.entry(encodeGeohash(lat, lng, 9), 'x').PK },
      }),
    )
  ).Items ?? [];

describe('station edits', () => {
  it('an officer sets location, hours and phone of their station; the change is recorded and the geo index moves', async () => {
    const officer = await officerOf(stationA);
    const newLocation = { lat: 36.51, lng: 102.33 };
    const res = await patch(stationA.id, officer.auth, {
      location: newLocation,
      openingHours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
      phone: '13912345678',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ location: newLocation, phoneMasked: '139****5678', openingHours: [{ open: '08:30' }] });
    expect(res.raw).not.toContain('13912345678');

    const changes = await changesOf(stationA.id);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ byUserId: officer.user.id, byRole: 'officer', fields: ['location', 'openingHours', 'phone'] });
    expect((await geoEntriesAt(newLocation.lat, newLocation.lng)).filter((e) => e.stationId === stationA.id)).toHaveLength(1);
    expect((await geoEntriesAt(stationA.location!.lat, stationA.location!.lng)).filter((e) => e.stationId === stationA.id)).toHaveLength(0);

    const history = await invoke(handlers.stations, { path: `/stations/${stationA.id}/history`, headers: officer.auth });
    expect(history.status).toBe(200);
    // The record keeps the number whole (audit); the history shows it masked, as the profile does.
    expect(changes[0].after).toMatchObject({ phone: '13912345678' });
    expect(history.json.items[0]).toMatchObject({ fields: ['location', 'openingHours', 'phone'], after: { phone: '139****5678' } });
    expect(history.raw).not.toContain('13912345678');
  });

  it('an officer may not change type or capabilities (403), nor another station at all (404); nothing is written', async () => {
    const officer = await officerOf(stationB);
    const before = (await changesOf(stationB.id)).length;
    const refused = await patch(stationB.id, officer.auth, { type: 'simple' });
    expect(refused.status).toBe(403);
    expect(refused.json.error.details[0].path).toBe('body.type');
    expect((await patch(stationC.id, officer.auth, { phone: '13900000000' })).status).toBe(404);
    expect((await changesOf(stationB.id)).length).toBe(before);
  });

  it('admins change type and capabilities inside their region only', async () => {
    const county = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const other = await createUser(doc, table, { role: 'county_admin', regionCode: '632701' });
    const capabilities = { billPayment: true, cashWithdrawal: false, parcelPickup: false, produceSelling: false, training: false };
    const res = await patch(stationB.id, county.auth, { type: 'simple', capabilities });
    expect(res.status).toBe(200);
    expect(res.json.services.find((s: any) => s.key === 'ecommerce').available).toBe(false);
    expect((await patch(stationB.id, other.auth, { type: 'standard' })).status).toBe(404);
  });

  it('AZ4: unknown or internal fields are 400 and change nothing', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const before = (await changesOf(stationC.id)).length;
    for (const body of [{ version: 99 }, { code: 'HIJACK' }, { officers: {} }, { PK: 'x' }, { villageName: 'x' }, {}]) {
      expect((await patch(stationC.id, admin.auth, body)).status).toBe(400);
    }
    expect((await changesOf(stationC.id)).length).toBe(before);
  });

  it('concurrent edits never lose one another: every success is one recorded change', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const before = (await changesOf(stationC.id)).length;
    const phones = Array.from({ length: 6 }, (_, i) => `1390000000${i}`);
    const results = await Promise.all(phones.map((phone) => patch(stationC.id, admin.auth, { phone })));
    const ok = results.filter((r) => r.status === 200).length;
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect((await changesOf(stationC.id)).length - before).toBe(ok);
  });
});

describe('phone reveal, poster and home station', () => {
  usePinnedRateLimitClock(); // the rate-limited test below must not straddle a window boundary

  it('the profile masks the phone; a signed-in user reveals it, within a rate limit', async () => {
    const profile = await invoke(handlers.stations, { path: `/stations/by-code/${ledu[40].code}` });
    expect(profile.json.phoneMasked).toMatch(/^0972-\*+\d{4}$/);
    const villager = await createUser(doc, table, { role: 'villager' });
    const reveal = await invoke(handlers.stations, { path: `/stations/${ledu[40].id}/phone`, headers: villager.auth });
    expect(reveal.status).toBe(200);
    expect(reveal.json.phone).toBe(ledu[40].phone);
    expect((await invoke(handlers.stations, { path: `/stations/${ledu[40].id}/phone` })).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await invoke(handlers.stations, { path: `/stations/${ledu[40].id}/phone`, headers: villager.auth })).status);
    expect(statuses.filter((s) => s === 429).length).toBe(1); // the 21st call of the hour
  });

  it('officers and admins over the region download the A4 poster; others get 404 or 403', async () => {
    const officer = await officerOf(ledu[41]);
    const res = await invoke(handlers.stations, { path: `/stations/${ledu[41].id}/qr`, headers: officer.auth });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.raw).toContain('width="210mm" height="297mm"');
    expect(res.raw).toContain(`${ledu[41].villageName}益农信息社`);
    expect(res.raw).toContain(ledu[41].code);
    expect(res.raw).toMatch(/<path d="M[\d.]+ [\d.]+h/);
    const admin = await createUser(doc, table, { role: 'prefecture_admin', regionCode: '6302' });
    expect((await invoke(handlers.stations, { path: `/stations/${ledu[41].id}/qr`, headers: admin.auth })).status).toBe(200);
    const otherOfficer = await officerOf(ledu[42]);
    expect((await invoke(handlers.stations, { path: `/stations/${ledu[41].id}/qr`, headers: otherOfficer.auth })).status).toBe(404);
    const villager = await createUser(doc, table, { role: 'villager' });
    expect((await invoke(handlers.stations, { path: `/stations/${ledu[41].id}/qr`, headers: villager.auth })).status).toBe(403);
  });

  it('a villager binds a home station and sees it on /me; an unknown station is 404', async () => {
    const villager = await createUser(doc, table, { role: 'villager' });
    const res = await invoke(handlers.auth, { method: 'PUT', path: '/me/home-station', headers: villager.auth, body: { stationId: ledu[43].id } });
    expect(res.status).toBe(200);
    expect(res.json.homeStation).toMatchObject({ id: ledu[43].id, villageName: ledu[43].villageName });
    expect(res.json.user.homeStationId).toBe(ledu[43].id);
    const missing = await invoke(handlers.auth, {
      method: 'PUT',
      path: '/me/home-station',
      headers: villager.auth,
      body: { stationId: 'stnosuchstation' },
    });
    expect(missing.status).toBe(404);
  });
});
