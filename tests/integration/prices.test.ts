/**
 * Market prices on DynamoDB Local through the real handlers: what is stored is counted, and so are the
 * DynamoDB commands a series read sends (one Query whatever the number of reports).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dayItem, reportItem } from '../../functions/data/prices-repository';
import { addDays } from '../../functions/domain/prices/price';
import { countEntities } from '../harness/count';
import { countingQueries } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, newKey, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { dayAgo, reportBody, reportPrice, seedPriceCatalogue } from '../harness/prices';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';
import { copyRegionChain } from '../harness/feeds';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
/** An officer of a village of 玉树市: 结古 is in their prefecture (玉树州). */
let officer: User;
let ledusOfficer: User;
let yushuAdmin: User;
let leduAdmin: User;
let provinceAdmin: User;

beforeAll(async () => {
  table = await useFreshTable('prices');
  await copyStations(table.doc, table.tableName, [YUSHU.villageCode, TUQIAO.villageCode]);
  await copyRegionChain(table.doc, table.tableName, '632701001');
  await seedPriceCatalogue(table.doc, table.tableName);
  officer = await officerOf(table.doc, table.tableName, YUSHU);
  ledusOfficer = await officerOf(table.doc, table.tableName, TUQIAO);
  yushuAdmin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '632701' });
  leduAdmin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' });
  provinceAdmin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });
});

const series = (productId: string, marketId: string, query?: Record<string, string>) =>
  invoke(handlers.prices, { path: `/market-prices/${productId}/${marketId}`, query });

