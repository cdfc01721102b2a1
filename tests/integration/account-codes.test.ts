/**
 * Appointing an officer by the short code they show from "me" (issue 10 item 5): the code lives in its
 * own key space (never a household link code), is used up by the appointment, expires, is rate
 * limited against guessing, and every way of missing (typo, expired, used, out of reach) is the same 404.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { accountCodeKeys, linkCodeKeys, userKeys } from '../../functions/data/keys';
import { ACCOUNT_CODE_ATTEMPTS_PER_HOUR } from '../../functions/domain/accounts/account-code';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { localClients } from '../../scripts/lib/local-clients';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const TUQIAO = stationIdForVillage('630202002214'); // 乐都区 630202
const YUSHU_VILLAGE = stationIdForVillage('632701001201'); // 玉树市 632701
const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;

const issue = (auth: Record<string, string>) => invoke(handlers.auth, { method: 'POST', path: '/me/account-code', headers: auth });
const appoint = (auth: Record<string, string>, body: unknown) =>
  invoke(handlers.admin, { method: 'POST', path: '/admin/officers', headers: auth, body });
const get = async (key: { PK: string; SK: string }) => (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

describe('account codes: appoint an officer by the code they show', () => {
  it('a villager shows a code (digits and QR); the admin appoints them with it, once; it is not a link code', async () => {
    const admin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const villager = await createUser(doc, table, { role: 'villager' });
    const issued = await issue(villager.auth);
    expect(issued.status).toBe(201);
    const { code, expiresAt, qrImage } = issued.json;
    expect(code).toMatch(/^\d{8}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(qrImage).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrImage.split(',')[1], 'base64').toString()).toContain('<svg');
    // Its own key space: stored as an account code, and nothing under the household link codes.
    expect(await get(accountCodeKeys.item(code))).toMatchObject({ userId: villager.user.id });
    expect(await get(linkCodeKeys.item(code))).toBeUndefined();
    expect(JSON.stringify(issued.json)).not.toContain(villager.user.id);

    const res = await appoint(admin.auth, { stationId: TUQIAO, accountCode: code });
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: villager.user.id, role: 'officer', stationId: TUQIAO });
    expect(await get(userKeys.item(villager.user.id))).toMatchObject({ role: 'officer', stationId: TUQIAO });
    // Used up in the same transaction: a second appointment with it is the same 404 as a typo.
    expect(await get(accountCodeKeys.item(code))).toBeUndefined();
    const again = await appoint(admin.auth, { stationId: TUQIAO, accountCode: code });
    expect(again.status).toBe(404);
  });

  it('a typo, an expired code and a person out of the admin’s reach answer the same 404, and change nothing', async () => {
    const leduAdmin = await createUser(doc, table, { role: 'county_admin', regionCode: '630202' });
    const yushuAdmin = await createUser(doc, table, { role: 'county_admin', regionCode: '632701' });
    const yushuOfficer = await createUser(doc, table, { role: 'villager' });
    expect((await appoint(yushuAdmin.auth, { stationId: YUSHU_VILLAGE, userId: yushuOfficer.user.id })).status).toBe(200);
    const outOfReach = (await issue(yushuOfficer.auth)).json.code;

    const expiredUser = await createUser(doc, table, { role: 'villager' });
    const expired = '0' + String(Date.now()).slice(-7);
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: { ...accountCodeKeys.item(expired), entity: 'AccountCode', userId: expiredUser.user.id, expiresAtMs: Date.now() - 1000, expiresAt: 1 },
      }),
    );
    let typo = '12345678';
    while (await get(accountCodeKeys.item(typo))) typo = String(Number(typo) + 1);

    const answers = await Promise.all([typo, expired, outOfReach].map((accountCode) => appoint(leduAdmin.auth, { stationId: TUQIAO, accountCode })));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((a) => JSON.stringify({ ...a.json.error, requestId: undefined }))).size).toBe(1);
    // The same words as an unknown user id: the contract never tells which.
    const unknownId = await appoint(leduAdmin.auth, { stationId: TUQIAO, userId: 'unosuchuser' });
    expect(unknownId.json.error.message).toBe(answers[0].json.error.message);
    expect(await get(userKeys.item(yushuOfficer.user.id))).toMatchObject({ role: 'officer', stationId: YUSHU_VILLAGE });
    expect((await get(userKeys.item(expiredUser.user.id)))?.role).toBe('villager');
    // The out-of-reach code was not used up by the refused attempt.
    expect(await get(accountCodeKeys.item(outOfReach))).toBeDefined();
  });

  it('the admin names the person one way only; a household link code is not an account code', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const villager = await createUser(doc, table, { role: 'villager' });
    const code = (await issue(villager.auth)).json.code;
    for (const body of [
      { stationId: TUQIAO },
      { stationId: TUQIAO, userId: villager.user.id, accountCode: code },
      { stationId: TUQIAO, accountCode: '123456' },
      { stationId: TUQIAO, accountCode: code, role: 'officer' },
    ]) {
      expect((await appoint(admin.auth, body)).status).toBe(400);
    }
    const link = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: villager.auth });
    expect(link.status).toBe(201);
    expect((await appoint(admin.auth, { stationId: TUQIAO, accountCode: `00${link.json.code}` })).status).toBe(404);
    expect((await get(userKeys.item(villager.user.id)))?.role).toBe('villager');
  });

  it('guessing is rate limited per admin: every try counts, found or not', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_CODE_ATTEMPTS_PER_HOUR; i++) {
      statuses.push((await appoint(admin.auth, { stationId: TUQIAO, accountCode: String(90_000_000 + i) })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
