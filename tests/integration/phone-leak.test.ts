/**
 * No answer carries a full mobile number, except the rate-limited reveal itself (`stationPhone`).
 * Generated from the route table: every route is called, with real ids, as each role that can see the
 * data (the station's officer, the province admin, a villager linked to the household), after phones
 * were stored everywhere they can be (station, household, payer, a phone bill's account, the
 * station's change history). Every string of every answer is searched, whatever its schema says.
 * The same walk counts the DynamoDB calls of each request against the route table's `callBudget`.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { routeList, type RouteDef, type RouteName } from '../../shared';
import { LOCAL_ALERT_TEMPLATE_ID } from '../../functions/config/notify';
import { INDEX, regionKeys } from '../../functions/data/keys';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, newKey, officerOf, pay, TUQIAO } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';
import { checkinTokenOf, scheduleSession } from '../harness/training';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import { reportBody, reportPrice, seedPriceCatalogue } from '../harness/prices';
import { listProduce, marketCall, order, registerCooperative } from '../harness/market';
import { paidOrder, pickupCodeOf, stubPaidOrder } from '../harness/fulfilment';
import { refundNoOf } from '../../functions/domain/market/order-payment';
import { wechatPayStub } from '../../functions/adapters/wechat-pay-providers';
import { db } from '../../functions/data/client';

type Route = RouteDef & { name: RouteName };
type User = Awaited<ReturnType<typeof createUser>>;

/**
 * A mainland mobile number, standing on its own: not inside a longer run of digits (division codes)
 * or of letters and digits (hex ids like hh6c1808996600..., which contain 11-digit runs by chance).
 */
const FULL_MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
/** The one route whose answer is the full number, behind a per-user rate limit. */
const REVEAL: RouteName = 'stationPhone';

const PHONES = {
  station: '13912345678',
  stationNext: '13987654321',
  household: '13712345678',
  payer: '13612345678',
  phoneBill: '13512345678',
  address: '13412345678',
};
/** Routes that answer the caller's own address book: the one number allowed there is the one they stored themselves. */
const OWN_ADDRESSES: RouteName[] = ['createAddress', 'myAddresses'];
const addressOf = (phone: string) => ({ name: '王芳', phone, province: '北京市', city: '北京市', county: '朝阳区', detail: '建国路1号' });
/** The marketplace's objects: a seller of the station, its listing, an unpaid order the villager placed, the officer's address. */
/** A payment request of the station (a phone bill, for a phone-only payer): its id and its link's token. */
let payLink: { id: string; token: string; amountFen: number };
let market: {
  sellerId: string;
  listingId: string;
  orderId: string;
  addressId: string;
  shipped: { id: string; totalFen: number };
  /** Fulfilment (issue 14): paid pickup orders of the villager (one handed over with its code, one marked ready), a paid shipping order of the officer to consign. */
  pickup: string;
  pickupReady: string;
  toConsign: string;
  /** Refunds: a shipping order of the officer paid through the stub (to its address), whose refund they ask for. */
  refundable: string;
};

let table: Awaited<ReturnType<typeof useFreshTable>>;
/** DynamoDB calls counted during the current request, and the most each route made in the walk. */
let calls = 0;
const callsMade = new Map<RouteName, number>();
const counted = new WeakSet<object>();
/** The handlers' DynamoDB client counts its calls (a test harness may have replaced the client since). */
function countCalls() {
  const client = db();
  if (counted.has(client)) return;
  counted.add(client);
  client.middlewareStack.add(
    (next) => (args) => {
      calls++;
      return next(args);
    },
    { step: 'initialize', name: 'countCallsPerRequest' },
  );
}
let officer: User;
let provinceAdmin: User;
let villager: User;
let ids: { paymentId: string; householdId: string; appointedUserId: string };
/** Items for 乐都区: one per status a route acts on (drafts are the admin's own, to submit). */
let priceReportId: string;
/** A question the officer asked for the household, and an expert it reaches (crops, 乐都区). */
let questionId: string;
/** Training sessions of the station: one walked through sign-up and check-in, one to cancel. */
let trainings: { main: string; toCancel: string };
let questionExpert: User;
let feeds: { draft: string; inReview: string; toReject: string; published: string; toRetract: string };
/** Which item a route's `{id}` names. */
const FEED_FOR: Partial<Record<RouteName, keyof typeof feeds>> = {
  submitFeed: 'draft',
  updateFeed: 'draft',
  publishFeed: 'inReview',
  rejectFeed: 'toReject',
  retractFeed: 'toRetract',
};
/** Routes called by someone else than the roles in turn: an ack (and reading one's own) comes from a villager of a household. */
const WRITER: Partial<Record<RouteName, () => User>> = {
  ackFeed: () => villager,
  myFeedAck: () => villager,
  // The question is whole only to its asker and the experts it reaches (anyone else: 404 until published).
  getQuestion: () => officer,
  questionInbox: () => questionExpert,
  claimQuestion: () => questionExpert,
  answerQuestion: () => questionExpert,
  // Only the order's buyer may pay or cancel it, or see its pickup code; the officer confirms receipt of their own shipped order.
  payOrder: () => villager,
  cancelOrder: () => villager,
  pickupCode: () => villager,
  confirmReceipt: () => officer,
  confirmStubPayment: () => officer,
  // The officer asks a refund of their own order; as its station's officer they approve it.
  requestRefund: () => officer,
  // The household's payment is the linked villager's service to rate.
  rateService: () => villager,
};

