/**
 * Free text through the HTTP pipeline (shared/schemas/common.ts `freeText`): control and bidi-override
 * characters are 400 VALIDATION_FAILED and write nothing; a decomposed (NFD) name is stored composed (NFC).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { householdKeys } from '../../functions/data/keys';
import { countItems } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, TUQIAO } from '../harness/payments';
import { sessionBody, trainingCall } from '../harness/training';

let table: Awaited<ReturnType<typeof useFreshTable>>;
beforeAll(async () => {
  table = await useFreshTable('text');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
});

const register = (auth: Record<string, string>, body: Record<string, unknown>) =>
  invoke(handlers.payments, { method: 'POST', path: `/stations/${TUQIAO.id}/households`, headers: auth, body: { consent: true, ...body } });

describe('free text in a household', () => {
  it('a name with U+202E (right-to-left override), another bidi or a control character is 400 and writes nothing', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO);
    const before = await countItems(table.doc, table.tableName);
    const cases = [
      { body: { headName: '索南\u202E扎西' }, path: 'body.headName' },
      { body: { headName: 'Tashi\u2066 Dorje' }, path: 'body.headName' },
      { body: { headName: '卓玛\u0007' }, path: 'body.headName' },
      { body: { headName: '才让', members: [{ name: '卓\u200F玛' }] }, path: 'body.members.0.name' },
    ];
    for (const { body, path } of cases) {
      const res = await register(officer.auth, body);
      expect([res.status, res.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await countItems(table.doc, table.tableName)).toBe(before);
  });

  it('a name typed decomposed (NFD: u + combining marks) is stored and answered composed (NFC)', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO);
    const decomposed = 'Lu\u0308\u030c Xia\u0300'; // Lǚ Xià in pinyin, as some keyboards send it
    const composed = decomposed.normalize('NFC');
    expect(composed).not.toBe(decomposed);
    const res = await register(officer.auth, { headName: decomposed, members: [{ name: `  ${decomposed}  `, relation: 'spouse' }] });
    expect(res.status).toBe(201);
    expect(res.json.headName).toBe(composed);
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: householdKeys.item(res.json.id), ConsistentRead: true }));
    expect(Item?.headName).toBe(composed);
    expect(JSON.stringify(Item)).not.toContain(decomposed);
  });

  it('a Tibetan name is measured in characters a reader sees: 40 (79 code points) is stored, one syllable more is 400 and writes nothing', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO);
    const tibetan = (syllables: number) => `${'སྒྲུབ་'.repeat(syllables - 1)}ཀ`; // སྒྲུ བ ་ per syllable: 3 characters, 6 code points
    const stored = await register(officer.auth, { headName: tibetan(14), members: [{ name: 'བཀྲ་ཤིས་རྡོ་རྗེ' }] });
    expect([stored.status, stored.json.headName]).toEqual([201, tibetan(14)]);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: householdKeys.item(stored.json.id), ConsistentRead: true }),
    );
    expect([Item?.headName, tibetan(14).length]).toEqual([tibetan(14), 79]);

    const before = await countItems(table.doc, table.tableName);
    const refused = await register(officer.auth, { headName: tibetan(15) });
    expect([refused.status, refused.json.error.code, refused.json.error.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ path: 'body.headName', code: 'too_big', message: 'Too big: expected string to have <=40 characters' }],
    ]);
    expect(await countItems(table.doc, table.tableName)).toBe(before);
  });
});

describe('free text elsewhere', () => {
  it('a search text with a bidi override is 400', async () => {
    const res = await invoke(handlers.stations, { path: '/stations', query: { q: '土桥\u202E' } });
    expect([res.status, res.json.error.details[0].path]).toEqual([400, 'query.q']);
  });
});

describe('free text in a training session', () => {
  it('a title, trainer or attendee name with a bidi override or a control character is 400 and writes nothing; NFD is stored NFC', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO);
    const before = await countItems(table.doc, table.tableName);
    const cases = [
      { body: sessionBody(TUQIAO.id, { title: '手机\u202E上网' }), path: 'body.title' },
      { body: sessionBody(TUQIAO.id, { trainer: '李\u0007老师' }), path: 'body.trainer' },
    ];
    for (const { body, path } of cases) {
      const res = await trainingCall(officer, 'POST', '/trainings', body);
      expect([res.status, res.json.error.details.map((d: { path: string }) => d.path)]).toEqual([400, [path]]);
    }
    expect(await countItems(table.doc, table.tableName)).toBe(before);
    const decomposed = 'Lu\u0308\u030c Xia\u0300';
    const created = await trainingCall(officer, 'POST', '/trainings', sessionBody(TUQIAO.id, { trainer: decomposed }));
    expect([created.status, created.json.trainer]).toEqual([201, decomposed.normalize('NFC')]);
    const signup = await trainingCall(officer, 'POST', `/trainings/${created.json.id}/signups`, {
      householdId: 'hh000000000000000000000000',
      name: '卓\u200F玛',
    });
    expect([signup.status, signup.json.error.details[0].path]).toEqual([400, 'body.name']);
  });
});