describe('reporting a price', () => {
  it('stores the report with the officer, their station and the product’s unit, and the day’s point', async () => {
    const res = await reportPrice(officer.auth, reportBody({ productId: 'sheep-head', priceFen: 150_000 }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      productId: 'sheep-head',
      marketId: 'jiegu',
      unit: 'head',
      priceFen: 150_000,
      stationId: YUSHU.id,
      status: 'VALID',
    });
    const stored = JSON.parse((await snapshotTable(table.doc, table.tableName, (i) => i.id === res.json.id))[0]);
    expect(stored).toMatchObject({ officerId: officer.user.id, stationId: YUSHU.id, regionCode: '632701001' });
    expect(res.raw).not.toContain(officer.user.id);
    const read = await series('sheep-head', 'jiegu');
    expect(read.json).toMatchObject({ pricesFen: [150_000], reports: [1], latest: { date: dayAgo(0), priceFen: 150_000 } });
  });

  it('replays the same key and body: one report stored, the same answer; another body with that key is 422 and writes nothing', async () => {
    const key = newKey();
    const body = reportBody({ productId: 'barley', priceFen: 260 });
    const first = await reportPrice(officer.auth, body, key);
    const again = await Promise.all([reportPrice(officer.auth, body, key), reportPrice(officer.auth, { ...body }, key)]);
    expect([first.status, ...again.map((r) => r.status)]).toEqual([201, 201, 201]);
    expect(again.map((r) => r.json.id)).toEqual([first.json.id, first.json.id]);
    const reportsOfBarley = async () =>
      (await snapshotTable(table.doc, table.tableName, (i) => i.entity === 'PriceReport' && i.productId === 'barley')).length;
    expect(await reportsOfBarley()).toBe(1);
    const before = await snapshotTable(table.doc, table.tableName, (i) => !String(i.PK).startsWith('IDEMPOTENCY#'));
    const reused = await reportPrice(officer.auth, { ...body, priceFen: 270 }, key);
    expect([reused.status, reused.json.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await snapshotTable(table.doc, table.tableName, (i) => !String(i.PK).startsWith('IDEMPOTENCY#'))).toEqual(before);
    expect((await series('barley', 'jiegu')).json.reports).toEqual([1]);
  });

  it('refuses a future date, one older than 30 days, a retired product and a market outside the officer’s prefecture; nothing stored, the key stays free', async () => {
    await invoke(handlers.prices, { method: 'PATCH', path: '/price-products/potato', headers: provinceAdmin.auth, body: { active: false } });
    const before = await countEntities(table.doc, table.tableName, 'PriceReport');
    const key = newKey();
    const cases: Array<[Record<string, unknown>, User, number]> = [
      [reportBody({ date: addDays(dayAgo(0), 1) }), officer, 400],
      [reportBody({ date: dayAgo(31) }), officer, 400],
      [reportBody({ productId: 'potato' }), officer, 400],
      [reportBody(), ledusOfficer, 404], // 结古 is in 玉树州, the officer's station in 海东市
      [reportBody({ marketId: 'nowhere' }), officer, 404],
      [reportBody({ priceFen: 12.5 }), officer, 400],
    ];
    for (const [body, who, status] of cases) {
      const res = await reportPrice(who.auth, body, key);
      expect({ body, status: res.status }).toEqual({ body, status });
    }
    expect(await countEntities(table.doc, table.tableName, 'PriceReport')).toBe(before);
    // The refused requests did not consume the key: a correct report goes through with it.
    expect((await reportPrice(officer.auth, reportBody({ date: dayAgo(30), productId: 'juema', priceFen: 3_000 }), key)).status).toBe(201);
  });
});

describe('reading a series', () => {
  const PRODUCT = 'yak-jin';
  beforeAll(async () => {
    // 400 days of history, several reports a day: written as the repository writes them.
    const items: Record<string, unknown>[] = [];
    for (let d = 0; d < 400; d++) {
      const date = dayAgo(d);
      const prices = [3_000 + d, 3_100 + d, 3_200 + d];
      prices.forEach((priceFen, i) => {
        items.push(
          reportItem({
            id: `prbulk${d}x${i}`,
            productId: PRODUCT,
            marketId: 'qiabuqia',
            regionCode: '632521100',
            date,
            unit: 'jin',
            priceFen,
            officerId: 'u-bulk',
            stationId: 'st-bulk',
            status: 'VALID',
            marks: [],
            createdAt: `${date}T02:00:0${i}.000Z`,
          }),
        );
      });
      items.push(dayItem(PRODUCT, 'qiabuqia', { date, sumFen: prices.reduce((a, b) => a + b, 0), count: prices.length }));
    }
    for (let i = 0; i < items.length; i += 25)
      await table.doc.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
      );
  });

  it('is one Query (and one BatchGet for the catalogue) whatever the number of reports, with figures from that read', async () => {
    const { result, queries, commands } = await countingQueries(() => series(PRODUCT, 'qiabuqia'));
    expect(result.status).toBe(200);
    expect(queries).toBe(1);
    expect(commands.sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);
    const body = result.json;
    expect(body.days.length).toBe(365);
    expect(body.days[0]).toBe(0);
    expect(body.latest).toEqual({ date: dayAgo(0), priceFen: 3_100 });
    expect([body.minFen, body.maxFen]).toEqual([3_100, 3_100 + 364]);
    expect(body.weekChange).toEqual({ sinceDate: dayAgo(7), fromFen: 3_107, diffFen: -7, pct: -0.2 });
    expect(body.monthChange).toMatchObject({ sinceDate: dayAgo(30), fromFen: 3_130, diffFen: -30 });
    expect(body.reports.every((n: number) => n === 3)).toBe(true);
  });

  it('a 400-day range (1,200 reports) is still one Query', async () => {
    const { queries } = await countingQueries(() => series(PRODUCT, 'qiabuqia', { from: dayAgo(399), to: dayAgo(0) }));
    expect(queries).toBe(1);
  });

  it('refuses a reversed or over-long range and answers 404 for an unknown product or market', async () => {
    expect((await series(PRODUCT, 'qiabuqia', { from: dayAgo(0), to: dayAgo(1) })).status).toBe(400);
    expect((await series(PRODUCT, 'qiabuqia', { from: dayAgo(800) })).status).toBe(400);
    expect((await series('nothing', 'qiabuqia')).status).toBe(404);
    expect((await series(PRODUCT, 'nowhere')).status).toBe(404);
  });

  it('the overview reads the catalogue and one bounded Query per active market of the region', async () => {
    const { result, queries } = await countingQueries(() => invoke(handlers.prices, { path: '/market-prices', query: { product: PRODUCT } }));
    expect(result.status).toBe(200);
    const activeMarkets = result.json.items.length;
    expect(queries).toBe(1 + activeMarkets);
    expect(result.json.items.find((m: { marketId: string }) => m.marketId === 'qiabuqia')).toMatchObject({ latest: { priceFen: 3_100 } });
    const inHainan = await invoke(handlers.prices, { path: '/market-prices', query: { product: PRODUCT, region: '6325' } });
    expect(inHainan.json.items.map((m: { marketId: string }) => m.marketId)).toEqual(['qiabuqia']);
  });
});

