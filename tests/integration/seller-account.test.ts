/**
 * A seller linked to WeChat sees their listings, sales and earnings (issue 13). A household seller is
 * the villager's whose account is linked to the household; a cooperative's contact enters a one-time
 * code the officer issued for it. Counted on DynamoDB Local through the real handlers, paid through
 * the WeChat Pay stub's signed notification.
 */
import { buyerAccount } from '../../functions/adapters/buyer-account';
import { createWechatPayStub } from '../../functions/adapters/wechat-pay-stub';
import { dynamoOrderRepository } from '../../functions/data/orders-repository';
import { handlePaymentNotification, payOrder, type PaymentDeps } from '../../functions/domain/market/order-payment';
import { countEntities } from '../harness/count';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { listProduce, marketCall, order, registerCooperative } from '../harness/market';
import { copyStations, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let officerB: User;
const stub = createWechatPayStub();
const payDeps: PaymentDeps = {
  orders: dynamoOrderRepository,
  provider: stub.provider,
  keys: stub.keys,
  merchant: { appid: 'wx-local-app', mchid: '1900000001', notifyUrl: 'http://127.0.0.1/webhooks/wechatpay' },
  openidOf: async (userId) => `o-${userId}`,
  languageOf: buyerAccount.languageOf,
  alert: () => undefined,
};

beforeAll(async () => {
  table = await useFreshTable('selleraccount');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  for (const s of [TUQIAO, YUSHU]) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  officerB = await officerOf(table.doc, table.tableName, YUSHU);
});

const newBuyer = () => createUser(table.doc, table.tableName, { role: 'buyer' });
const mine = (who: User) => marketCall(who, 'GET', '/me/seller');

/** An order placed and paid through the stub's signed notification (only that marks it paid). */
async function paidOrder(listingId: string, quantity: number, delivery: unknown = { mode: 'pickup' }) {
  const buyer = await newBuyer();
  const placed = await order(buyer, [{ listingId, quantity }], undefined, delivery);
  expect(placed.status).toBe(201);
  await payOrder(payDeps, { userId: buyer.user.id, role: buyer.user.role }, placed.json.id);
  const note = await stub.pay(placed.json.id);
  expect((await handlePaymentNotification(payDeps, note.headers, note.body)).kind).toBe('paid');
  return { buyer, order: placed.json };
}

/** A household of the station, registered as a seller, and a villager whose account is linked to it. */
async function householdSeller() {
  const household = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/households`,
    headers: officer.auth,
    body: { headName: '张德明', phone: '13700001111', consent: true, allowDuplicate: true },
  });
  const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
  const code = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: villager.auth });
  const link = await invoke(handlers.payments, {
    method: 'POST',
    path: `/households/${household.json.id}/links`,
    headers: officer.auth,
    body: { code: code.json.code },
  });
  const seller = await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/sellers`, {
    kind: 'household',
    householdId: household.json.id,
    consent: true,
  });
  expect([household.status, link.status, seller.status]).toEqual([201, 201, 201]);
  return { villager, householdId: household.json.id as string, sellerId: seller.json.id as string };
}

const issueCode = (who: User, sellerId: string) => marketCall(who, 'POST', `/sellers/${sellerId}/link-code`);
const redeem = (who: User, code: string) => marketCall(who, 'POST', '/me/seller-links', { code });

describe('GET /me/seller: a household seller', () => {
  it('the villager linked to the household sees its listings (status, stock, price), paid orders, quantities and earnings in fen; unpaid and cancelled orders count for nothing', async () => {
    const { villager, householdId, sellerId } = await householdSeller();
    const meat = await listProduce(officer, sellerId, { title: '牦牛肉', priceFen: 8_800, stock: 20 });
    const barley = await listProduce(officer, sellerId, { title: '青稞', category: 'highland_barley', priceFen: 500, stock: 100 });
    const paused = await marketCall(officer, 'PATCH', `/listings/${barley}`, { status: 'PAUSED' });
    expect(paused.status).toBe(200);
    // Another seller of the same station: its sales are not this household's.
    const other = await listProduce(officer, await registerCooperative(officer, TUQIAO.id, '别家合作社'), { stock: 5 });
    const address = await marketCall(villager, 'POST', '/me/addresses', {
      name: '王芳',
      phone: '13812345678',
      province: '北京市',
      city: '北京市',
      county: '朝阳区',
      detail: '建国路1号',
    });
    await paidOrder(meat, 2);
    const buyer = await newBuyer();
    const shippedAddress = await marketCall(buyer, 'POST', '/me/addresses', {
      name: '李四',
      phone: '13912345678',
      province: '北京市',
      city: '北京市',
      county: '海淀区',
      detail: '中关村1号',
    });
    const shipped = await order(buyer, [{ listingId: meat, quantity: 3 }], undefined, { mode: 'shipping', addressId: shippedAddress.json.id });
    await payOrder(payDeps, { userId: buyer.user.id, role: buyer.user.role }, shipped.json.id);
    const note = await stub.pay(shipped.json.id);
    expect((await handlePaymentNotification(payDeps, note.headers, note.body)).kind).toBe('paid');
    const unpaid = await order(await newBuyer(), [{ listingId: meat, quantity: 1 }]);
    const canceller = await newBuyer();
    const cancelled = await order(canceller, [{ listingId: meat, quantity: 4 }]);
    expect((await marketCall(canceller, 'POST', `/orders/${cancelled.json.id}/cancel`)).status).toBe(200);
    await paidOrder(other, 1);
    expect([address.status, unpaid.status, cancelled.status]).toEqual([201, 201, 201]);

    const res = await mine(villager);
    expect(res.status).toBe(200);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.items).toHaveLength(1);
    const [me] = res.json.items;
    expect(me.seller).toMatchObject({ id: sellerId, kind: 'household', displayName: '张家', householdId });
    // Newest first: barley (paused) then the meat, whose stock is 20 less the paid 5 and the held 1 (the cancelled 4 came back).
    expect(me.listings.map((l: Record<string, unknown>) => [l.id, l.status, l.stock, l.priceFen, l.unitName, l.soldQuantity, l.soldFen])).toEqual([
      [barley, 'PAUSED', 100, 500, '斤', 0, 0],
      [meat, 'ACTIVE', 14, 8_800, '斤', 5, 5 * 8_800],
    ]);
    expect(me.sales).toEqual({ paidOrders: 2, quantity: 5 });
    expect(me.earningsFen).toBe(5 * 8_800 + shipped.json.shippingFen);
    expect(shipped.json.shippingFen).toBe(1_200);
    // Nothing of the buyers: no ids, no phones (masked or not), no addresses.
    expect(res.raw).not.toMatch(/1391234|1381234|建国路|中关村/);
    expect(res.raw).not.toContain(buyer.user.id);
  });

  it('an account linked to no seller household gets an empty list; the household’s seller is not reachable by another villager', async () => {
    await householdSeller();
    const stranger = await createUser(table.doc, table.tableName, { role: 'villager' });
    const res = await mine(stranger);
    expect([res.status, res.json.items]).toEqual([200, []]);
    expect((await marketCall(null, 'GET', '/me/seller')).status).toBe(401);
  });
});