async function issuedLinkCode(user: User): Promise<string> {
  const res = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: user.auth });
  expect(res.status).toBe(201);
  return res.json.code;
}

/** Copies a seeded region and its children into the fresh table (the public region route reads them). */
async function copyRegion(code: string) {
  const seeded = process.env.TEST_SEEDED_TABLE!;
  const { Item } = await table.doc.send(new GetCommand({ TableName: seeded, Key: regionKeys.item(code) }));
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: seeded,
      IndexName: INDEX.GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': regionKeys.childrenOf(code).GSI1PK },
    }),
  );
  for (const item of [Item!, ...Items]) await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
}

beforeAll(async () => {
  table = await useFreshTable('leak');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  await copyRegion('630202');
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  provinceAdmin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });
  // A phone on the station, changed once: the history holds a phone before and after.
  for (const phone of [PHONES.station, PHONES.stationNext]) {
    const res = await invoke(handlers.stations, { method: 'PATCH', path: `/stations/${TUQIAO.id}`, headers: officer.auth, body: { phone } });
    expect(res.status).toBe(200);
  }
  const household = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/households`,
    headers: officer.auth,
    body: { headName: '多杰', phone: PHONES.household, consent: true, allowDuplicate: true },
  });
  expect(household.status).toBe(201);
  const book = await invoke(handlers.payments, {
    method: 'PUT',
    path: `/households/${household.json.id}/bill-book/phone`,
    headers: officer.auth,
    body: { accountNo: PHONES.phoneBill },
  });
  expect(book.status).toBe(200);
  villager = await createUser(table.doc, table.tableName, { role: 'villager' });
  const link = await invoke(handlers.payments, {
    method: 'POST',
    path: `/households/${household.json.id}/links`,
    headers: officer.auth,
    body: { code: await issuedLinkCode(villager) },
  });
  expect(link.status).toBe(201);
  const payment = await pay(officer.auth, {
    stationId: TUQIAO.id,
    householdId: household.json.id,
    billType: 'phone',
    accountNo: PHONES.phoneBill,
    amountFen: 5_000,
    payerPhone: PHONES.payer,
    method: 'cash',
  });
  expect(payment.status).toBe(201);
  const appointee = await createUser(table.doc, table.tableName, { role: 'villager' });
  const appointed = await invoke(handlers.admin, {
    method: 'POST',
    path: '/admin/officers',
    headers: provinceAdmin.auth,
    body: { stationId: TUQIAO.id, userId: appointee.user.id },
  });
  expect(appointed.status).toBe(200);
  ids = { paymentId: payment.json.id, householdId: household.json.id, appointedUserId: appointee.user.id };
  await copyRegionChain(table.doc, table.tableName, TUQIAO.villageCode);
  const expert = await expertOf(table.doc, table.tableName, '630202');
  await seedPriceCatalogue(table.doc, table.tableName);
  const report = await reportPrice(officer.auth, reportBody({ marketId: 'ledu', productId: 'barley', priceFen: 250 }));
  expect(report.status).toBe(201);
  priceReportId = report.json.id;
  questionExpert = await createUser(table.doc, table.tableName, { role: 'expert', regionCode: '630202', expertField: 'crops' });
  const question = await invoke(handlers.questions, {
    method: 'POST',
    path: '/questions',
    headers: officer.auth,
    body: { field: 'crops', text: '青稞叶子发黄怎么办？', consent: true, householdId: ids.householdId },
  });
  expect(question.status).toBe(201);
  questionId = question.json.id;
  const sellerId = await registerCooperative(officer, TUQIAO.id);
  const listingId = await listProduce(officer, sellerId, { stock: 100 });
  const address = await marketCall(officer, 'POST', '/me/addresses', addressOf(PHONES.address));
  const placed = await order(villager, [{ listingId, quantity: 1 }]);
  // The officer buys too (anyone signed in may): shipped to their address, whose phone the order carries masked.
  const shipped = await order(officer, [{ listingId, quantity: 1 }], newKey(), { mode: 'shipping', addressId: address.json.id });
  expect([address.status, placed.status, shipped.status]).toEqual([201, 201, 201]);
  market = {
    sellerId,
    listingId,
    orderId: placed.json.id,
    addressId: address.json.id,
    shipped: { id: shipped.json.id, totalFen: shipped.json.totalFen },
    pickup: await paidOrder(villager, listingId, 'pickup'),
    pickupReady: await paidOrder(villager, listingId, 'pickup'),
    toConsign: await paidOrder(officer, listingId, 'shipping', undefined, address.json.id),
    refundable: (await stubPaidOrder(officer, listingId, 'shipping', address.json.id)).id,
  };
  const request = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/pay-requests`,
    headers: { ...officer.auth, 'idempotency-key': newKey() },
    body: { billType: 'phone', accountNo: PHONES.phoneBill, amountFen: 5_000, payerPhone: PHONES.payer },
  });
  expect(request.status).toBe(201);
  payLink = { id: request.json.id, token: request.json.link.token, amountFen: 5_000 };
  const alert = feedBody('630202', { requiresAck: true });
  feeds = {
    draft: await feedIn('DRAFT', provinceAdmin, provinceAdmin, alert),
    inReview: await feedIn('IN_REVIEW', expert, provinceAdmin, alert),
    toReject: await feedIn('IN_REVIEW', expert, provinceAdmin, alert),
    published: await feedIn('PUBLISHED', expert, provinceAdmin, alert),
    toRetract: await feedIn('PUBLISHED', expert, provinceAdmin, alert),
  };
});