describe('marking an outlier', () => {
  it('an admin of the market’s region marks it wrong: it leaves the series, the report stays with who and when; undoing brings it back', async () => {
    const date = dayAgo(2);
    const normal = await reportPrice(officer.auth, reportBody({ productId: 'wolfberry', date, priceFen: 4_000 }));
    const outlier = await reportPrice(officer.auth, reportBody({ productId: 'wolfberry', date, priceFen: 40_000 }));
    expect((await series('wolfberry', 'jiegu')).json.pricesFen).toEqual([22_000]);
    const mark = await invoke(handlers.prices, {
      method: 'PUT',
      path: `/price-reports/${outlier.json.id}/wrong`,
      headers: yushuAdmin.auth,
      body: { wrong: true, reason: '多打了一个零' },
    });
    expect(mark.status).toBe(200);
    expect(mark.json).toMatchObject({ status: 'WRONG', marks: [{ wrong: true, reason: '多打了一个零', byRole: 'county_admin' }] });
    expect((await series('wolfberry', 'jiegu')).json).toMatchObject({ pricesFen: [4_000], reports: [1] });
    expect((await snapshotTable(table.doc, table.tableName, (i) => i.id === outlier.json.id)).map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ status: 'WRONG', priceFen: 40_000, marks: [expect.objectContaining({ byUserId: yushuAdmin.user.id })] }),
    ]);
    // Twice is a conflict, and changes nothing.
    const twice = await invoke(handlers.prices, {
      method: 'PUT',
      path: `/price-reports/${outlier.json.id}/wrong`,
      headers: yushuAdmin.auth,
      body: { wrong: true },
    });
    expect(twice.status).toBe(409);
    expect((await series('wolfberry', 'jiegu')).json.reports).toEqual([1]);
    const undo = await invoke(handlers.prices, {
      method: 'PUT',
      path: `/price-reports/${outlier.json.id}/wrong`,
      headers: yushuAdmin.auth,
      body: { wrong: false },
    });
    expect(undo.json).toMatchObject({ status: 'VALID', marks: [{ wrong: true }, { wrong: false }] });
    expect((await series('wolfberry', 'jiegu')).json.pricesFen).toEqual([22_000]);
    expect(normal.status).toBe(201);
  });

  it('an admin outside the market’s region gets 404 and nothing changes', async () => {
    const report = await reportPrice(officer.auth, reportBody({ productId: 'rapeseed', priceFen: 350 }));
    const before = await snapshotTable(table.doc, table.tableName, (i) => String(i.PK).startsWith('PRICE'));
    const res = await invoke(handlers.prices, {
      method: 'PUT',
      path: `/price-reports/${report.json.id}/wrong`,
      headers: leduAdmin.auth,
      body: { wrong: true },
    });
    expect([res.status, res.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await snapshotTable(table.doc, table.tableName, (i) => String(i.PK).startsWith('PRICE'))).toEqual(before);
  });

  it('admins of the region list a market’s reports with their status', async () => {
    const res = await invoke(handlers.prices, { path: '/price-markets/jiegu/reports', query: { product: 'wolfberry' }, headers: yushuAdmin.auth });
    expect(res.status).toBe(200);
    expect(res.json.items.map((r: { priceFen: number }) => r.priceFen).sort()).toEqual([4_000, 40_000]);
    const outside = await invoke(handlers.prices, { path: '/price-markets/jiegu/reports', query: { product: 'wolfberry' }, headers: leduAdmin.auth });
    expect(outside.status).toBe(404);
  });
});

describe('the catalogue', () => {
  it('province admins add, rename and retire products; admins keep markets inside their region only; each change recorded', async () => {
    const added = await invoke(handlers.prices, {
      method: 'POST',
      path: '/price-products',
      headers: provinceAdmin.auth,
      body: { name: '黄菇', unit: 'jin' },
    });
    expect(added.status).toBe(201);
    const renamed = await invoke(handlers.prices, {
      method: 'PATCH',
      path: `/price-products/${added.json.id}`,
      headers: provinceAdmin.auth,
      body: { name: '黄蘑菇' },
    });
    const retired = await invoke(handlers.prices, {
      method: 'PATCH',
      path: `/price-products/${added.json.id}`,
      headers: provinceAdmin.auth,
      body: { active: false },
    });
    const again = await invoke(handlers.prices, {
      method: 'PATCH',
      path: `/price-products/${added.json.id}`,
      headers: provinceAdmin.auth,
      body: { active: false },
    });
    expect([renamed.status, retired.status, again.status]).toEqual([200, 200, 409]);
    expect(retired.json.history.map((h: { action: string }) => h.action)).toEqual(['created', 'renamed', 'retired']);
    expect(retired.json).toMatchObject({ name: '黄蘑菇', active: false, unit: 'jin', unitName: '斤' });

    const market = await invoke(handlers.prices, {
      method: 'POST',
      path: '/price-markets',
      headers: yushuAdmin.auth,
      body: { name: '结古东', regionCode: '632701001' },
    });
    expect(market.status).toBe(201);
    const outside = await invoke(handlers.prices, {
      method: 'POST',
      path: '/price-markets',
      headers: leduAdmin.auth,
      body: { name: '结古西', regionCode: '632701001' },
    });
    const renameOutside = await invoke(handlers.prices, {
      method: 'PATCH',
      path: `/price-markets/${market.json.id}`,
      headers: leduAdmin.auth,
      body: { name: 'x' },
    });
    expect([outside.status, renameOutside.status]).toEqual([404, 404]);
    const listed = await invoke(handlers.prices, { path: '/price-markets', query: { region: '6327' } });
    expect(listed.json.items.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['结古东', '结古（玉树市）']));
    expect(listed.raw).not.toContain(yushuAdmin.user.id);
  });
});
