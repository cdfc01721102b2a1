/**
 * Produce marketplace, sellers and listings: registered by the station's officer with consent, listed
 * with checked photos, edited with every change recorded, browsed by category and region with ONE
 * Query a page, searched in Chinese and pinyin. Counted on DynamoDB Local.
 */
import { useFreshTable } from '../harness/fresh-table';
import { copyRegionChain, countingQueries } from '../harness/feeds';
import { countEntities } from '../harness/count';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { listingBody, listProduce, marketCall, registerCooperative, storedListing } from '../harness/market';
import { copyStations, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { fixture, postToStorage } from '../harness/uploads';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let officerB: User;
let villager: User;

beforeAll(async () => {
  table = await useFreshTable('market');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  for (const s of [TUQIAO, YUSHU]) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  officerB = await officerOf(table.doc, table.tableName, YUSHU);
  villager = await createUser(table.doc, table.tableName, { role: 'villager' });
});

describe('sellers', () => {
  it('GET /categories lists the produce categories, public', async () => {
    const res = await marketCall(null, 'GET', '/categories');
    expect(res.status).toBe(200);
    expect(res.json.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['牦牛肉', '藏羊', '青稞', '枸杞', '菜籽油', '乳制品', '蕨麻']),
    );
  });

  it('a household of the station becomes a seller once, shown to buyers as its surname and 家; without consent nothing is stored', async () => {
    const household = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/households`,
      headers: officer.auth,
      body: { headName: '张德明', consent: true, allowDuplicate: true },
    });
    const path = `/stations/${TUQIAO.id}/sellers`;
    const before = await countEntities(table.doc, table.tableName, 'Seller');
    const refused = await marketCall(officer, 'POST', path, { kind: 'household', householdId: household.json.id, consent: false });
    expect(refused.status).toBe(400);
    const twice = await Promise.all(
      [1, 2].map(() => marketCall(officer, 'POST', path, { kind: 'household', householdId: household.json.id, consent: true })),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.status === 201)!.json.displayName).toBe('张家');
    expect(await countEntities(table.doc, table.tableName, 'Seller')).toBe(before + 1);
    // Another station's officer cannot register this station's household (404, nothing written).
    const other = await marketCall(officerB, 'POST', `/stations/${YUSHU.id}/sellers`, {
      kind: 'household',
      householdId: household.json.id,
      consent: true,
    });
    expect(other.status).toBe(404);
    expect(await countEntities(table.doc, table.tableName, 'Seller')).toBe(before + 1);
    const list = await marketCall(officer, 'GET', path);
    expect(list.json.items.length).toBe(before + 1);
  });
});

describe('listings', () => {
  it('the officer lists produce with a photo checked by content; the page names the seller, village and station', async () => {
    const sellerId = await registerCooperative(officer, TUQIAO.id);
    const upload = await invoke(handlers.feeds, {
      method: 'POST',
      path: '/uploads',
      headers: officer.auth,
      body: {
        purpose: 'listing_photo',
        contentType: 'image/jpeg',
        size: fixture('field.jpg').length,
        thumbnailSize: fixture('field-thumb.jpg').length,
      },
    });
    expect(upload.status).toBe(201);
    expect(await postToStorage(upload.json.image, fixture('field.jpg'), 'a.jpg', 'image/jpeg')).toBeLessThan(300);
    expect(await postToStorage(upload.json.thumbnail, fixture('field-thumb.jpg'), 'a.thumb.jpg', 'image/jpeg')).toBeLessThan(300);
    const created = await marketCall(officer, 'POST', '/listings', listingBody(sellerId, { photos: [upload.json.id] }));
    expect(created.status).toBe(201);
    const page = await marketCall(null, 'GET', `/listings/${created.json.id}`);
    expect(page.status).toBe(200);
    expect(page.json).toEqual(
      expect.objectContaining({
        title: '牦牛肉干',
        priceFen: 8_800,
        stock: 10,
        unitName: '斤',
        categoryName: '牦牛肉',
        seller: expect.objectContaining({ displayName: '土桥牦牛合作社', kind: 'cooperative' }),
        station: expect.objectContaining({ id: TUQIAO.id, villageName: '土桥村' }),
      }),
    );
    expect(page.json.photos).toHaveLength(1);
    expect(page.json.station.regionChain.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['乐都区']));
    // A villager may not upload listing photos; the upload is not used twice.
    const villagerUpload = await invoke(handlers.feeds, {
      method: 'POST',
      path: '/uploads',
      headers: villager.auth,
      body: { purpose: 'listing_photo', contentType: 'image/jpeg', size: 1000, thumbnailSize: 100 },
    });
    expect(villagerUpload.status).toBe(403);
    const again = await marketCall(officer, 'POST', '/listings', listingBody(sellerId, { photos: [upload.json.id] }));
    expect(again.status).toBe(422);
  });

  it('an officer of another station gets 404 listing for this station’s seller; prices in fen only (a client’s 1.5 is 400)', async () => {
    const sellerId = await registerCooperative(officer, TUQIAO.id, '青稞合作社');
    const before = await countEntities(table.doc, table.tableName, 'Listing');
    expect((await marketCall(officerB, 'POST', '/listings', listingBody(sellerId))).status).toBe(404);
    for (const priceFen of [0, -1, 1.5, '88'])
      expect((await marketCall(officer, 'POST', '/listings', listingBody(sellerId, { priceFen }))).status).toBe(400);
    expect(await countEntities(table.doc, table.tableName, 'Listing')).toBe(before);
  });

  it('price, stock and status edits are recorded with who and when; an ended listing takes no edit; paused ones leave browse', async () => {
    const sellerId = await registerCooperative(officer, TUQIAO.id, '枸杞合作社');
    const id = await listProduce(officer, sellerId, { title: '柴达木枸杞', category: 'wolfberry' });
    const edit = (body: unknown) => marketCall(officer, 'PATCH', `/listings/${id}`, body);
    expect((await edit({ priceFen: 9_900 })).json.priceFen).toBe(9_900);
    expect((await edit({ stock: 25 })).json.stock).toBe(25);
    const browse = async () =>
      (await marketCall(null, 'GET', '/listings', undefined, { category: 'wolfberry' })).json.items.map((l: { id: string }) => l.id);
    expect(await browse()).toContain(id);
    expect((await edit({ status: 'PAUSED' })).json.status).toBe('PAUSED');
    expect(await browse()).not.toContain(id);
    expect((await edit({ status: 'ACTIVE' })).json.status).toBe('ACTIVE');
    expect(await browse()).toContain(id);
    expect((await edit({ status: 'ENDED' })).status).toBe(200);
    expect((await edit({ priceFen: 1 })).status).toBe(409);
    const history = await marketCall(officer, 'GET', `/listings/${id}/history`);
    expect(history.json.items.map((c: { action: string }) => c.action)).toEqual(['status', 'status', 'status', 'stock', 'price', 'created']);
    expect(history.json.items[4]).toEqual(
      expect.objectContaining({
        before: { priceFen: 8_800 },
        after: { priceFen: 9_900 },
        by: expect.objectContaining({ role: 'officer', you: true }),
      }),
    );
    expect(await countEntities(table.doc, table.tableName, 'ListingChange')).toBeGreaterThanOrEqual(6);
    expect((await storedListing(table.doc, table.tableName, id)).GSI1PK).toBeUndefined();
    // Another station's officer: 404 on the edit and the history; the listing is unchanged.
    expect((await marketCall(officerB, 'PATCH', `/listings/${id}`, { priceFen: 5 })).status).toBe(404);
    expect((await marketCall(officerB, 'GET', `/listings/${id}/history`)).status).toBe(404);
    expect((await storedListing(table.doc, table.tableName, id)).priceFen).toBe(9_900);
  });
});

describe('browse and search', () => {
  let tuqiaoBarley: string;
  let yushuYak: string;
  beforeAll(async () => {
    const a = await registerCooperative(officer, TUQIAO.id, '乐都青稞社');
    const b = await registerCooperative(officerB, YUSHU.id, '玉树牦牛社');
    tuqiaoBarley = await listProduce(officer, a, { title: '黑青稞面', category: 'highland_barley' });
    yushuYak = await listProduce(officerB, b, { title: '风干牦牛肉', category: 'yak_meat' });
  });

  it('by category and region: a division-code prefix of any level, one page per Query', async () => {
    const ids = async (query: Record<string, string>) =>
      (await marketCall(null, 'GET', '/listings', undefined, query)).json.items.map((l: { id: string }) => l.id);
    expect(await ids({ region: '6302' })).toContain(tuqiaoBarley);
    expect(await ids({ region: '6302' })).not.toContain(yushuYak);
    expect(await ids({ region: '632701' })).toContain(yushuYak);
    expect(await ids({ region: TUQIAO.villageCode, category: 'highland_barley' })).toEqual([tuqiaoBarley]);
    expect(await ids({ category: 'yak_meat', region: '6302' })).not.toContain(yushuYak);
    expect(await ids({ category: 'yak_meat' })).toContain(yushuYak);
    // A browse page is ONE Query (no photos here, so no storage call either); a listing's page ONE GetItem.
    const queries: Array<Record<string, string>> = [{ region: '6302' }, { region: '632701', category: 'yak_meat' }, {}];
    for (const query of queries) {
      const { commands } = await countingQueries(() => ids(query));
      expect({ query, commands }).toEqual({ query, commands: ['QueryCommand'] });
    }
    const { commands } = await countingQueries(() => marketCall(null, 'GET', `/listings/${yushuYak}`));
    expect(commands).toEqual(['GetItemCommand']);
    // Pages follow each other with a signed cursor; a tampered cursor is a 400.
    const first = await marketCall(null, 'GET', '/listings', undefined, { limit: '1' });
    expect(first.json.items).toHaveLength(1);
    const second = await marketCall(null, 'GET', '/listings', undefined, { limit: '1', cursor: first.json.nextCursor });
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id);
    expect((await marketCall(null, 'GET', '/listings', undefined, { cursor: first.json.nextCursor.slice(0, -2) + 'xx' })).status).toBe(400);
  });

  it('by keyword in Chinese, full pinyin and initials, and by place', async () => {
    const ids = async (q: string) => (await marketCall(null, 'GET', '/listings', undefined, { q })).json.items.map((l: { id: string }) => l.id);
    expect(await ids('青稞')).toContain(tuqiaoBarley);
    expect(await ids('qingke')).toContain(tuqiaoBarley);
    expect(await ids('hqkm')).toContain(tuqiaoBarley);
    expect(await ids('牦牛')).toContain(yushuYak);
    expect(await ids('maoniu')).toContain(yushuYak);
    expect(await ids('乐都')).toContain(tuqiaoBarley);
    expect(await ids('ledu')).toContain(tuqiaoBarley);
    expect(await ids('ledu')).not.toContain(yushuYak);
    expect(await ids('乐都 青稞')).toContain(tuqiaoBarley);
    expect(await ids('蘑菇')).toEqual([]);
  });
});