beforeAll(async () => {
  trainings = { main: await scheduleSession(officer, TUQIAO.id), toCancel: await scheduleSession(officer, TUQIAO.id) };
});

/** Which order a route's `{orderId}` names (the others: the villager's unpaid order). */
const ORDER_OF: Partial<Record<RouteName, () => string>> = {
  // The stub's sheet confirms the officer's shipped order (paid by the webhook's turn already: it answers it paid).
  confirmStubPayment: () => market.shipped.id,
  pickupCode: () => market.pickup,
  markOrderReady: () => market.pickupReady,
  // Paid by the webhook's turn, shipped, then received by its buyer (the officer).
  shipOrder: () => market.shipped.id,
  confirmReceipt: () => market.shipped.id,
  requestRefund: () => market.refundable,
  decideRefund: () => market.refundable,
};

const pathOf = (route: Route) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value: string | undefined = {
      stationId: TUQIAO.id,
      paymentId: ids.paymentId,
      householdId: ids.householdId,
      billType: 'phone',
      userId: ids.appointedUserId,
      code: route.path.startsWith('/regions/') ? '630202' : TUQIAO.villageCode,
      id: route.function === 'questions' ? questionId : feeds[FEED_FOR[route.name] ?? 'published'],
      productId: 'barley',
      marketId: 'ledu',
      reportId: priceReportId,
      sellerId: market.sellerId,
      listingId: market.listingId,
      orderId: ORDER_OF[route.name]?.() ?? market.orderId,
      payRequestId: payLink.id,
      token: payLink.token,
      serviceId: `pay-${ids.paymentId}`,
      trainingId: route.name === 'cancelTraining' ? trainings.toCancel : trainings.main,
    }[name];
    if (!value) throw new Error(`${route.name}: no real id for {${name}}: add one to the leak walk`);
    return value;
  });

