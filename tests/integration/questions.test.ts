/**
 * Ask an expert on DynamoDB Local through the real handlers (photos through the local S3): what is
 * stored is counted; the clock is injected where hours must pass (escalation, a lapsed claim).
 */
import { dynamoQuestionRepository } from '../../functions/data/questions-repository';
import { recordedMessages } from '../../functions/adapters/local-subscribe-message';
import { s3ImageStore } from '../../functions/adapters/s3-image-store';
import { offsetCursor } from '../../functions/data/cursor';
import { LOCAL_ANSWER_TEMPLATE_ID } from '../../functions/config/notify';
import { claimQuestion } from '../../functions/domain/questions/answer-question';
import { expertInbox } from '../../functions/domain/questions/question-read';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { runEscalation } from '../../functions/jobs/question-escalator';
import { countEntities } from '../harness/count';
import { copyRegionChain, countingQueries } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, TUQIAO, YUSHU } from '../harness/payments';
import { ask, questionBody, questionCall, setHomeStation } from '../harness/questions';
import { snapshotTable } from '../harness/snapshot';
import { ELF_AS_JPEG, fixture, postToStorage, type Presigned } from '../harness/uploads';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
const HUZHU = { villageCode: '630223001201', id: stationIdForVillage('630223001201') }; // 东村, 互助县, 海东市
const HOUR = 3600_000;
const later = (hours: number) => () => new Date(Date.now() + hours * HOUR);

let table: Awaited<ReturnType<typeof useFreshTable>>;
let asker: User;
let neighbour: User;
let huzhuVillager: User;
let yushuVillager: User;
let leduExperts: User[];
let yushuExpert: User;
let livestockExpert: User;

const expert = (regionCode: string, expertField = 'crops' as const) =>
  createUser(table.doc, table.tableName, { role: 'expert', regionCode, expertField });
const villagerAt = async (station: { id: string }) => {
  const user = await createUser(table.doc, table.tableName, { role: 'villager' });
  await setHomeStation(user, station.id);
  return user;
};
const storedQuestion = async (id: string) =>
  JSON.parse((await snapshotTable(table.doc, table.tableName, (i) => i.entity === 'Question' && i.id === id))[0]);
const inboxIds = async (who: User, query: Record<string, string> = {}) => {
  const res = await questionCall(who, 'GET', '/questions/inbox', undefined, query);
  expect(res.status).toBe(200);
  return res.json;
};

beforeAll(async () => {
  table = await useFreshTable('questions');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, HUZHU.villageCode, YUSHU.villageCode]);
  for (const code of [TUQIAO.villageCode, HUZHU.villageCode, YUSHU.villageCode]) await copyRegionChain(table.doc, table.tableName, code);
  asker = await villagerAt(TUQIAO);
  neighbour = await villagerAt(TUQIAO);
  huzhuVillager = await villagerAt(HUZHU);
  yushuVillager = await villagerAt(YUSHU);
  leduExperts = await Promise.all(Array.from({ length: 10 }, () => expert('630202')));
  yushuExpert = await expert('632701');
  livestockExpert = await expert('630202', 'livestock' as 'crops');
});

describe('asking', () => {
  it('stores the question with its village and county; its asker reads it, another villager and an expert of another field get 404', async () => {
    const res = await ask(asker, questionBody({ consent: false }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      field: 'crops',
      state: 'waiting',
      reach: 'county',
      yours: true,
      place: { countyCode: '630202', countyName: '乐都区' },
    });
    expect(res.raw).not.toContain(asker.user.id);
    expect(res.raw).not.toContain(TUQIAO.villageCode);
    expect(await storedQuestion(res.json.id)).toMatchObject({
      askedBy: asker.user.id,
      villageCode: TUQIAO.villageCode,
      stationId: TUQIAO.id,
      status: 'OPEN',
    });
    expect((await questionCall(asker, 'GET', `/questions/${res.json.id}`)).status).toBe(200);
    for (const other of [neighbour, livestockExpert, yushuExpert]) {
      const read = await questionCall(other, 'GET', `/questions/${res.json.id}`);
      expect([read.status, read.json.error.code]).toEqual([404, 'NOT_FOUND']);
    }
    const mine = await questionCall(asker, 'GET', '/me/questions');
    expect(mine.json.items.map((q: { id: string }) => q.id)).toContain(res.json.id);
    expect((await questionCall(neighbour, 'GET', '/me/questions')).json.items).toEqual([]);
  });

  it('a photo that is not an image (an ELF renamed .jpg) is refused by content: 422, nothing stored; a real JPEG is kept', async () => {
    const upload = async (bytes: Buffer) => {
      const asked = await invoke(handlers.feeds, {
        method: 'POST',
        path: '/uploads',
        headers: asker.auth,
        body: { purpose: 'question_photo', contentType: 'image/jpeg', size: bytes.length, thumbnailSize: fixture('field-thumb.jpg').length },
      });
      expect(asked.status).toBe(201);
      const answer = asked.json as { id: string; image: Presigned; thumbnail: Presigned };
      await postToStorage(answer.image, bytes, 'photo.jpg', 'image/jpeg');
      await postToStorage(answer.thumbnail, fixture('field-thumb.jpg'), 'thumb.jpg', 'image/jpeg');
      return answer.id;
    };
    const before = await countEntities(table.doc, table.tableName, 'Question');
    const refused = await ask(asker, questionBody({ photos: [await upload(ELF_AS_JPEG)] }));
    expect([refused.status, refused.json.error.code]).toEqual([422, 'INVALID_IMAGE']);
    expect(await countEntities(table.doc, table.tableName, 'Question')).toBe(before);
    const kept = await ask(asker, questionBody({ photos: [await upload(fixture('field.jpg'))] }));
    expect(kept.status).toBe(201);
    expect(kept.json.photos).toEqual([expect.objectContaining({ width: 400, height: 300 })]);
    const feedImage = await invoke(handlers.feeds, {
      method: 'POST',
      path: '/uploads',
      headers: asker.auth,
      body: { purpose: 'feed_image', contentType: 'image/jpeg', size: 1000, thumbnailSize: 1000 },
    });
    expect(feedImage.status).toBe(403);
  });
});

