/**
 * The server's own texts follow the language (issue 16), on DynamoDB Local through the real handlers:
 * an error's message, the station poster and the supervision CSV's header answer in Tibetan for a
 * request in `bo` and in Chinese by default; the language a user chooses is stored on their account,
 * and the alert the notifier sends them later (no request in sight) is in it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { recordedMessages } from '../../functions/adapters/local-subscribe-message';
import { LOCAL_ALERT_TEMPLATE_ID } from '../../functions/config/notify';
import { userKeys } from '../../functions/data/keys';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { bo } from '../../functions/i18n/bo';
import { zhCN } from '../../functions/i18n/zh-CN';
import { runNotifier } from '../../functions/jobs/notifier';
import { FEED_CATEGORY_NAMES } from '../../shared';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;

const VILLAGE = '630202002207'; // a village of 乐都区 no other file of this table uses
const STATION = { villageCode: VILLAGE, id: stationIdForVillage(VILLAGE) };
const TIBETAN = /[\u0F00-\u0FFF]/;
const HAN = /[\u4e00-\u9fff]/;
const IN_TIBETAN = { 'accept-language': 'bo-CN' };

let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let admin: User;

beforeAll(async () => {
  table = await useFreshTable('lang');
  await copyStations(table.doc, table.tableName, [VILLAGE]);
  await copyRegionChain(table.doc, table.tableName, '63', true);
  await copyRegionChain(table.doc, table.tableName, VILLAGE);
  officer = await officerOf(table.doc, table.tableName, STATION);
  admin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });
});

const language = (user: User, body: unknown, headers: Record<string, string> = {}) =>
  invoke(handlers.auth, { method: 'PUT', path: '/me/language', headers: { ...user.auth, ...headers }, body });

describe('errors', () => {
  it('a domain 404 and a pipeline 400 answer in Tibetan for bo, in Chinese by default; the code and details stay', async () => {
    const path = '/stations/stnosuchstation000000/qr';
    const tibetan = await invoke(handlers.stations, { path, headers: { ...officer.auth, ...IN_TIBETAN } });
    const chinese = await invoke(handlers.stations, { path, headers: officer.auth });
    expect([tibetan.status, tibetan.json.error.code, tibetan.json.error.message]).toEqual([404, 'NOT_FOUND', bo['error.NOT_FOUND']]);
    expect([chinese.status, chinese.json.error.code, chinese.json.error.message]).toEqual([404, 'NOT_FOUND', zhCN['error.NOT_FOUND']]);
    expect(tibetan.json.error.message).toMatch(TIBETAN);
    expect(chinese.json.error.message).toMatch(HAN);

    const invalid = await language(officer, { language: 'en' }, { 'accept-language': 'bo' });
    expect([invalid.status, invalid.json.error.code, invalid.json.error.message]).toEqual([400, 'VALIDATION_FAILED', bo['error.VALIDATION_FAILED']]);
    expect(invalid.json.error.details[0].path).toBe('body.language');
    const unauthenticated = await invoke(handlers.auth, { path: '/me', headers: IN_TIBETAN });
    expect([unauthenticated.status, unauthenticated.json.error.message]).toEqual([401, bo['error.UNAUTHENTICATED']]);
  });
});

describe('the station poster', () => {
  it('is worded in Tibetan (with a Tibetan font first) for bo and in Chinese by default; the station code is on both', async () => {
    const path = `/stations/${STATION.id}/qr`;
    const tibetan = await invoke(handlers.stations, { path, headers: { ...officer.auth, ...IN_TIBETAN } });
    const chinese = await invoke(handlers.stations, { path, headers: officer.auth });
    expect([tibetan.status, chinese.status]).toEqual([200, 200]);
    expect(tibetan.raw).toContain(bo['poster.scanHint']);
    expect(tibetan.raw).toContain(bo['poster.codeLabel']);
    expect(tibetan.raw).toMatch(/font-family="'Noto Serif Tibetan'/);
    expect(tibetan.raw).not.toContain('益农信息社');
    expect(chinese.raw).toContain('益农信息社');
    expect(chinese.raw).toContain(zhCN['poster.scanHint']);
    expect(chinese.raw).not.toMatch(TIBETAN);
    expect(tibetan.headers.vary).toBe('accept-language');
    for (const res of [tibetan, chinese]) expect(res.raw).toContain(`>${VILLAGE}<`);
  });
});

describe('the supervision CSV', () => {
  it('has its header in Tibetan for bo and in Chinese by default; the figures are the same', async () => {
    const today = businessDay(new Date());
    const csv = (headers: Record<string, string>) =>
      invoke(handlers.services, {
        path: '/regions/63/supervision/export',
        headers: { ...admin.auth, ...headers },
        query: { from: today, to: today },
      });
    const tibetan = await csv(IN_TIBETAN);
    const chinese = await csv({});
    expect([tibetan.status, chinese.status]).toEqual([200, 200]);
    const [boHeader, ...boRows] = tibetan.raw.trim().split('\n');
    const [zhHeader, ...zhRows] = chinese.raw.trim().split('\n');
    expect(boHeader.split(',')).toEqual(
      Object.entries(bo)
        .filter(([key]) => key.startsWith('csv.'))
        .map(([, text]) => text),
    );
    expect(boHeader.split(',').every((cell) => TIBETAN.test(cell))).toBe(true);
    expect(zhHeader.split(',').slice(0, 3)).toEqual(['编码', '名称', '类型']);
    expect(zhHeader.split(',')).toHaveLength(boHeader.split(',').length);
    expect(boRows).toEqual(zhRows);
  });
});

describe('the language on the account', () => {
  it('PUT /me/language stores the choice on the user (shown by /me); a bad value is a 400 that writes nothing', async () => {
    const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
    const before = await snapshotTable(table.doc, table.tableName);
    expect((await language(villager, { language: 'bo', role: 'province_admin' })).status).toBe(400);
    expect((await language(villager, {})).status).toBe(400);
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(before);

    const chosen = await language(villager, { language: 'bo' });
    expect([chosen.status, chosen.json]).toEqual([200, { language: 'bo' }]);
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: userKeys.item(villager.user.id), ConsistentRead: true }));
    expect(Item).toMatchObject({ language: 'bo', role: 'villager' });
    expect((await invoke(handlers.auth, { path: '/me', headers: villager.auth })).json.user.language).toBe('bo');
    expect((await language(villager, { language: 'zh-CN' })).json).toEqual({ language: 'zh-CN' });
  });

  it('an alert reaches a bo subscriber with the item’s Tibetan title and category, a default one in Chinese', async () => {
    const subscriber = async (chosen?: 'bo' | 'zh-CN') => {
      const user = await createUser(table.doc, table.tableName, { role: 'villager' });
      expect(
        (await invoke(handlers.auth, { method: 'PUT', path: '/me/home-station', headers: user.auth, body: { stationId: STATION.id } })).status,
      ).toBe(200);
      const accepted = await invoke(handlers.notify, {
        method: 'POST',
        path: '/me/subscriptions',
        headers: user.auth,
        body: { accepted: [LOCAL_ALERT_TEMPLATE_ID] },
      });
      expect(accepted.status).toBe(200);
      if (chosen) expect((await language(user, { language: chosen })).status).toBe(200);
      return user;
    };
    const tibetanReader = await subscriber('bo');
    const chineseReader = await subscriber();
    const expert = await expertOf(table.doc, table.tableName, '63');
    const title = '乐都区暴雪预警';
    const boTitle = 'ཁ་བའི་ཉེན་བརྡ།'; // under WeChat's 20 characters of a `thing` (code points)
    const id = await feedIn(
      'PUBLISHED',
      expert,
      admin,
      feedBody(VILLAGE.slice(0, 6), { urgent: true, title, translations: { bo: { title: boTitle, body: 'ཉིན་གསུམ་རིང་ཁ་བ་དྲག་པོ་འབབ་ངེས།' } } }),
    );
    expect((await runNotifier()).find((r) => r.feedId === id)).toMatchObject({ sent: 2, failed: 0 });
    const messages = (await recordedMessages(100)).filter((m) => m.request.page?.endsWith(`id=${id}`));
    const to = (user: User) => messages.find((m) => m.request.touser === user.user.openid)!.request.data;
    const values = (data: Record<string, { value: string }>) => Object.values(data).map((v) => v.value);
    expect(values(to(tibetanReader))).toEqual(expect.arrayContaining([boTitle, FEED_CATEGORY_NAMES.weather_alert.bo]));
    expect(values(to(chineseReader))).toEqual(expect.arrayContaining([title, FEED_CATEGORY_NAMES.weather_alert.zh]));
    expect(values(to(chineseReader)).join('')).not.toMatch(TIBETAN);
  });
});
