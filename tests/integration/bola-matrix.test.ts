/**
 * AZ1, generated from the route table's `scope` (every signed-in route declares one, or none with a
 * reason: tests/unit/shared/route-table.test.ts), so a new route gets its rows without anyone writing them:
 * - `station`: officers of another station, admins whose region does not contain it and villagers get
 *   404 (never 403: existence elsewhere is not revealed) for a station, or a payment or household of
 *   it, named in the path or the body; the table is unchanged; the station's own officer succeeds.
 * - `region`: admins of another region get 404 for objects in B's region, nothing changes; B's admin succeeds.
 * - `self`: a user reaches only their own: the answer names nothing of another user, whose items are unchanged.
 */
import { routeList, type RouteDef, type RouteName } from '../../shared';
import { LOCAL_ALERT_TEMPLATE_ID } from '../../functions/config/notify';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, linkedVillager as linkedVillagerOf, newKey, officerOf, pay, TUQIAO, YUSHU } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import { reportBody, reportPrice, seedPriceCatalogue } from '../harness/prices';
import { listProduce, marketCall, order, registerCooperative } from '../harness/market';
import { paidOrder, pickupCodeOf, refundRequested } from '../harness/fulfilment';
import { scheduleSession } from '../harness/training';

type Route = RouteDef & { name: RouteName };
type User = Awaited<ReturnType<typeof createUser>>;

const A = TUQIAO; // 土桥村, 乐都区 (630202), 海东市 (6302)
const B = YUSHU; // a village of 玉树市 (632701), 玉树州 (6327)
const B_COUNTY = '632701';
const DAY_MS = 24 * 3600_000;

let table: Awaited<ReturnType<typeof useFreshTable>>;
let officerA: User;
let officerB: User;
/** Admins whose region holds A but not B. */
let outsiders: User[];
let adminOfB: User;
let villagerOfA: User;

/** A fresh 6-digit code issued to a new villager: a real, valid code, not one that cannot exist. */
async function issuedLinkCode(): Promise<string> {
  const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
  const res = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: villager.auth });
  expect(res.status).toBe(201);
  return res.json.code;
}

const linkedVillager = (officer: User, householdId: string) => linkedVillagerOf(table.doc, table.tableName, officer, householdId);

/** A station's objects, fresh for each row: what its path parameters and bodies name. */
interface Objects {
  stationId: string;
  paymentId: string;
  householdId: string;
  billType: string;
  /** A second officer of the station (removeOfficer's target). */
  userId: string;
  /** The station's county (region routes). */
  code: string;
  /** A villager an admin may appoint. */
  villagerId: string;
  /** Information items for the station's county: a draft its county admin wrote, one in review and one published (by its expert). */
  draftId: string;
  inReviewId: string;
  publishedId: string;
  /** The expert of the station's county, who wrote the items in review and published. */
  expert: User;
  /** A price market of the station's prefecture, a product, and a fresh (valid) report of the station's officer there. */
  marketId: string;
  productId: string;
  reportId: string;
  /** A seller of the station (a cooperative), its listing (10 in stock) and an unpaid order of it by a buyer. */
  sellerId: string;
  listingId: string;
  orderId: string;
  /** The station's officer (issues the cooperative's link code a contact enters). */
  officer: User;
  /** Fulfilment (issue 14): a paid pickup order with its buyer's code, and a paid shipping order. */
  pickupOrderId: string;
  pickupCode: string;
  shippingOrderId: string;
  /** Refunds: a paid order whose buyer asked for a refund (the station decides it). */
  refundRequestedOrderId: string;
  /** An open payment request (remote pay link) of the station. */
  payRequestId: string;
  /** The service record of the household's payment (its linked villager rates it). */
  serviceId: string;
  /** A training session scheduled at the station by its officer. */
  trainingId: string;
}

/** Which order a route's `{orderId}` names: each fulfilment route gets one in the status it acts on. */
const ORDER_FOR: Partial<Record<RouteName, 'pickupOrderId' | 'shippingOrderId' | 'refundRequestedOrderId'>> = {
  markOrderReady: 'pickupOrderId',
  shipOrder: 'shippingOrderId',
  decideRefund: 'refundRequestedOrderId',
};

/** The seeded price market of each station's prefecture: 乐都 (海东市) for A, 结古 (玉树州) for B. */
const MARKET_OF: Record<string, string> = { '6302': 'ledu', '6327': 'jiegu' };

