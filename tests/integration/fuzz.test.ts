/**
 * IV7: arbitrary methods, paths, queries, headers and bodies on every route of the table never get
 * a 5xx, and every answer is JSON in the contract's shape (or the poster's SVG). 1,000+ runs.
 */
import fc from 'fast-check';
import { routeList } from '../../shared';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { localClients } from '../../scripts/lib/local-clients';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { createUser } from '../harness/users';

const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;
const TUQIAO = stationIdForVillage('630202002214');

const segment = fc.oneof(
  fc.constantFrom(
    '63',
    '6302',
    '630202002214',
    TUQIAO,
    'x',
    '%',
    '%E5%9C',
    '..',
    'null',
    '0',
    '-1',
    '1e9',
    'ａ',
    '土桥',
    'yak-head',
    'ledu',
    'jiegu',
    // A pay link's token and a payment request's id in their shapes, so the fuzzer reaches past those schemas.
    'A'.repeat(43),
    'pq000000000000000000000000',
    // A service record's id in its shape (consultations, ratings).
    'consult-AAAAAAAAAAAAAAAAAAAAAAAA',
    // A training session's id in its shape.
    'tr000000000000000000000000',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const jsonValue = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        stationId: fc.oneof(fc.constant(TUQIAO), fc.string()),
        userId: fc.string(),
        code: fc.string(),
        phone: fc.string(),
        location: jsonValue,
        openingHours: jsonValue,
        type: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Payment, day-close and household shapes, so the fuzzer reaches past the schemas of those routes too.
  fc
    .record(
      {
        stationId: fc.oneof(fc.constant(TUQIAO), fc.string()),
        billType: fc.constantFrom('electricity', 'water', 'phone', 'social_insurance', 'gas'),
        accountNo: fc.oneof(fc.stringMatching(/^[0-9]{4,12}$/), fc.string()),
        amountFen: fc.oneof(fc.integer(), fc.double(), fc.string()),
        cashReceivedFen: fc.integer(),
        householdId: fc.string(),
        method: fc.constantFrom('cash', 'card'),
        date: fc.oneof(fc.constant('2020-01-01'), fc.string()),
        countedCashFen: fc.integer(),
        reason: fc.string(),
        headName: fc.string(),
        consent: fc.boolean(),
        members: jsonValue,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Upload shapes (POST /uploads), sizes around the limits included.
  fc
    .record(
      {
        purpose: fc.constantFrom('feed_image', 'x'),
        contentType: fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'application/x-msdownload', 'x'),
        size: fc.oneof(fc.integer(), fc.constantFrom(0, 5 * 1024 * 1024, 5 * 1024 * 1024 + 1, 20 * 1024 * 1024), fc.double(), fc.string()),
        thumbnailSize: fc.oneof(fc.integer(), fc.constantFrom(1, 300 * 1024 + 1)),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Item shapes, so the fuzzer reaches past the feed schemas too.
  fc
    .record(
      {
        title: fc.string(),
        body: fc.string(),
        category: fc.constantFrom('policy', 'weather_alert', 'x'),
        regionCode: fc.constantFrom('63', '630202', '632701001201', '99', 'x'),
        lang: fc.constantFrom('zh', 'bo', 'en'),
        areaTypes: fc.oneof(fc.constant(['pastoral']), jsonValue),
        urgent: fc.boolean(),
        requiresAck: fc.boolean(),
        expiresAt: fc.oneof(fc.constant('2030-01-01T00:00:00Z'), fc.constant('2000-01-01T00:00:00Z'), fc.string()),
        translations: jsonValue,
        areaType: fc.constantFrom('farming', 'pastoral', 'x'),
        field: fc.constantFrom('crops', 'x'),
        how: fc.constantFrom('phone', 'x'),
        images: fc.oneof(fc.constant(['up0000', 'up0001']), fc.array(fc.string(), { maxLength: 8 }), jsonValue),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Price report, mark and catalogue shapes, so the fuzzer reaches past the price schemas too.
  fc
    .record(
      {
        productId: fc.constantFrom('yak-head', 'barley', 'x', ''),
        marketId: fc.constantFrom('ledu', 'jiegu', 'x'),
        date: fc.oneof(fc.constantFrom('2026-11-30', '2020-01-01', '2099-01-01', '2026-02-30'), fc.string()),
        priceFen: fc.oneof(fc.integer(), fc.double(), fc.string()),
        wrong: fc.oneof(fc.boolean(), fc.string()),
        reason: fc.string(),
        name: fc.string(),
        unit: fc.constantFrom('head', 'jin', 'kg', 'x'),
        active: fc.oneof(fc.boolean(), fc.string()),
        regionCode: fc.constantFrom('63', '630202', '630202001', '632701001201', 'x'),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Question and answer shapes, so the fuzzer reaches past the question schemas too.
  fc
    .record(
      {
        field: fc.constantFrom('crops', 'livestock', 'x'),
        text: fc.oneof(fc.constantFrom('青稞叶子发黄怎么办？', ''), fc.string()),
        consent: fc.oneof(fc.boolean(), fc.string()),
        photos: fc.oneof(fc.constant(['up0000', 'up0001']), fc.array(fc.string(), { maxLength: 5 }), jsonValue),
        householdId: fc.oneof(fc.constant('hh000000000000000000000000'), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Marketplace shapes (sellers, listings, addresses, carts, orders), so the fuzzer reaches past their schemas too.
  fc
    .record(
      {
        kind: fc.constantFrom('household', 'cooperative', 'x'),
        name: fc.string(),
        consent: fc.oneof(fc.boolean(), fc.string()),
        sellerId: fc.constantFrom('sl000000000000000000000000', 'x'),
        title: fc.string(),
        category: fc.constantFrom('yak_meat', 'juema', 'x'),
        unit: fc.constantFrom('jin', 'tou', 'x'),
        priceFen: fc.oneof(fc.integer(), fc.double(), fc.string()),
        stock: fc.oneof(fc.integer(), fc.double(), fc.string()),
        status: fc.constantFrom('ACTIVE', 'PAUSED', 'ENDED', 'PAID', 'x'),
        delivery: fc.oneof(
          fc.constant({ mode: 'pickup' }),
          fc.constant({ mode: 'shipping', addressId: 'ad000000000000000000000000' }),
          fc.constant({ pickup: false, shipping: null }),
          jsonValue,
        ),
        items: fc.oneof(
          fc.array(fc.record({ listingId: fc.constantFrom('ls000000000000000000000000', 'x'), quantity: fc.oneof(fc.integer(), fc.double()) }), {
            maxLength: 25,
          }),
          jsonValue,
        ),
        phone: fc.oneof(fc.constant('13812345678'), fc.string()),
        code: fc.oneof(fc.constantFrom('12345678', '123456'), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Fulfilment shapes (pickup codes, shipments, consignments), so the fuzzer reaches past their schemas too.
  fc
    .record(
      {
        code: fc.oneof(fc.constantFrom('123456', '000000', '12345'), fc.string({ maxLength: 8 }), fc.integer()),
        carrier: fc.oneof(fc.constantFrom('顺丰', '邮政'), fc.string()),
        trackingNo: fc.oneof(fc.constantFrom('SF100200300', 'x'), fc.string()),
        orderIds: fc.oneof(fc.array(fc.constantFrom('or000000000000000000000000', 'x'), { maxLength: 60 }), jsonValue),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Service ledger shapes (consultations, ratings), so the fuzzer reaches past their schemas too.
  fc
    .record(
      {
        channel: fc.constantFrom('phone', 'wechat', 'in_person', 'x'),
        householdId: fc.oneof(fc.constant('hh000000000000000000000000'), fc.string()),
        rating: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.double(), fc.string()),
        comment: fc.oneof(fc.constantFrom('很好', '\u202E', ''), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Training shapes (sessions, sign-ups, check-ins), so the fuzzer reaches past their schemas too.
  fc
    .record(
      {
        stationId: fc.oneof(fc.constant(TUQIAO), fc.string()),
        title: fc.oneof(fc.constant('手机上网课'), fc.string()),
        topic: fc.constantFrom('phone_skills', 'other', 'x'),
        trainer: fc.string(),
        trainerIsMe: fc.oneof(fc.boolean(), fc.string()),
        startsAt: fc.oneof(fc.constantFrom('2030-01-01T02:00:00Z', '2000-01-01T00:00:00Z', '2030-02-30T25:00:00+08:00'), fc.string()),
        endsAt: fc.oneof(fc.constantFrom('2030-01-01T04:00:00Z', '2030-01-02T04:00:00Z', '2029-12-31T00:00:00Z'), fc.string()),
        capacity: fc.oneof(fc.integer(), fc.double(), fc.string()),
        reason: fc.string(),
        householdId: fc.oneof(fc.constant('hh000000000000000000000000'), fc.string()),
        name: fc.string(),
        phone: fc.oneof(fc.constant('13812345678'), fc.string()),
        token: fc.oneof(fc.constant('A'.repeat(22)), fc.string()),
        signupId: fc.oneof(fc.constant('0'.repeat(24)), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);
const query = fc.dictionary(
  fc.constantFrom(
    'region',
    'q',
    'near',
    'limit',
    'cursor',
    'date',
    'status',
    'category',
    'lang',
    'product',
    'from',
    'to',
    'month',
    'stationId',
    'when',
    'x',
    '__proto__',
  ),
  fc.oneof(segment, fc.string({ maxLength: 30 })),
  { maxKeys: 4 },
);

describe('fuzzing every route', () => {
  it('never answers 5xx (1,200 runs)', async () => {
    const admin = await createUser(doc, table, { role: 'province_admin', regionCode: '63' });
    const officer = await createUser(doc, table, { role: 'officer', stationId: TUQIAO, stationVillageCode: '630202002214' });
    const tokens = [undefined, admin.auth.authorization, officer.auth.authorization, 'Bearer x.y.z', 'garbage'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routeList),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        query,
        body,
        fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded'),
        fc.constantFrom(...tokens),
        fc.boolean(),
        fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.string({ maxLength: 80 })),
        async (route, method, segments, q, rawBody, contentType, authorization, useRouteMethod, idempotencyKey) => {
          let i = 0;
          const path = route.path.replace(/\{\w+\}/g, () => segments[i++ % segments.length]);
          const res = await invoke(handlers[route.function], {
            method: useRouteMethod ? route.method : method,
            path,
            query: q,
            body: rawBody,
            headers: {
              ...(contentType ? { 'content-type': contentType } : {}),
              ...(authorization ? { authorization } : {}),
              ...(idempotencyKey !== undefined ? { 'idempotency-key': idempotencyKey } : {}),
            },
          });
          if (res.status >= 500) throw new Error(`${route.method} ${path} -> ${res.status} ${res.raw}`);
          if (res.status >= 400 && route.errorFormat === 'wechatpay' && res.json?.error === undefined) {
            // A provider webhook answers in the provider's format (WeChat Pay retries until a 2xx).
            expect(res.json).toEqual({ code: 'FAIL', message: expect.any(String) });
          } else if (res.status >= 400) {
            expect(res.json.error).toEqual(
              expect.objectContaining({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) }),
            );
          }
        },
      ),
      { numRuns: 1200 },
    );
  });
});