describe('cooperative sellers: a one-time link code', () => {
  it('the officer issues an 8-digit code; its contact enters it and sees the cooperative; the code is used up', async () => {
    const sellerId = await registerCooperative(officer, TUQIAO.id, '土桥青稞合作社');
    const listing = await listProduce(officer, sellerId, { priceFen: 3_000, stock: 10 });
    await paidOrder(listing, 3);
    const contact = await createUser(table.doc, table.tableName, { role: 'villager' });
    expect((await mine(contact)).json.items).toEqual([]);
    const codesBefore = await countEntities(table.doc, table.tableName, 'SellerLinkCode');
    const issued = await issueCode(officer, sellerId);
    expect(issued.status).toBe(201);
    expect(issued.json.code).toMatch(/^\d{8}$/);
    expect(await countEntities(table.doc, table.tableName, 'SellerLinkCode')).toBe(codesBefore + 1);

    const linked = await redeem(contact, issued.json.code);
    expect(linked.status).toBe(201);
    expect(linked.json.seller).toMatchObject({ id: sellerId, kind: 'cooperative', displayName: '土桥青稞合作社' });
    expect(await countEntities(table.doc, table.tableName, 'SellerLinkCode')).toBe(codesBefore);
    const res = await mine(contact);
    expect(res.json.items.map((s: { seller: { id: string }; earningsFen: number; sales: unknown }) => [s.seller.id, s.earningsFen, s.sales])).toEqual(
      [[sellerId, 9_000, { paidOrders: 1, quantity: 3 }]],
    );

    // Used once: someone else typing the same code gets 404 and no link.
    const links = await countEntities(table.doc, table.tableName, 'SellerLink');
    const late = await redeem(await createUser(table.doc, table.tableName, { role: 'buyer' }), issued.json.code);
    expect([late.status, late.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await countEntities(table.doc, table.tableName, 'SellerLink')).toBe(links);
  });

  it('one code redeemed by 10 users at once links exactly one of them', async () => {
    const sellerId = await registerCooperative(officer, TUQIAO.id, '并发合作社');
    const issued = await issueCode(officer, sellerId);
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser(table.doc, table.tableName, { role: 'villager' })));
    const links = await countEntities(table.doc, table.tableName, 'SellerLink');
    const results = await Promise.all(users.map((u) => redeem(u, issued.json.code)));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(404)]);
    expect(await countEntities(table.doc, table.tableName, 'SellerLink')).toBe(links + 1);
  });

  it('a household seller gets no code (409); another station’s officer gets 404; neither stores a code', async () => {
    const { sellerId } = await householdSeller();
    const coop = await registerCooperative(officer, TUQIAO.id, '另一个合作社');
    const before = await countEntities(table.doc, table.tableName, 'SellerLinkCode');
    const household = await issueCode(officer, sellerId);
    expect([household.status, household.json.error.code]).toEqual([409, 'CONFLICT']);
    const elsewhere = await issueCode(officerB, coop);
    expect([elsewhere.status, elsewhere.json.error.code]).toEqual([404, 'NOT_FOUND']);
    const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
    expect((await issueCode(villager, coop)).status).toBe(403);
    expect(await countEntities(table.doc, table.tableName, 'SellerLinkCode')).toBe(before);
  });

  it('codes of other kinds never link a seller: an account code (8 digits too) gives 404, a household code 400; nothing is linked', async () => {
    const contact = await createUser(table.doc, table.tableName, { role: 'villager' });
    const account = await invoke(handlers.auth, { method: 'POST', path: '/me/account-code', headers: contact.auth });
    expect(account.status).toBe(201);
    const household = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: contact.auth });
    const links = await countEntities(table.doc, table.tableName, 'SellerLink');
    const byAccountCode = await redeem(contact, account.json.code);
    const byHouseholdCode = await redeem(contact, household.json.code);
    expect([byAccountCode.status, byHouseholdCode.status]).toEqual([404, 400]);
    expect(await countEntities(table.doc, table.tableName, 'SellerLink')).toBe(links);
  });
});
