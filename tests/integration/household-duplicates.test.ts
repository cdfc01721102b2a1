/**
 * The same family registered twice (issue 10 item 4): 409 CONFLICT naming the household registered
 * already (id, masked phone) unless the officer confirms a second one; the check is a DynamoDB
 * condition on a (station, normalised name, phone) marker, so concurrent taps store one household.
 */
import { countEntities } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, TUQIAO, YUSHU } from '../harness/payments';

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('dup'));
  await copyStations(doc, tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
});

const register = (auth: Record<string, string>, station: { id: string }, body: Record<string, unknown>) =>
  invoke(handlers.payments, { method: 'POST', path: `/stations/${station.id}/households`, headers: auth, body: { consent: true, ...body } });
const households = () => countEntities(doc, tableName, 'Household');

describe('duplicate households', () => {
  it('the same name (however spaced) and phone: 409 naming the existing household, nothing stored; confirmed, a second one', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const first = await register(officer.auth, TUQIAO, { headName: '索南扎西', phone: '13912345678' });
    expect(first.status).toBe(201);
    const before = await households();

    const again = await register(officer.auth, TUQIAO, { headName: ' 索南 扎西 ', phone: '13912345678' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFLICT');
    expect(again.json.error.details).toEqual([
      expect.objectContaining({ code: 'duplicate_household', existing: { id: first.json.id, label: '索南扎西', phoneMasked: '139****5678' } }),
    ]);
    expect(again.raw).not.toContain('13912345678');
    expect(await households()).toBe(before);

    const confirmed = await register(officer.auth, TUQIAO, { headName: '索南扎西', phone: '13912345678', allowDuplicate: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.id).not.toBe(first.json.id);
    expect(await households()).toBe(before + 1);
  });

  it('another phone, or the same family at another station, is not a duplicate', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const other = await officerOf(doc, tableName, YUSHU);
    expect((await register(officer.auth, TUQIAO, { headName: '卓玛', phone: '13900000001' })).status).toBe(201);
    expect((await register(officer.auth, TUQIAO, { headName: '卓玛', phone: '13900000002' })).status).toBe(201);
    expect((await register(other.auth, YUSHU, { headName: '卓玛', phone: '13900000001' })).status).toBe(201);
    // Without a phone the name alone is the family: warned too (the officer can confirm).
    expect((await register(officer.auth, TUQIAO, { headName: '拉毛' })).status).toBe(201);
    expect((await register(officer.auth, TUQIAO, { headName: '拉毛' })).status).toBe(409);
  });

  it('ten taps at once store one household: a condition, not a read then a write', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const before = await households();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => register(officer.auth, TUQIAO, { headName: '才让东珠', phone: '13800000009' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(await households()).toBe(before + 1);
  });
});