describe('claiming and answering', () => {
  it('10 experts claim at once: exactly one wins (one claim record stored), the others 409; only the winner answers', async () => {
    const { json: q } = await ask(asker);
    const claims = await Promise.all(leduExperts.map((e) => questionCall(e, 'POST', `/questions/${q.id}/claim`)));
    const statuses = claims.map((c) => c.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    const winner = leduExperts[claims.findIndex((c) => c.status === 200)];
    const records = await snapshotTable(table.doc, table.tableName, (i) => i.entity === 'QuestionClaim' && i.questionId === q.id);
    expect(records.length).toBe(1);
    expect(JSON.parse(records[0]).expertId).toBe(winner.user.id);
    expect((await storedQuestion(q.id)).claimedBy).toBe(winner.user.id);
    const loser = leduExperts.find((e) => e !== winner)!;
    expect((await questionCall(loser, 'POST', `/questions/${q.id}/answer`, { text: '喷施多菌灵' })).status).toBe(409);
  });

  it('the answer reaches the asker (GET, /me/questions) with one subscribe message recorded by the local adapter', async () => {
    const allowed = await invoke(handlers.notify, {
      method: 'POST',
      path: '/me/subscriptions',
      headers: asker.auth,
      body: { accepted: [LOCAL_ANSWER_TEMPLATE_ID] },
    });
    expect(allowed.status).toBe(200);
    const { json: q } = await ask(asker);
    const [e] = leduExperts;
    expect((await questionCall(e, 'POST', `/questions/${q.id}/claim`)).status).toBe(200);
    const answered = await questionCall(e, 'POST', `/questions/${q.id}/answer`, { text: '可能是条纹病，请用多菌灵喷施，七天一次。' });
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ state: 'answered', answer: { byYou: true } });
    const seen = await questionCall(asker, 'GET', `/questions/${q.id}`);
    expect(seen.json).toMatchObject({ state: 'answered', yours: true, answer: { text: '可能是条纹病，请用多菌灵喷施，七天一次。', byYou: false } });
    expect(seen.raw).not.toContain(e.user.id);
    const sent = (await recordedMessages(20)).filter((m) => m.request.touser === asker.user.openid);
    expect(sent.length).toBe(1);
    expect(sent[0].request).toMatchObject({ template_id: LOCAL_ANSWER_TEMPLATE_ID, page: `packages/ask/pages/question/index?id=${q.id}` });
    expect((await questionCall(e, 'POST', `/questions/${q.id}/answer`, { text: '再答一次' })).status).toBe(409);
  });

  it('a claim lapses after 24 h: another expert may claim it then, and the first no longer answers', async () => {
    const { json: q } = await ask(asker);
    const [first, second] = leduExperts;
    expect((await questionCall(first, 'POST', `/questions/${q.id}/claim`)).status).toBe(200);
    expect((await questionCall(second, 'POST', `/questions/${q.id}/claim`)).status).toBe(409);
    const deps = {
      questions: dynamoQuestionRepository,
      images: s3ImageStore,
      now: later(25),
    } as unknown as Parameters<typeof claimQuestion>[0];
    const caller = { userId: second.user.id, role: 'expert' as const, regionCode: '630202', expertField: 'crops' as const };
    await expect(claimQuestion(deps, caller, q.id)).resolves.toMatchObject({ claim: { byYou: true } });
    expect((await questionCall(first, 'POST', `/questions/${q.id}/answer`, { text: '晚了' })).status).toBe(409);
    expect(await countEntities(table.doc, table.tableName, 'QuestionClaim')).toBeGreaterThanOrEqual(3);
  });
});