/** Which item a route's `{id}` names: each route gets one in the status it acts on. */
const FEED_FOR: Partial<Record<RouteName, 'draftId' | 'inReviewId' | 'publishedId'>> = {
  submitFeed: 'draftId',
  updateFeed: 'draftId',
  publishFeed: 'inReviewId',
  rejectFeed: 'inReviewId',
};

async function objectsOf(station: { id: string; villageCode: string }, officer: User, countyAdmin: User): Promise<Objects> {
  const household = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${station.id}/households`,
    headers: officer.auth,
    body: { headName: '多杰', phone: '13700001234', consent: true, allowDuplicate: true },
  });
  expect(household.status).toBe(201);
  const householdId = household.json.id as string;
  const book = await invoke(handlers.payments, {
    method: 'PUT',
    path: `/households/${householdId}/bill-book/water`,
    headers: officer.auth,
    body: { accountNo: '4401234567' },
  });
  const payment = await pay(officer.auth, {
    stationId: station.id,
    householdId,
    billType: 'phone',
    accountNo: '13800001234',
    amountFen: 5_000,
    method: 'cash',
  });
  expect([book.status, payment.status]).toEqual([200, 201]);
  const secondOfficer = await officerOf(table.doc, table.tableName, station, '卓玛');
  const villager = await createUser(table.doc, table.tableName, { role: 'villager' });
  const county = station.villageCode.slice(0, 6);
  const expert = await expertOf(table.doc, table.tableName, county);
  const alert = feedBody(county, { requiresAck: true });
  const marketId = MARKET_OF[station.villageCode.slice(0, 4)];
  const report = await reportPrice(officer.auth, reportBody({ marketId, productId: 'barley', priceFen: 250 }));
  expect(report.status).toBe(201);
  const sellerId = await registerCooperative(officer, station.id);
  // The household sells too: a villager linked to it sees it as their own seller (GET /me/seller).
  const householdSeller = await marketCall(officer, 'POST', `/stations/${station.id}/sellers`, { kind: 'household', householdId, consent: true });
  expect(householdSeller.status).toBe(201);
  const listingId = await listProduce(officer, sellerId, { stock: 10 });
  const placed = await order(await createUser(table.doc, table.tableName, { role: 'buyer' }), [{ listingId, quantity: 1 }]);
  expect(placed.status).toBe(201);
  const pickupBuyer = await createUser(table.doc, table.tableName, { role: 'buyer' });
  const pickupOrderId = await paidOrder(pickupBuyer, listingId, 'pickup');
  const shippingOrderId = await paidOrder(await createUser(table.doc, table.tableName, { role: 'buyer' }), listingId, 'shipping');
  const refundBuyer = await createUser(table.doc, table.tableName, { role: 'buyer' });
  const refundRequestedOrderId = await paidOrder(refundBuyer, listingId, 'pickup');
  await refundRequested(refundBuyer, refundRequestedOrderId);
  const payRequest = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${station.id}/pay-requests`,
    headers: { ...officer.auth, 'idempotency-key': newKey() },
    body: { billType: 'phone', accountNo: '13800001234', amountFen: 5_000 },
  });
  expect(payRequest.status).toBe(201);
  return {
    pickupOrderId,
    pickupCode: await pickupCodeOf(pickupBuyer, pickupOrderId),
    shippingOrderId,
    refundRequestedOrderId,
    stationId: station.id,
    paymentId: payment.json.id,
    householdId,
    billType: 'water',
    userId: secondOfficer.user.id,
    code: county,
    villagerId: villager.user.id,
    draftId: await feedIn('DRAFT', countyAdmin, countyAdmin, alert),
    inReviewId: await feedIn('IN_REVIEW', expert, countyAdmin, alert),
    publishedId: await feedIn('PUBLISHED', expert, countyAdmin, alert),
    expert,
    marketId,
    productId: 'barley',
    reportId: report.json.id,
    sellerId,
    listingId,
    orderId: placed.json.id,
    officer,
    payRequestId: payRequest.json.id,
    serviceId: `pay-${payment.json.id}`,
    trainingId: await scheduleSession(officer, station.id),
  };
}