/** A valid body per route that takes one (sent by the first caller allowed), carrying phones where it can. */
const BODIES: Partial<Record<RouteName, () => Promise<unknown> | unknown>> = {
  login: () => ({ code: 'dev:leak-walker' }),
  appointOfficer: async () => ({ stationId: TUQIAO.id, userId: (await createUser(table.doc, table.tableName, { role: 'villager' })).user.id }),
  stationUpdate: () => ({ phone: '13811112222' }),
  homeStation: () => ({ stationId: TUQIAO.id }),
  myLanguage: () => ({ language: 'zh-CN' }),
  billLookup: () => ({ billType: 'phone', accountNo: PHONES.phoneBill }),
  createPayment: () => ({
    stationId: TUQIAO.id,
    billType: 'phone',
    accountNo: PHONES.phoneBill,
    amountFen: 5_000,
    payerPhone: PHONES.payer,
    method: 'cash',
  }),
  voidPayment: () => ({ reason: '户号输错' }),
  closeDay: () => ({ date: businessDay(new Date()), countedCashFen: 10_000, note: '已清点' }),
  createHousehold: () => ({ headName: '卓玛', phone: '13722223333', consent: true, allowDuplicate: true }),
  saveBillBookEntry: () => ({ accountNo: '13544445555' }),
  linkHousehold: async () => ({ code: await issuedLinkCode(await createUser(table.doc, table.tableName, { role: 'villager' })) }),
  regionAreaType: () => ({ areaType: 'farming' }),
  appointExpert: async () => ({
    userId: (await createUser(table.doc, table.tableName, { role: 'villager' })).user.id,
    field: 'veterinary',
    regionCode: '630202',
  }),
  createFeed: () => feedBody(TUQIAO.villageCode),
  // Edited before it is submitted (updateFeed comes first in the route table).
  updateFeed: () => feedBody(TUQIAO.villageCode, { title: '改过的标题' }),
  createUpload: () => ({ purpose: 'question_photo', contentType: 'image/webp', size: 90_000, thumbnailSize: 9_000 }),
  rejectFeed: () => ({ reason: '请补充' }),
  retractFeed: () => ({ reason: '预警解除' }),
  // A household without WeChat, told by phone (the linked one acknowledges itself).
  createPriceProduct: () => ({ name: '黄菇', unit: 'jin' }),
  updatePriceProduct: () => ({ name: '青稞（散装）' }),
  createPriceMarket: () => ({ name: '高庙', regionCode: '630202' }),
  updatePriceMarket: () => ({ name: '乐都（碾伯镇）' }),
  reportPrice: () => reportBody({ marketId: 'ledu', productId: 'barley', priceFen: 260 }),
  markPriceReport: () => ({ wrong: true, reason: '离群' }),
  markInformed: async () => {
    const res = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/households`,
      headers: officer.auth,
      body: { headName: '拉毛', phone: '13733334444', consent: true, allowDuplicate: true },
    });
    return { householdId: res.json.id, how: 'phone' };
  },
  recordSubscriptions: () => ({ accepted: [LOCAL_ALERT_TEMPLATE_ID] }),
  askQuestion: () => ({ field: 'livestock', text: '牦牛不吃草，怎么办？', consent: true, householdId: ids.householdId }),
  answerQuestion: () => ({ text: '可能是叶锈病，喷施粉锈宁。' }),
  createSeller: () => ({ kind: 'cooperative', name: '蕨麻合作社', consent: true }),
  createListing: () => ({ sellerId: market.sellerId, title: '蕨麻', category: 'juema', unit: 'jin', priceFen: 6_000, stock: 5 }),
  updateListing: () => ({ priceFen: 9_000 }),
  createAddress: () => addressOf(PHONES.address),
  putCart: () => ({ items: [{ listingId: market.listingId, quantity: 2 }] }),
  // The officer becomes the cooperative's contact (it answers the cooperative; GET /me/seller then shows its sales).
  linkSeller: async () => ({ code: (await marketCall(officer, 'POST', `/sellers/${market.sellerId}/link-code`)).json.code }),
  createOrder: () => ({ items: [{ listingId: market.listingId, quantity: 1 }], delivery: { mode: 'shipping', addressId: market.addressId } }),
  lookupPickup: async () => ({ code: await pickupCodeOf(villager, market.pickup) }),
  confirmPickup: async () => ({ code: await pickupCodeOf(villager, market.pickup) }),
  shipOrder: () => ({ carrier: '顺丰', trackingNo: 'SF100200300' }),
  createConsignment: () => ({ orderIds: [market.toConsign], carrier: '邮政', trackingNo: 'EMS987654321' }),
  createPayRequest: () => ({ billType: 'phone', accountNo: PHONES.phoneBill, amountFen: 5_000, payerPhone: PHONES.payer }),
  requestRefund: () => ({ reason: '买重了，想退款' }),
  decideRefund: () => ({ decision: 'approve', note: '同意退款' }),
  logConsultation: () => ({ channel: 'in_person', householdId: ids.householdId }),
  rateService: () => ({ rating: 4, comment: '办得快' }),
  createTraining: () => ({
    stationId: TUQIAO.id,
    title: '手机上网课',
    startsAt: '2030-01-01T02:00:00Z',
    endsAt: '2030-01-01T04:00:00Z',
    capacity: 20,
  }),
  updateTraining: () => ({ trainer: '李老师' }),
  cancelTraining: () => ({ reason: '下雪路断' }),
  // The officer signs up a household member with a phone (answered masked on the attendance list).
  signUpTraining: () => ({ householdId: ids.householdId, name: '卓玛', phone: '13766667777' }),
  checkInTraining: async () => ({ token: await checkinTokenOf(officer, trainings.main) }),
};
/** Routes authenticated by a provider's signature: the signed request (WeChat Pay pays the officer's shipped order). */
const SIGNED: Partial<Record<RouteName, () => Promise<{ headers: Record<string, string>; body: string }>>> = {
  // WeChat Pay pays the station's pay link (already paid through the stub's sheet by then: a duplicate, answered 204).
  payLinkWebhook: async () =>
    (await wechatPayStub()).notification({
      mchid: '1900000001',
      appid: 'wx-local-app',
      out_trade_no: payLink.id,
      transaction_id: '4200000000000009',
      trade_state: 'SUCCESS',
      amount: { total: payLink.amountFen, currency: 'CNY' },
    }),
  // The stub's REFUND.SUCCESS for the refund approved in decideRefund's turn (delivered then already: a duplicate, 204).
  refundWebhook: async () => (await (await wechatPayStub()).refundNotification(refundNoOf(market.refundable)))!,
  wechatPayWebhook: async () =>
    (await wechatPayStub()).notification({
      mchid: '1900000001',
      appid: 'wx-local-app',
      out_trade_no: market.shipped.id,
      transaction_id: '4200000000000001',
      trade_state: 'SUCCESS',
      amount: { total: market.shipped.totalFen, currency: 'CNY' },
    }),
};
const QUERIES: Partial<Record<RouteName, Record<string, string>>> = {
  stationList: { region: '630202' },
  regionReconciliations: { date: businessDay(new Date()) },
  listFeeds: { region: TUQIAO.villageCode },
  reviewQueue: { region: '63' },
  marketPrices: { product: 'barley' },
  marketPriceReports: { product: 'barley' },
  searchQuestions: { q: '青稞' },
  regionSupervision: { from: businessDay(new Date()), to: businessDay(new Date()) },
  regionSupervisionCsv: { from: businessDay(new Date()), to: businessDay(new Date()) },
  listTrainings: { stationId: TUQIAO.id },
};

/** Every string (and key) of a JSON value, at any depth, with where it sits. */
function* stringsOf(value: unknown, at = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (typeof value === 'number') yield [at, String(value)];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsOf(item, `${at}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [`${at} (key)`, key];
      yield* stringsOf(item, `${at}.${key}`);
    }
  }
}

