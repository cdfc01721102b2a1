/**
 * AZ4, generated from the route table: every route that takes a body refuses a valid body with one
 * extra key (a status, a stock, a station, a role, a price, a table key...) with 400, and the table
 * holds exactly what it held before.
 */
import { routeList, type RouteDef } from '../../shared';
import { LOCAL_ALERT_TEMPLATE_ID } from '../../functions/config/notify';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, pay, TUQIAO } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';
import { listProduce, marketCall, registerCooperative } from '../harness/market';
import { scheduleSession } from '../harness/training';

const EXTRA_KEYS = ['status', 'stock', 'stationId', 'role', 'priceFen', 'PK', 'officerId', 'commissionFen', 'linkedUserCount', 'version'];

let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: Awaited<ReturnType<typeof officerOf>>;
let admin: Awaited<ReturnType<typeof createUser>>;
let provinceAdmin: Awaited<ReturnType<typeof createUser>>;
let expert: Awaited<ReturnType<typeof createUser>>;
let buyer: Awaited<ReturnType<typeof createUser>>;
let ids: {
  paymentId: string;
  householdId: string;
  userId: string;
  sellerId: string;
  listingId: string;
  orderId: string;
  addressId: string;
  trainingId: string;
};

beforeAll(async () => {
  table = await useFreshTable('az4');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  admin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' });
  provinceAdmin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });
  expert = await createUser(table.doc, table.tableName, { role: 'expert', regionCode: '630202', expertField: 'crops' });
  const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
  const payment = await pay(officer.auth, { stationId: TUQIAO.id, billType: 'phone', accountNo: '13800001234', amountFen: 5_000, method: 'cash' });
  const household = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/households`,
    headers: officer.auth,
    body: { headName: '多杰', consent: true, allowDuplicate: true },
  });
  const sellerId = await registerCooperative(officer, TUQIAO.id);
  const listingId = await listProduce(officer, sellerId, { stock: 100 });
  const address = await marketCall(villager, 'POST', '/me/addresses', {
    name: '王芳',
    phone: '13812345678',
    province: '北京市',
    city: '北京市',
    county: '朝阳区',
    detail: '建国路1号',
  });
  const order = await marketCall(
    villager,
    'POST',
    '/orders',
    { items: [{ listingId, quantity: 1 }], delivery: { mode: 'pickup' } },
    undefined,
    'az4-setup',
  );
  expect([address.status, order.status]).toEqual([201, 201]);
  buyer = villager;
  ids = {
    paymentId: payment.json.id,
    householdId: household.json.id,
    userId: villager.user.id,
    sellerId,
    listingId,
    orderId: order.json.id,
    addressId: address.json.id,
    trainingId: await scheduleSession(officer, TUQIAO.id),
  };
});

/** A valid body per write route, and who sends it. */
const VALID: Record<string, () => { body: Record<string, unknown>; auth: Record<string, string> }> = {
  login: () => ({ body: { code: 'dev:someone' }, auth: {} }),
  appointOfficer: () => ({ body: { stationId: TUQIAO.id, userId: ids.userId }, auth: admin.auth }),
  stationUpdate: () => ({ body: { phone: '13900000001' }, auth: officer.auth }),
  homeStation: () => ({ body: { stationId: TUQIAO.id }, auth: officer.auth }),
  myLanguage: () => ({ body: { language: 'bo' }, auth: officer.auth }),
  billLookup: () => ({ body: { billType: 'water', accountNo: '12345678' }, auth: officer.auth }),
  createPayment: () => ({
    body: { stationId: TUQIAO.id, billType: 'phone', accountNo: '13800005678', amountFen: 5_000, method: 'cash' },
    auth: officer.auth,
  }),
  voidPayment: () => ({ body: { reason: '户号输错' }, auth: officer.auth }),
  closeDay: () => ({ body: { date: businessDay(new Date()), countedCashFen: 0 }, auth: officer.auth }),
  createHousehold: () => ({ body: { headName: '卓玛', consent: true, allowDuplicate: true }, auth: officer.auth }),
  saveBillBookEntry: () => ({ body: { accountNo: '4401234567' }, auth: officer.auth }),
  linkHousehold: () => ({ body: { code: '123456' }, auth: officer.auth }),
  regionAreaType: () => ({ body: { areaType: 'pastoral' }, auth: admin.auth }),
  appointExpert: () => ({ body: { userId: ids.userId, field: 'crops', regionCode: '630202' }, auth: admin.auth }),
  createFeed: () => ({ body: { title: '通知', body: '内容', category: 'notice', regionCode: '630202', lang: 'zh' }, auth: admin.auth }),
  updateFeed: () => ({ body: { title: '通知', body: '内容', category: 'notice', regionCode: '630202', lang: 'zh', images: [] }, auth: admin.auth }),
  createUpload: () => ({ body: { purpose: 'feed_image', contentType: 'image/png', size: 1000, thumbnailSize: 100 }, auth: admin.auth }),
  rejectFeed: () => ({ body: { reason: '请修改' }, auth: admin.auth }),
  retractFeed: () => ({ body: { reason: '已过时' }, auth: admin.auth }),
  markInformed: () => ({ body: { householdId: ids.householdId, how: 'phone' }, auth: officer.auth }),
  recordSubscriptions: () => ({ body: { accepted: [LOCAL_ALERT_TEMPLATE_ID] }, auth: officer.auth }),
  createPriceProduct: () => ({ body: { name: '黄菇', unit: 'jin' }, auth: provinceAdmin.auth }),
  updatePriceProduct: () => ({ body: { name: '青稞（散装）' }, auth: provinceAdmin.auth }),
  createPriceMarket: () => ({ body: { name: '高庙', regionCode: '630202' }, auth: admin.auth }),
  updatePriceMarket: () => ({ body: { active: false }, auth: admin.auth }),
  reportPrice: () => ({ body: { productId: 'barley', marketId: 'ledu', date: businessDay(new Date()), priceFen: 260 }, auth: officer.auth }),
  markPriceReport: () => ({ body: { wrong: true, reason: '离群' }, auth: admin.auth }),
  askQuestion: () => ({ body: { field: 'crops', text: '羊咳嗽怎么办？', consent: true, householdId: ids.householdId }, auth: officer.auth }),
  answerQuestion: () => ({ body: { text: '先隔离，再请兽医看。' }, auth: expert.auth }),
  createSeller: () => ({ body: { kind: 'cooperative', name: '青稞合作社', consent: true }, auth: officer.auth }),
  // Listings carry a price and a stock by design: the extra keys tried are the others (status, station, PK...).
  createListing: () => ({
    body: { sellerId: ids.sellerId, title: '牦牛肉干', category: 'yak_meat', unit: 'jin', priceFen: 8_800, stock: 10 },
    auth: officer.auth,
  }),
  updateListing: () => ({ body: { priceFen: 9_000, stock: 20, status: 'PAUSED' }, auth: officer.auth }),
  createAddress: () => ({
    body: { name: '王芳', phone: '13812345678', province: '北京市', city: '北京市', county: '朝阳区', detail: '建国路2号' },
    auth: buyer.auth,
  }),
  putCart: () => ({ body: { items: [{ listingId: ids.listingId, quantity: 1 }] }, auth: buyer.auth }),
  linkSeller: () => ({ body: { code: '12345678' }, auth: buyer.auth }),
  createOrder: () => ({ body: { items: [{ listingId: ids.listingId, quantity: 1 }], delivery: { mode: 'pickup' } }, auth: buyer.auth }),
  // Fulfilment (issue 14).
  lookupPickup: () => ({ body: { code: '123456' }, auth: officer.auth }),
  confirmPickup: () => ({ body: { code: '123456' }, auth: officer.auth }),
  shipOrder: () => ({ body: { carrier: '顺丰', trackingNo: 'SF100200300' }, auth: officer.auth }),
  createConsignment: () => ({ body: { orderIds: [ids.orderId], carrier: '顺丰', trackingNo: 'SF100200300' }, auth: officer.auth }),
  createPayRequest: () => ({ body: { billType: 'phone', accountNo: '13800005678', amountFen: 5_000 }, auth: officer.auth }),
  // Refunds (issue 14).
  requestRefund: () => ({ body: { reason: '不想要了' }, auth: buyer.auth }),
  decideRefund: () => ({ body: { decision: 'refuse', note: '货已发出' }, auth: officer.auth }),
  // The service ledger (issue 15).
  logConsultation: () => ({ body: { channel: 'phone' }, auth: officer.auth }),
  rateService: () => ({ body: { rating: 5, comment: '很好' }, auth: buyer.auth }),
  // Training (issue 15): a session names its station by design; the extra keys tried are the others.
  createTraining: () => ({
    body: { stationId: TUQIAO.id, title: '网上卖货', startsAt: '2030-01-01T02:00:00Z', endsAt: '2030-01-01T04:00:00Z', capacity: 20 },
    auth: officer.auth,
  }),
  updateTraining: () => ({ body: { capacity: 25 }, auth: officer.auth }),
  cancelTraining: () => ({ body: { reason: '下雪' }, auth: officer.auth }),
  signUpTraining: () => ({ body: {}, auth: buyer.auth }),
  checkInTraining: () => ({ body: { householdId: ids.householdId, name: '多杰' }, auth: officer.auth }),
};

const concretePath = (route: RouteDef) =>
  route.path
    .replace('{stationId}', TUQIAO.id)
    .replace('{paymentId}', ids.paymentId)
    .replace('{householdId}', ids.householdId)
    .replace('{billType}', 'water')
    .replace('{userId}', ids.userId)
    .replace('{id}', route.function === 'questions' ? 'qs000000000000000000000000' : 'fd0000000000000000000000')
    .replace('{code}', '630202')
    .replace('{productId}', 'barley')
    .replace('{marketId}', 'ledu')
    .replace('{reportId}', 'pr000000000000000000000000')
    .replace('{sellerId}', ids.sellerId)
    .replace('{listingId}', ids.listingId)
    .replace('{orderId}', ids.orderId)
    .replace('{serviceId}', `pay-${ids.paymentId}`)
    .replace('{trainingId}', ids.trainingId);

// Every item at every depth (a key filter on JSON.stringify would blank nested objects).
const snapshot = () => snapshotTable(table.doc, table.tableName);

const writeRoutes = routeList.filter((r) => r.body);

describe('AZ4: mass assignment', () => {
  it('has a valid body for every route that takes one', () => {
    expect(writeRoutes.map((r) => r.name).sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(writeRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: an extra key is a 400 and changes nothing', async (_, route) => {
    const before = await snapshot();
    const { body, auth } = VALID[route.name]();
    for (const extra of EXTRA_KEYS.filter((key) => !(key in body))) {
      const res = await invoke(handlers[route.function], {
        method: route.method,
        path: concretePath(route),
        headers: { ...auth, ...(route.idempotent ? { 'idempotency-key': `az4-${route.name}-${extra}` } : {}) },
        body: { ...body, [extra]: extra === 'stock' || extra === 'priceFen' ? 1 : 'x' },
      });
      expect({ extra, status: res.status, detail: res.json.error.details?.[0]?.code }).toEqual({ extra, status: 400, detail: 'unrecognized_key' });
    }
    expect(await snapshot()).toEqual(before);
  });
});