/** A valid request body per route that takes one, naming the target's objects, so only ownership can fail. */
const BODIES: Partial<Record<RouteName, (o: Objects) => Promise<unknown> | unknown>> = {
  appointOfficer: (o) => ({ stationId: o.stationId, userId: o.villagerId }),
  billLookup: (o) => ({ billType: 'water', householdId: o.householdId }),
  createPayment: (o) => ({
    stationId: o.stationId,
    householdId: o.householdId,
    billType: 'phone',
    accountNo: '13800005678',
    amountFen: 5_000,
    method: 'cash',
  }),
  voidPayment: () => ({ reason: '户号输错' }),
  // Yesterday: closing it leaves today open for the rows that still pay.
  closeDay: () => ({ date: businessDay(new Date(Date.now() - DAY_MS)), countedCashFen: 0 }),
  createHousehold: () => ({ headName: '卓玛', consent: true, allowDuplicate: true }),
  saveBillBookEntry: () => ({ accountNo: '4409876543' }),
  linkHousehold: async () => ({ code: await issuedLinkCode() }),
  stationUpdate: () => ({ phone: '13900000001' }),
  homeStation: () => ({ stationId: A.id }),
  myLanguage: () => ({ language: 'bo' }),
  regionAreaType: () => ({ areaType: 'semi_pastoral' }),
  appointExpert: (o) => ({ userId: o.villagerId, field: 'livestock', regionCode: o.code }),
  createFeed: (o) => feedBody(o.code),
  updateFeed: (o) => feedBody(o.code, { title: '改过的标题' }),
  createUpload: () => ({ purpose: 'question_photo', contentType: 'image/jpeg', size: 200_000, thumbnailSize: 20_000 }),
  rejectFeed: () => ({ reason: '请补充' }),
  retractFeed: () => ({ reason: '预警解除' }),
  markInformed: (o) => ({ householdId: o.householdId, how: 'phone' }),
  recordSubscriptions: () => ({ accepted: [LOCAL_ALERT_TEMPLATE_ID] }),
  createPriceMarket: (o) => ({ name: '新市场', regionCode: o.code }),
  updatePriceMarket: () => ({ name: '改名的市场' }),
  reportPrice: (o) => reportBody({ marketId: o.marketId, productId: o.productId }),
  markPriceReport: () => ({ wrong: true, reason: '离群' }),
  createSeller: () => ({ kind: 'cooperative', name: '牦牛合作社', consent: true }),
  createListing: (o) => ({ sellerId: o.sellerId, title: '藏羊肉', category: 'tibetan_sheep', unit: 'jin', priceFen: 6_000, stock: 5 }),
  updateListing: () => ({ priceFen: 9_900 }),
  createAddress: () => ({ name: '王芳', phone: '13812345678', province: '北京市', city: '北京市', county: '朝阳区', detail: '建国路1号' }),
  createOrder: (o) => ({ items: [{ listingId: o.listingId, quantity: 1 }], delivery: { mode: 'pickup' } }),
  putCart: (o) => ({ items: [{ listingId: o.listingId, quantity: 1 }] }),
  linkSeller: async (o) => ({ code: (await marketCall(o.officer, 'POST', `/sellers/${o.sellerId}/link-code`)).json.code }),
  lookupPickup: (o) => ({ code: o.pickupCode }),
  confirmPickup: (o) => ({ code: o.pickupCode }),
  shipOrder: () => ({ carrier: '顺丰', trackingNo: 'SF100200300' }),
  createConsignment: (o) => ({ orderIds: [o.shippingOrderId], carrier: '邮政', trackingNo: 'EMS987654321' }),
  // Refusing moves no money (the approval's provider path is tests/integration/refunds.test.ts).
  decideRefund: () => ({ decision: 'refuse', note: '货已备好，请到站自提' }),
  createPayRequest: (o) => ({ billType: 'phone', householdId: o.householdId, accountNo: '13800005678', amountFen: 5_000 }),
  askQuestion: (o) => ({ field: 'crops', text: '羊咳嗽流鼻涕怎么办？', consent: false, householdId: o.householdId }),
  logConsultation: () => ({ channel: 'phone' }),
  rateService: () => ({ rating: 5, comment: '很耐心' }),
  createTraining: (o) => ({
    stationId: o.stationId,
    title: '牲畜防疫',
    startsAt: '2030-01-01T02:00:00Z',
    endsAt: '2030-01-01T04:00:00Z',
    capacity: 20,
  }),
  updateTraining: () => ({ capacity: 25, trainer: '赵兽医' }),
  cancelTraining: () => ({ reason: '下雪路断' }),
};
const QUERIES: Partial<Record<RouteName, Record<string, string>>> = {
  regionReconciliations: { date: businessDay(new Date()) },
  reviewQueue: { region: B_COUNTY },
  marketPriceReports: { product: 'barley' },
  regionSupervision: { from: businessDay(new Date(Date.now() - 30 * DAY_MS)), to: businessDay(new Date()) },
  regionSupervisionCsv: { from: businessDay(new Date(Date.now() - 30 * DAY_MS)), to: businessDay(new Date()) },
};

