/**
 * Orders (reliability.md IN1-IN7, ID1-ID3, AZ2), counted on DynamoDB Local: stock never oversells,
 * a hold is released exactly once (the job and reads racing), a buyer holds at most 5 unpaid orders,
 * prices come from the listing, orders are idempotent per caller.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { buyerKeys } from '../../functions/data/keys';
import { getOrder, releaseDueHolds } from '../../functions/domain/market/orders';
import { jobOrderDeps } from '../../functions/jobs/order-releaser';
import { countEntities } from '../harness/count';
import { copyRegionChain, countingQueries } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { listProduce, marketCall, order, registerCooperative, storedListing } from '../harness/market';
import { copyStations, newKey, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let officerB: User;
let sellerId: string;

const buyer = () => createUser(table.doc, table.tableName, { role: 'buyer' });
const stock = async (id: string) => Number((await storedListing(table.doc, table.tableName, id)).stock);
const unpaidOf = async (userId: string) =>
  Number(
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: buyerKeys.unpaid(userId), ConsistentRead: true }))).Item?.count ?? 0,
  );
const orders = () => countEntities(table.doc, table.tableName, 'Order');
const minutesLater = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  table = await useFreshTable('orders');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  for (const s of [TUQIAO, YUSHU]) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  officerB = await officerOf(table.doc, table.tableName, YUSHU);
  sellerId = await registerCooperative(officer, TUQIAO.id);
});

describe('stock', () => {
  it('IN1: 100 concurrent buyers of 1 unit on 10 in stock: exactly 10 orders stored, stock 0, the others 409', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 100 }, buyer));
    const before = await orders();
    const results = await Promise.all(buyers.map((b) => order(b, [{ listingId, quantity: 1 }])));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(90);
    expect(results.filter((r) => r.status === 409).every((r) => ['OUT_OF_STOCK', 'CONFLICT'].includes(r.json.error.code))).toBe(true);
    expect(results.filter((r) => r.json.error?.code === 'OUT_OF_STOCK').length).toBeGreaterThan(0);
    expect(await orders()).toBe(before + 10);
    expect(await stock(listingId)).toBe(0);
  });

  it('placing an order is 4 DynamoDB calls: the listings (one BatchGet), the key’s claim, ONE transaction, the key’s completion', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5 });
    const me = await buyer();
    const { result, commands } = await countingQueries(() => order(me, [{ listingId, quantity: 1 }]));
    expect(result.status).toBe(201);
    // The pipeline reads the caller's user record first (every authenticated request does).
    expect(commands).toEqual(['GetItemCommand', 'BatchGetItemCommand', 'PutItemCommand', 'TransactWriteItemsCommand', 'UpdateItemCommand']);
  });

  it('IN2: a two-line order where one line is short changes nothing', async () => {
    const a = await listProduce(officer, sellerId, { stock: 5 });
    const b = await listProduce(officer, sellerId, { stock: 1, title: '酥油' });
    const before = await orders();
    const res = await order(await buyer(), [
      { listingId: a, quantity: 2 },
      { listingId: b, quantity: 2 },
    ]);
    expect([res.status, res.json.error.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect([await stock(a), await stock(b), await orders()]).toEqual([5, 1, before]);
  });

  it('IN3/IN4: quantities 0, -1, 1.5, 1e9, "3" and a client-sent price are 400; totals come from the listing', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5, priceFen: 4_500, delivery: { pickup: true, shipping: { feeFen: 1_000 } } });
    const me = await buyer();
    const before = await orders();
    for (const quantity of [0, -1, 1.5, 1e9, '3']) expect((await order(me, [{ listingId, quantity: quantity as number }])).status).toBe(400);
    expect((await order(me, [{ listingId, quantity: 1, priceFen: 1 }] as never)).status).toBe(400);
    expect(
      (
        await marketCall(
          me,
          'POST',
          '/orders',
          { items: [{ listingId, quantity: 1 }], delivery: { mode: 'pickup' }, totalFen: 1 },
          undefined,
          newKey(),
        )
      ).status,
    ).toBe(400);
    expect([await stock(listingId), await orders()]).toEqual([5, before]);
    const address = await marketCall(me, 'POST', '/me/addresses', {
      name: '王芳',
      phone: '13812345678',
      province: '北京市',
      city: '北京市',
      county: '朝阳区',
      detail: '建国路1号',
    });
    expect(address.status).toBe(201);
    const placed = await order(me, [{ listingId, quantity: 3 }], newKey(), { mode: 'shipping', addressId: address.json.id });
    expect(placed.status).toBe(201);
    expect(placed.json).toEqual(expect.objectContaining({ status: 'PENDING_PAYMENT', itemsFen: 13_500, shippingFen: 1_000, totalFen: 14_500 }));
    // The order carries the phone masked; the owner's address book has it in full.
    expect(placed.json.delivery.address.phoneMasked).toBe('138****5678');
    expect(placed.raw).not.toContain('13812345678');
    expect((await marketCall(me, 'GET', '/me/addresses')).json.items[0].phone).toBe('13812345678');
    // The officer changes the price: the next order is priced at the new price.
    expect((await marketCall(officer, 'PATCH', `/listings/${listingId}`, { priceFen: 5_000 })).status).toBe(200);
    expect((await order(me, [{ listingId, quantity: 1 }])).json.totalFen).toBe(5_000);
  });
});

describe('holds and cancels', () => {
  it('IN7: an unpaid order past its hold is released exactly once while the job and reads race: stock back once, counter back to 0', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 4 }, buyer));
    const placed = await Promise.all(buyers.map((b) => order(b, [{ listingId, quantity: 2 }])));
    expect(placed.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await stock(listingId)).toBe(2);
    // Not yet due: neither the job nor a read releases anything.
    expect((await releaseDueHolds(jobOrderDeps(console, minutesLater(14)))).released).toBe(0);
    const deps = jobOrderDeps(console, minutesLater(16));
    const caller = (b: User) => ({ userId: b.user.id, role: b.user.role });
    const [first, second, ...views] = await Promise.all([
      releaseDueHolds(deps),
      releaseDueHolds(deps),
      ...placed.flatMap((p, i) => [1, 2, 3].map(() => getOrder(deps, caller(buyers[i]), p.json.id))),
    ]);
    expect(views.map((v) => v.status)).toEqual(Array(12).fill('EXPIRED'));
    // Two jobs and twelve reads raced over four orders: a second release of any would put 2 more units back.
    expect(first.due + second.due).toBeGreaterThan(0);
    expect(await stock(listingId)).toBe(10);
    for (const b of buyers) expect(await unpaidOf(b.user.id)).toBe(0);
    // A later job finds nothing due: the hold index went with the release.
    expect(await releaseDueHolds(deps)).toEqual({ due: 0, released: 0 });
    const seen = await marketCall(buyers[0], 'GET', `/orders/${placed[0].json.id}`);
    expect([seen.json.status, seen.json.closedAt !== null]).toEqual(['EXPIRED', true]);
  });

  it('IN5: two concurrent cancels restock once; a cancelled order cannot be cancelled again', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 3 });
    const me = await buyer();
    const placed = await order(me, [{ listingId, quantity: 3 }]);
    expect(await stock(listingId)).toBe(0);
    const cancels = await Promise.all([1, 2, 3].map(() => marketCall(me, 'POST', `/orders/${placed.json.id}/cancel`)));
    expect(cancels.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await stock(listingId)).toBe(3);
    expect(await unpaidOf(me.user.id)).toBe(0);
    expect((await marketCall(me, 'POST', `/orders/${placed.json.id}/cancel`)).status).toBe(409);
    expect(await stock(listingId)).toBe(3);
  });

  it('IN7: at most 5 unpaid orders per buyer, even when 8 are placed at once (a counter with a condition); a cancel frees a place', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 100 });
    const me = await buyer();
    const before = await orders();
    const results = await Promise.all(Array.from({ length: 8 }, () => order(me, [{ listingId, quantity: 1 }])));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429).every((r) => r.json.error.code === 'LIMIT_EXCEEDED')).toBe(true);
    expect([await orders(), await stock(listingId), await unpaidOf(me.user.id)]).toEqual([before + 5, 95, 5]);
    const first = results.find((r) => r.status === 201)!;
    expect((await marketCall(me, 'POST', `/orders/${first.json.id}/cancel`)).status).toBe(200);
    expect((await order(me, [{ listingId, quantity: 1 }])).status).toBe(201);
    expect(await unpaidOf(me.user.id)).toBe(5);
  });
});

describe('idempotency and access', () => {
  it('ID1: 20 concurrent requests with one key: one order, stock taken once; a retry returns the first order', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 50 });
    const me = await buyer();
    const key = newKey();
    const before = await orders();
    const results = await Promise.all(Array.from({ length: 20 }, () => order(me, [{ listingId, quantity: 2 }], key)));
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.json.error.code === 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    expect(new Set(ok.map((r) => r.json.id)).size).toBe(1);
    expect([await orders(), await stock(listingId)]).toEqual([before + 1, 48]);
    const retry = await order(me, [{ listingId, quantity: 2 }], key);
    expect([retry.status, retry.json.id]).toEqual([201, ok[0].json.id]);
    // ID2: the same key with another body is 422, nothing written.
    const other = await order(me, [{ listingId, quantity: 3 }], key);
    expect([other.status, other.json.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // ID3: another caller's identical key is their own order.
    const stranger = await buyer();
    const theirs = await order(stranger, [{ listingId, quantity: 2 }], key);
    expect(theirs.status).toBe(201);
    expect(theirs.json.id).not.toBe(ok[0].json.id);
    expect([await orders(), await stock(listingId)]).toEqual([before + 2, 46]);
    // ID4: a request refused before it started does not consume its key.
    const fresh = newKey();
    expect((await order(me, [{ listingId, quantity: 0 }], fresh)).status).toBe(400);
    expect((await order(me, [{ listingId, quantity: 1 }], fresh)).status).toBe(201);
  });

  it('AZ2: another buyer and another station’s officer get 404 on an order; its station’s officer sees it in the station’s orders', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5 });
    const me = await buyer();
    const placed = await order(me, [{ listingId, quantity: 1 }]);
    const stranger = await buyer();
    for (const who of [stranger, officerB]) expect((await marketCall(who, 'GET', `/orders/${placed.json.id}`)).status).toBe(404);
    expect((await marketCall(stranger, 'POST', `/orders/${placed.json.id}/cancel`)).status).toBe(404);
    expect((await marketCall(officer, 'POST', `/orders/${placed.json.id}/cancel`)).status).toBe(404);
    const own = await marketCall(officer, 'GET', `/orders/${placed.json.id}`);
    expect([own.status, own.json.yours]).toEqual([200, false]);
    const station = await marketCall(officer, 'GET', `/stations/${TUQIAO.id}/orders`);
    expect(station.json.items.map((o: { id: string }) => o.id)).toContain(placed.json.id);
    expect((await marketCall(officerB, 'GET', `/stations/${TUQIAO.id}/orders`)).status).toBe(404);
    const mine = await marketCall(me, 'GET', '/me/orders');
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual([placed.json.id]);
    expect((await marketCall(stranger, 'GET', '/me/orders')).json.items).toEqual([]);
  });

  it('a cart per seller, with today’s prices; a line of another seller is refused', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5, priceFen: 3_000 });
    const otherSeller = await registerCooperative(officerB, YUSHU.id, '玉树合作社');
    const foreign = await listProduce(officerB, otherSeller);
    const me = await buyer();
    const put = await marketCall(me, 'PUT', `/me/carts/${sellerId}`, { items: [{ listingId, quantity: 2 }] });
    expect([put.status, put.json.subtotalFen]).toEqual([200, 6_000]);
    expect((await marketCall(me, 'PUT', `/me/carts/${sellerId}`, { items: [{ listingId: foreign, quantity: 1 }] })).status).toBe(400);
    const carts = await marketCall(me, 'GET', '/me/carts');
    expect(carts.json.items).toEqual([expect.objectContaining({ sellerId, subtotalFen: 6_000 })]);
    expect((await marketCall(await buyer(), 'GET', '/me/carts')).json.items).toEqual([]);
  });
});