const leaksIn = (res: { json: unknown; raw: string }) =>
  res.json !== undefined
    ? [...stringsOf(res.json)].filter(([, text]) => FULL_MOBILE.test(text)).map(([at, text]) => `${at}: ${text}`)
    : FULL_MOBILE.test(res.raw)
      ? [`raw: ${res.raw.match(FULL_MOBILE)![0]}`]
      : [];

describe('no full phone number in any answer', () => {
  it('holds phones to leak: the station’s (and its history’s), a household’s, a payer’s, a phone bill’s account', async () => {
    const stored = (await snapshotTable(table.doc, table.tableName)).join('\n');
    // The address's phone is stored in full (the owner's book and the shipped order's copy).
    expect(Object.values(PHONES).filter((phone) => !stored.includes(phone))).toEqual([]);
    const history = await invoke(handlers.stations, { path: `/stations/${TUQIAO.id}/history`, headers: officer.auth });
    expect(history.json.items.map((change: { fields: string[] }) => change.fields)).toEqual([['phone'], ['phone']]);
  });

  it('every route, called as each role that can see the data, answers 2xx without a full mobile number (except the reveal)', async () => {
    // Closing the day stops payments, so it comes last; everything else in the table's order.
    const order = [...routeList.filter((r) => r.name !== 'closeDay'), ...routeList.filter((r) => r.name === 'closeDay')];
    const exercised = new Set<RouteName>();
    const leaks: string[] = [];
    let maskedSeen = 0;
    for (const route of order) {
      const callers =
        route.access === 'public'
          ? [undefined]
          : [officer, provinceAdmin, villager].filter((u) => (route.access as readonly string[]).includes(u.user.role));
      const signed = SIGNED[route.name] ? await SIGNED[route.name]!() : undefined;
      const body = signed?.body ?? (BODIES[route.name] ? await BODIES[route.name]!() : undefined);
      if (route.body && body === undefined) throw new Error(`${route.name}: add a valid body to the leak walk`);
      // Reads as every caller; a write once (as the first caller allowed).
      for (const caller of WRITER[route.name] ? [WRITER[route.name]!()] : route.method === 'GET' ? callers : callers.slice(0, 1)) {
        countCalls();
        calls = 0;
        const res = await invoke(handlers[route.function], {
          method: route.method,
          path: pathOf(route),
          query: QUERIES[route.name],
          headers: { ...(caller?.auth ?? {}), ...(signed?.headers ?? {}), ...(route.idempotent ? { 'idempotency-key': newKey() } : {}) },
          body,
        });
        if (res.status >= 200 && res.status < 300) {
          exercised.add(route.name);
          callsMade.set(route.name, Math.max(callsMade.get(route.name) ?? 0, calls));
        } else leaks.push(`${route.name} as ${caller?.user.role ?? 'anonymous'}: status ${res.status} ${res.raw.slice(0, 200)}`);
        if (route.name === REVEAL)
          expect(res.json.phone).toMatch(FULL_MOBILE); // the exception is real: the full number
        else
          leaks.push(
            ...leaksIn(res)
              .filter((leak) => !(OWN_ADDRESSES.includes(route.name) && caller === officer && leak.endsWith(`: ${PHONES.address}`)))
              .map((leak) => `${route.name} as ${caller?.user.role ?? 'anonymous'}: ${leak}`),
          );
        maskedSeen += (res.raw.match(/(?<!\d)1[3-9]\d\*{4}\d{4}(?!\d)/g) ?? []).length;
      }
    }
    expect(leaks).toEqual([]);
    expect(routeList.map((r) => r.name).filter((name) => !exercised.has(name))).toEqual([]);
    // The phones did flow through the answers, masked.
    expect(maskedSeen).toBeGreaterThan(5);
  });

  // The same walk counts DynamoDB calls (every command the document client sends, in-process) per request.
  it('keeps every route within the DynamoDB calls per request its route table entry allows (callBudget; a read makes at least 1)', () => {
    expect(callsMade.size).toBe(routeList.length);
    const measured = routeList.map((route) => `${route.name}: ${callsMade.get(route.name)}`);
    console.log(`DynamoDB calls per request (max over the walk's callers):\n${measured.join('\n')}`);
    const over = routeList
      .filter((route) => callsMade.get(route.name)! > route.callBudget)
      .map((route) => `${route.name}: ${callsMade.get(route.name)} calls, budget ${route.callBudget}`);
    expect(over).toEqual([]);
    // A budget is no wish list: no route is given more than it uses (a regression shows up at once).
    const slack = routeList
      .filter((route) => callsMade.get(route.name)! < route.callBudget)
      .map((route) => `${route.name}: ${callsMade.get(route.name)} calls, budget ${route.callBudget}`);
    expect(slack).toEqual([]);
  });
});