const fillPath = (route: Route, o: Objects) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value =
      name === 'id'
        ? o[FEED_FOR[route.name] ?? 'publishedId']
        : name === 'orderId'
          ? o[ORDER_FOR[route.name] ?? 'orderId']
          : (o as unknown as Record<string, string>)[name];
    if (!value) throw new Error(`${route.name}: no object for {${name}}: add it to the BOLA fixture`);
    return value;
  });

async function requestOf(route: Route, o: Objects) {
  const body = BODIES[route.name] ? await BODIES[route.name]!(o) : undefined;
  if (route.body && body === undefined) throw new Error(`${route.name}: add a valid body to BODIES`);
  return (caller: User) =>
    invoke(handlers[route.function], {
      method: route.method,
      path: fillPath(route, o),
      query: QUERIES[route.name],
      headers: { ...caller.auth, ...(route.idempotent ? { 'idempotency-key': newKey() } : {}) },
      body,
    });
}

const mayCall = (route: RouteDef, user: User) => route.access === 'public' || (route.access as readonly string[]).includes(user.user.role);
/** Counters keyed by the caller (rate limits, idempotency claims) are the caller's own, not the target's data. */
const notTheCallers = (item: Record<string, unknown>) => !/^(RATE|IDEMPOTENCY)#/.test(String(item.PK));
const successOf = (route: RouteDef) => route.successStatus ?? 200;
const rowsOf = (scope: RouteDef['scope']) =>
  routeList.filter((r) => r.access !== 'public' && r.scope === scope).map((r) => [`${r.method} ${r.path}`, r] as const);

beforeAll(async () => {
  table = await useFreshTable('bola');
  await copyStations(table.doc, table.tableName, [A.villageCode, B.villageCode]);
  for (const station of [A, B]) await copyRegionChain(table.doc, table.tableName, station.villageCode);
  await seedPriceCatalogue(table.doc, table.tableName);
  officerA = await officerOf(table.doc, table.tableName, A);
  officerB = await officerOf(table.doc, table.tableName, B);
  outsiders = [
    await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202' }),
    await createUser(table.doc, table.tableName, { role: 'prefecture_admin', regionCode: '6302' }),
  ];
  adminOfB = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: B_COUNTY });
  villagerOfA = await linkedVillager(officerA, (await objectsOf(A, officerA, outsiders[0])).householdId);
});

describe('BOLA: the matrix covers the route table', () => {
  it('has rows for every signed-in route, or the route says why it has no scope', () => {
    const covered = ['station', 'region', 'self'].flatMap((scope) => rowsOf(scope as RouteDef['scope']).map(([, r]) => r.name));
    const unscoped = routeList.filter((r) => r.access !== 'public' && r.scope === 'none');
    expect([...covered, ...unscoped.map((r) => r.name)].sort()).toEqual(
      routeList
        .filter((r) => r.access !== 'public')
        .map((r) => r.name)
        .sort(),
    );
    for (const route of unscoped) expect(route.scopeReason).toEqual(expect.stringMatching(/\S{3,}.*\S{3,}/));
    expect(rowsOf('station').length * rowsOf('region').length * rowsOf('self').length).toBeGreaterThan(0);
  });
});