describe('the inbox and escalation', () => {
  it('reaches the county first, the prefecture after 48 h, the province after 96 h; nearest first, at most 1 + 3 Queries a page', async () => {
    // A fresh field so earlier tests' questions do not count.
    const field = 'market';
    const [leduExpert, yushuMarket, huzhuMarket] = await Promise.all([
      expert('630202', field as 'crops'),
      expert('632701', field as 'crops'),
      expert('630223', field as 'crops'),
    ]);
    const body = questionBody({ field });
    const yushuOld = (await ask(yushuVillager, body)).json.id;
    const huzhuOld = (await ask(huzhuVillager, body)).json.id;
    expect((await inboxIds(leduExpert)).items).toEqual([]);
    expect(await runEscalation(later(49))).toBeGreaterThanOrEqual(2);
    expect(await runEscalation(later(97))).toBeGreaterThanOrEqual(2);
    expect(await runEscalation(later(97))).toBe(0); // idempotent: a second run moves nothing
    const huzhuNew = (await ask(huzhuVillager, body)).json.id;
    await runEscalation(later(49));
    const leduNew = (await ask(asker, body)).json.id;

    const { result: page, queries } = await countingQueries(() => inboxIds(leduExpert));
    expect(page.items.map((q: { id: string }) => q.id)).toEqual([leduNew, huzhuNew, yushuOld, huzhuOld]);
    expect(page.items.map((q: { reach: string }) => q.reach)).toEqual(['county', 'prefecture', 'province', 'province']);
    expect(queries).toBeLessThanOrEqual(4);
    const first = await inboxIds(leduExpert, { limit: '2' });
    const second = await inboxIds(leduExpert, { limit: '2', cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((q: { id: string }) => q.id)).toEqual([leduNew, huzhuNew, yushuOld, huzhuOld]);
    expect((await inboxIds(yushuMarket)).items.map((q: { id: string }) => q.id)).toEqual([yushuOld, huzhuOld]);
    expect((await inboxIds(huzhuMarket)).items.map((q: { id: string }) => q.id)).toEqual([huzhuNew, yushuOld, huzhuOld]);
    const stored = await storedQuestion(yushuOld);
    expect(stored.escalations.map((e: { to: string }) => e.to)).toEqual(['prefecture', 'province']);
    expect(stored.escalations[0]).toEqual({ to: 'prefecture', dueAt: expect.any(String), at: expect.any(String) });
  });

  it('the inbox escalates what is due before reading (a late job hides nothing)', async () => {
    const field = 'policy';
    const huzhuPolicy = await expert('630223', field as 'crops');
    const id = (await ask(asker, questionBody({ field }))).json.id;
    const deps = { questions: dynamoQuestionRepository, images: s3ImageStore, offsets: offsetCursor };
    const caller = { userId: huzhuPolicy.user.id, role: 'expert' as const, regionCode: '630223', expertField: field as 'crops' };
    expect((await expertInbox(deps, caller, { limit: 20 })).items).toEqual([]);
    const late = await expertInbox({ ...deps, now: later(49) }, caller, { limit: 20 });
    expect(late.items.map((q) => [q.id, q.reach])).toEqual([[id, 'prefecture']]);
  });
});

describe('publication and search', () => {
  it('an answered question with consent is found in Chinese and pinyin, anonymised; without consent never', async () => {
    const [e] = leduExperts;
    const answer = async (q: string) => {
      expect((await questionCall(e, 'POST', `/questions/${q}/claim`)).status).toBe(200);
      expect((await questionCall(e, 'POST', `/questions/${q}/answer`, { text: '这是锈病，用粉锈宁防治。' })).status).toBe(200);
    };
    const shared = (await ask(asker, questionBody({ text: '油菜叶片发黄卷曲是什么病？', consent: true }))).json.id;
    const secret = (await ask(asker, questionBody({ text: '油菜叶片发黄卷曲，我家地里严重', consent: false }))).json.id;
    await answer(shared);
    await answer(secret);
    const search = (q: string) => questionCall(neighbour, 'GET', '/questions/search', undefined, { q });
    for (const q of ['油菜', 'youcai', 'ycyp', '锈病', 'xiu bing']) {
      const res = await search(q);
      expect(res.status).toBe(200);
      expect(res.json.items.map((i: { id: string }) => i.id)).toEqual([shared]);
    }
    const hit = (await search('油菜')).raw;
    for (const secretBit of [asker.user.id, e.user.id, TUQIAO.villageCode, TUQIAO.id, '土桥', asker.user.openid])
      expect(hit).not.toContain(secretBit);
    expect(JSON.parse(hit).items[0].place).toEqual({ countyName: '乐都区' });
    expect((await questionCall(neighbour, 'GET', `/questions/${shared}`)).json).toMatchObject({
      yours: false,
      state: 'answered',
      escalations: [],
      claim: null,
    });
    expect((await questionCall(neighbour, 'GET', `/questions/${secret}`)).status).toBe(404);
    expect((await snapshotTable(table.doc, table.tableName, (i) => i.entity === 'PublishedQuestion')).filter((i) => i.includes(secret))).toEqual([]);
    expect((await snapshotTable(table.doc, table.tableName, (i) => i.entity === 'PublishedQuestion')).filter((i) => i.includes(shared)).length).toBe(
      1,
    );
  });
});