describe('BOLA: station-scoped routes', () => {
  it.each(rowsOf('station'))(
    '%s: officers of A, admins outside B and villagers get 404 for B’s objects and change nothing; B’s officer succeeds',
    async (_, route) => {
      const objectsOfB = await objectsOf(B, officerB, adminOfB);
      const send = await requestOf(route, objectsOfB);
      const attackers = [officerA, ...outsiders, villagerOfA].filter((caller) => mayCall(route, caller));
      expect(attackers.length).toBeGreaterThan(0);
      const before = await snapshotTable(table.doc, table.tableName, notTheCallers);
      for (const caller of attackers) {
        const res = await send(caller);
        expect({ route: route.name, role: caller.user.role, status: res.status, code: res.json?.error?.code }).toEqual({
          route: route.name,
          role: caller.user.role,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      expect(await snapshotTable(table.doc, table.tableName, notTheCallers)).toEqual(before);
      // The very same request by B's own officer goes through: only ownership made the difference.
      const own = await send(mayCall(route, officerB) ? officerB : adminOfB);
      expect({ route: route.name, status: own.status }).toEqual({ route: route.name, status: successOf(route) });
    },
  );
});

describe('BOLA: region-scoped routes', () => {
  it.each(rowsOf('region'))(
    '%s: admins of another region get 404 for objects in B’s region and change nothing; B’s admin succeeds',
    async (_, route) => {
      const send = await requestOf(route, await objectsOf(B, officerB, adminOfB));
      const attackers = outsiders.filter((caller) => mayCall(route, caller));
      expect(attackers.length).toBeGreaterThan(0);
      const before = await snapshotTable(table.doc, table.tableName, notTheCallers);
      for (const caller of attackers) {
        const res = await send(caller);
        expect({ route: route.name, role: caller.user.role, status: res.status, code: res.json?.error?.code }).toEqual({
          route: route.name,
          role: caller.user.role,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      expect(await snapshotTable(table.doc, table.tableName, notTheCallers)).toEqual(before);
      const own = await send(adminOfB);
      expect({ route: route.name, status: own.status }).toEqual({ route: route.name, status: successOf(route) });
    },
  );

  it('GET /regions/{code}/reconciliations of a region above the admin’s own is a 404 too', async () => {
    for (const code of ['63', '6327', '632701']) {
      const res = await invoke(handlers.payments, {
        path: `/regions/${code}/reconciliations`,
        query: { date: '2026-01-01' },
        headers: outsiders[0].auth,
      });
      expect({ code, status: res.status }).toEqual({ code, status: 404 });
    }
  });
});

describe('BOLA: self-scoped routes', () => {
  it.each(rowsOf('self'))('%s: answers about the caller only: nothing of another user in the answer, their items unchanged', async (_, route) => {
    // Two users with the same kind of data: each linked to a household with a payment, at A and at B.
    const own = await objectsOf(A, officerA, outsiders[0]);
    const other = await objectsOf(B, officerB, adminOfB);
    // Villagers' own (their household's payments), or, on routes of writers, an expert's own items.
    const forVillagers = mayCall(route, villagerOfA);
    const caller = forVillagers ? await linkedVillager(officerA, own.householdId) : own.expert;
    const stranger = forVillagers ? await linkedVillager(officerB, other.householdId) : other.expert;
    expect(mayCall(route, caller)).toBe(true);
    const marks = [stranger.user.id, stranger.user.openid, other.householdId, other.paymentId, other.inReviewId, other.publishedId];
    const strangers = (item: Record<string, unknown>) => marks.some((mark) => JSON.stringify(item).includes(mark));
    const before = await snapshotTable(table.doc, table.tableName, strangers);
    expect(before.length).toBeGreaterThan(0);
    const res = await (await requestOf(route, own))(caller);
    expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: successOf(route) });
    expect(marks.filter((mark) => res.raw.includes(mark))).toEqual([]);
    // It does answer about the caller (so "names nothing of the stranger" is not an empty answer); the
    // one-time codes a user shows, the subscribe-message allowances (templates and counts) and the presigned upload forms and questions (views say `yours`, never an id) name nobody at all.
    // Marketplace: a buyer's addresses, carts and orders name the buyer nowhere (views say `yours`); a fresh caller has none;
    // a cooperative's link answers the cooperative (its contact is the caller, named nowhere).
    const namesNobody = [
      'householdLinkCode',
      'accountCode',
      'mySubscriptions',
      'recordSubscriptions',
      'createUpload',
      'myQuestions',
      'createAddress',
      'myAddresses',
      'myCarts',
      'createOrder',
      'myOrders',
      'linkSeller',
      // the chosen language ({"language":"bo"}): the caller's own setting, naming no one.
      'myLanguage',
    ].includes(route.name);
    expect([caller.user.id, own.householdId, own.paymentId, own.publishedId].some((mark) => res.raw.includes(mark)) || namesNobody).toBe(true);
    expect(await snapshotTable(table.doc, table.tableName, strangers)).toEqual(before);
  });
});
