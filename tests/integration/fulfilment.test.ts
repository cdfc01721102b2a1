/**
 * Fulfilment (issue 14) on DynamoDB Local, counting what is stored: the order's state machine holds in
 * the table (random sequences of moves with stale reads), a pickup code works once under 20 concurrent
 * confirmations and only at its station, guesses are rate limited, shipping and receipt, the station's
 * manifest, and consignments that never mix stations.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { qrSvgDataUri } from '../../functions/adapters/qr-image';
import fc from 'fast-check';
import { dynamoFulfilmentRepository } from '../../functions/data/fulfilment-repository';
import { orderKeys } from '../../functions/data/keys';
import { dynamoOrderRepository } from '../../functions/data/orders-repository';
import { dynamoRefundRepository } from '../../functions/data/refunds-repository';
import { confirmReceipt } from '../../functions/domain/market/fulfilment';
import type { OrderRecord } from '../../functions/domain/market/market';
import { nextStatus, ORDER_ACTIONS, type OrderAction } from '../../functions/domain/market/order-state';
import { takeRateLimitToken } from '../../functions/data/rate-limiter';
import { dynamoStationRepository } from '../../functions/data/stations-repository';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import type { OrderStatus } from '../../shared';
import { usePinnedRateLimitClock } from '../harness/clock';
import { countEntities, countItems } from '../harness/count';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { paidOrder, pickupCodeOf, shippingAddress } from '../harness/fulfilment';
import { listProduce, marketCall, order, registerCooperative } from '../harness/market';
import { copyStations, newKey, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let officerB: User;
let sellerId: string;
let sellerB: string;
let listingId: string;
const clock = usePinnedRateLimitClock();

const buyer = () => createUser(table.doc, table.tableName, { role: 'buyer' });
const stored = async (id: string) =>
  (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: orderKeys.item(id), ConsistentRead: true }))).Item!;
const callerOf = (u: User) => ({ userId: u.user.id, role: u.user.role, stationId: u.user.stationId, regionCode: u.user.regionCode });
const fulfilmentDeps = (now?: () => Date) => ({
  orders: dynamoOrderRepository,
  stations: dynamoStationRepository,
  fulfilment: dynamoFulfilmentRepository,
  rateLimit: takeRateLimitToken,
  qrImage: qrSvgDataUri,
  now,
});

beforeAll(async () => {
  table = await useFreshTable('fulfil');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  for (const s of [TUQIAO, YUSHU]) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  officerB = await officerOf(table.doc, table.tableName, YUSHU);
  sellerId = await registerCooperative(officer, TUQIAO.id);
  sellerB = await registerCooperative(officer, TUQIAO.id, '乐都青稞合作社');
  listingId = await listProduce(officer, sellerId, { stock: 1000 });
});

describe('the state machine in the table', () => {
  it('random sequences of moves, each sent with the order as first read (stale): stored status always the machine’s, every illegal move refused and nothing changed', async () => {
    let illegal = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'pickup' | 'shipping'>('pickup', 'shipping'),
        fc.array(fc.constantFrom(...ORDER_ACTIONS), { minLength: 1, maxLength: 8 }),
        async (mode, actions) => {
          const me = await buyer();
          const delivery = mode === 'pickup' ? { mode } : { mode, addressId: await shippingAddress(me) };
          const placed = await order(me, [{ listingId, quantity: 1 }], newKey(), delivery);
          expect(placed.status).toBe(201);
          // The snapshot every move is sent with: only the stored conditions can tell what is legal now.
          const stale = (await dynamoOrderRepository.get(placed.json.id)) as OrderRecord;
          let model: OrderStatus = 'PENDING_PAYMENT';
          let resumeTo: OrderStatus | null = null;
          let code: string | null = null;
          for (const action of actions) {
            const at = new Date().toISOString();
            const expected = nextStatus({ status: model, mode, resumeTo }, action);
            if (action === 'requestRefund' && expected) resumeTo = model;
            const before = await stored(stale.id);
            const applied = await apply(action, stale, at, code);
            if (action === 'pay' && applied && mode === 'pickup') code = await pickupCodeOf(me, stale.id);
            const after = await stored(stale.id);
            expect({ action, from: model, applied: Boolean(applied) }).toEqual({ action, from: model, applied: expected !== null });
            if (expected) model = expected;
            else {
              illegal++;
              expect(after).toEqual(before);
            }
            expect(after.status).toBe(model);
            // The manifest's sparse index is there exactly while the order is paid and not yet out.
            // (a refund request keeps it, off the manifest's list; approving drops it)
            expect(after.GSI3PK === `STATION_FULFIL#${TUQIAO.id}`).toBe(['PAID', 'READY_FOR_PICKUP', 'REFUND_REQUESTED'].includes(model));
          }
        },
      ),
      { numRuns: 30, seed: 20261130 },
    );
    expect(illegal).toBeGreaterThan(0);
  });
});

/** One move through the repository (the stored write and its condition), as the domain would send it. */
async function apply(action: OrderAction, o: OrderRecord, at: string, code: string | null): Promise<unknown> {
  switch (action) {
    case 'pay':
      return dynamoOrderRepository.markPaid(o, { transactionId: 'tx' + o.id, amountFen: o.totalFen, at, businessDate: businessDay(new Date(at)) });
    case 'cancel':
      return dynamoOrderRepository.release(o, 'CANCELLED', at);
    case 'expire':
      return dynamoOrderRepository.release(o, 'EXPIRED', at);
    case 'handOver':
      return dynamoFulfilmentRepository.handOver(o, code ?? '000000', at);
    case 'ship':
      return dynamoFulfilmentRepository.move(o, 'ship', at, {
        shipment: { carrier: '顺丰', trackingNo: 'SF1234567', shippedAt: at, consignmentId: null },
      });
    case 'requestRefund':
      return dynamoRefundRepository.request(o, { reason: '不想要了', requestedAt: at, decision: null, refunded: null });
    case 'refuseRefund':
      return dynamoRefundRepository.refuse(o, { approved: false, note: '货已备好', byUserId: 'u1', at });
    case 'approveRefund':
      return dynamoRefundRepository.approve(o, { approved: true, note: null, byUserId: 'u1', at });
    case 'completeRefund':
      return dynamoRefundRepository.complete(o, {
        refundId: 'rf' + o.id,
        outRefundNo: 'RF' + o.id,
        amountFen: o.totalFen,
        at,
        businessDate: businessDay(new Date(at)),
      });
    default:
      return dynamoFulfilmentRepository.move(o, action, at, action === 'confirmReceipt' ? { receivedBy: 'buyer' } : {});
  }
}

describe('pickup at the station', () => {
  it('20 concurrent confirmations of one code: exactly one hands over; the order is HANDED_OVER and the code is gone', async () => {
    const me = await buyer();
    const orderId = await paidOrder(me, listingId);
    const code = await pickupCodeOf(me, orderId);
    expect(code).toMatch(/^\d{6}$/);
    const shown = (await marketCall(me, 'GET', `/orders/${orderId}/pickup-code`)).json;
    expect([shown.qrText, shown.qrImage]).toEqual([`yinong:pickup:${TUQIAO.id}:${code}`, expect.stringMatching(/^data:image\/svg\+xml;base64,/)]);
    // The same code on a second read (issued once).
    expect(await pickupCodeOf(me, orderId)).toBe(code);
    const codesBefore = await countEntities(table.doc, table.tableName, 'PickupCode');
    const looked = await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickup-lookups`, { code });
    expect([looked.status, looked.json.id, looked.json.status]).toEqual([200, orderId, 'PAID']);
    const results = await Promise.all(Array.from({ length: 20 }, () => marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => [404, 409].includes(r.status))).toBe(true);
    const after = await stored(orderId);
    expect([after.status, typeof after.handedOverAt, after.GSI3PK]).toEqual(['HANDED_OVER', 'string', undefined]);
    expect(await countEntities(table.doc, table.tableName, 'PickupCode')).toBe(codesBefore - 1);
    // Used: a later confirmation or lookup finds nothing.
    expect((await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code })).status).toBe(404);
    const seen = await marketCall(me, 'GET', `/orders/${orderId}`);
    expect(seen.json.steps.map((s: { status: string; done: boolean }) => `${s.status}:${s.done}`)).toEqual([
      'PENDING_PAYMENT:true',
      'PAID:true',
      'READY_FOR_PICKUP:false',
      'HANDED_OVER:true',
    ]);
  });

  it('a code works only at its station and only its buyer sees it; a shipping order has none', async () => {
    const me = await buyer();
    const orderId = await paidOrder(me, listingId);
    expect((await marketCall(officer, 'POST', `/orders/${orderId}/ready`)).json.status).toBe('READY_FOR_PICKUP');
    const code = await pickupCodeOf(me, orderId);
    const before = await countItems(table.doc, table.tableName);
    // Another station's officer: at their own station the code names nothing; at this one, 404 too.
    expect((await marketCall(officerB, 'POST', `/stations/${YUSHU.id}/pickups`, { code })).status).toBe(404);
    expect((await marketCall(officerB, 'POST', `/stations/${TUQIAO.id}/pickups`, { code })).status).toBe(404);
    // Officers never see the code; the order's views do not carry it.
    expect((await marketCall(officer, 'GET', `/orders/${orderId}/pickup-code`)).status).toBe(404);
    expect((await marketCall(officer, 'GET', `/orders/${orderId}`)).raw).not.toContain(code);
    expect((await stored(orderId)).status).toBe('READY_FOR_PICKUP');
    // Only the limiter's windows moved (officer B's attempts counted against the stations they named).
    expect(await countItems(table.doc, table.tableName)).toBeLessThanOrEqual(before + 1);
    const shipped = await paidOrder(me, listingId, 'shipping');
    expect((await marketCall(me, 'GET', `/orders/${shipped}/pickup-code`)).status).toBe(409);
  });

  it('guesses are rate limited per station: past 60 attempts in 10 minutes even the right code gets 429', async () => {
    clock.nowMs += 3 * 3_600_000; // a window of its own
    const me = await buyer();
    const orderId = await paidOrder(me, listingId);
    const code = await pickupCodeOf(me, orderId);
    const wrong = code === '999999' ? '999998' : '999999';
    const guesses = await Promise.all(
      Array.from({ length: 70 }, () => marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickup-lookups`, { code: wrong })),
    );
    expect(guesses.filter((r) => r.status === 404)).toHaveLength(60);
    expect(guesses.filter((r) => r.status === 429).every((r) => r.json.error.code === 'RATE_LIMITED')).toBe(true);
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(10);
    expect((await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code })).status).toBe(429);
    expect((await stored(orderId)).status).toBe('PAID');
    clock.nowMs += 3_600_000;
    expect((await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code })).json.status).toBe('HANDED_OVER');
  });
});

describe('shipping', () => {
  it('the officer ships with carrier and tracking number, the buyer sees them and confirms; the officer only after 10 days', async () => {
    const me = await buyer();
    const orderId = await paidOrder(me, listingId, 'shipping');
    const pickupOnly = await paidOrder(me, listingId, 'pickup');
    expect((await marketCall(officer, 'POST', `/orders/${pickupOnly}/shipment`, { carrier: '顺丰', trackingNo: 'SF100200300' })).status).toBe(409);
    expect((await marketCall(officer, 'POST', `/orders/${orderId}/ready`)).status).toBe(409);
    expect((await marketCall(officerB, 'POST', `/orders/${orderId}/shipment`, { carrier: '顺丰', trackingNo: 'SF100200300' })).status).toBe(404);
    const shipped = await marketCall(officer, 'POST', `/orders/${orderId}/shipment`, { carrier: '顺丰', trackingNo: 'SF100200300' });
    expect([shipped.status, shipped.json.status]).toEqual([200, 'SHIPPED']);
    const seen = (await marketCall(me, 'GET', `/orders/${orderId}`)).json;
    expect(seen.shipment).toEqual(expect.objectContaining({ carrier: '顺丰', trackingNo: 'SF100200300', consignmentId: null }));
    expect(seen.steps.map((s: { status: string }) => s.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'RECEIVED']);
    // Shipping twice is refused; the officer may not confirm receipt before 10 days, may after.
    expect((await marketCall(officer, 'POST', `/orders/${orderId}/shipment`, { carrier: '中通', trackingNo: 'ZT100200300' })).status).toBe(409);
    expect((await marketCall(officer, 'POST', `/orders/${orderId}/receipt`)).status).toBe(409);
    expect((await marketCall(officerB, 'POST', `/orders/${orderId}/receipt`)).status).toBe(404);
    expect((await stored(orderId)).status).toBe('SHIPPED');
    const later = () => new Date(Date.now() + 10 * 24 * 3600_000 + 60_000);
    const byOfficer = await confirmReceipt(fulfilmentDeps(later), callerOf(officer), orderId);
    expect(byOfficer.status).toBe('RECEIVED');
    expect(await stored(orderId)).toEqual(expect.objectContaining({ status: 'RECEIVED', receivedBy: 'officer' }));
    expect((await marketCall(me, 'POST', `/orders/${orderId}/receipt`)).status).toBe(409);
  });

  it('the buyer confirms receipt at once; nobody else’s buyer can', async () => {
    const me = await buyer();
    const orderId = await paidOrder(me, listingId, 'shipping');
    await marketCall(officer, 'POST', `/orders/${orderId}/shipment`, { carrier: '顺丰', trackingNo: 'SF100200301' });
    expect((await marketCall(await buyer(), 'POST', `/orders/${orderId}/receipt`)).status).toBe(404);
    const received = await marketCall(me, 'POST', `/orders/${orderId}/receipt`);
    expect([received.status, received.json.status, received.json.steps[3].done]).toEqual([200, 'RECEIVED', true]);
  });
});

describe('the station’s manifest', () => {
  it('lists by seller what to hand over and what to pack: every paid order not yet out, and nothing of another station', async () => {
    const listingB = await listProduce(officer, sellerB, { stock: 100, title: '青稞面' });
    const me = await buyer();
    const handOver = await paidOrder(me, listingId, 'pickup');
    const pack = await paidOrder(me, listingB, 'shipping');
    const unpaid = await order(me, [{ listingId, quantity: 1 }]);
    const res = await marketCall(officer, 'GET', `/stations/${TUQIAO.id}/manifest`);
    expect(res.status).toBe(200);
    const groups = Object.fromEntries(
      res.json.sellers.map((g: { sellerId: string; handOver: Array<{ id: string }>; pack: Array<{ id: string }> }) => [
        g.sellerId,
        { handOver: g.handOver.map((o) => o.id), pack: g.pack.map((o) => o.id) },
      ]),
    );
    expect(groups[sellerId].handOver).toContain(handOver);
    expect(groups[sellerB].pack).toContain(pack);
    expect(JSON.stringify(res.json)).not.toContain(unpaid.json.id);
    expect((await marketCall(officerB, 'GET', `/stations/${TUQIAO.id}/manifest`)).status).toBe(404);
    // Handed over: off the manifest.
    await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code: await pickupCodeOf(me, handOver) });
    expect((await marketCall(officer, 'GET', `/stations/${TUQIAO.id}/manifest`)).raw).not.toContain(handOver);
  });
});

describe('consolidated shipments', () => {
  it('two sellers’ paid orders to one city: ONE consignment with one tracking number, each order follows it', async () => {
    const listingB = await listProduce(officer, sellerB, { stock: 100, title: '青稞酒' });
    const [a, b] = [await buyer(), await buyer()];
    const first = await paidOrder(a, listingId, 'shipping', '西宁市');
    const second = await paidOrder(b, listingB, 'shipping', '西宁市');
    const consignments = await countEntities(table.doc, table.tableName, 'Consignment');
    const res = await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/consignments`, {
      orderIds: [first, second],
      carrier: '邮政',
      trackingNo: 'EMS987654321',
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual(expect.objectContaining({ stationId: TUQIAO.id, city: '西宁市', trackingNo: 'EMS987654321' }));
    expect(res.json.sellerIds.sort()).toEqual([sellerId, sellerB].sort());
    expect(await countEntities(table.doc, table.tableName, 'Consignment')).toBe(consignments + 1);
    for (const [who, id] of [
      [a, first],
      [b, second],
    ] as const) {
      const seen = (await marketCall(who, 'GET', `/orders/${id}`)).json;
      expect([seen.status, seen.shipment.trackingNo, seen.shipment.consignmentId]).toEqual(['SHIPPED', 'EMS987654321', res.json.id]);
    }
  });

  it('never mixes stations: an order of another station is 404 through the route and refused by the stored condition itself; nothing stored', async () => {
    const coopB = await registerCooperative(officerB, YUSHU.id, '玉树牦牛合作社');
    const listingOfB = await listProduce(officerB, coopB, { stock: 10 });
    const ours = await paidOrder(await buyer(), listingId, 'shipping', '西宁市');
    const theirs = await paidOrder(await buyer(), listingOfB, 'shipping', '西宁市');
    const before = await countItems(table.doc, table.tableName);
    const res = await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/consignments`, {
      orderIds: [ours, theirs],
      carrier: '邮政',
      trackingNo: 'EMS111222333',
    });
    expect([res.status, res.json.error.code]).toEqual([404, 'NOT_FOUND']);
    // Even past the domain's check, the transaction's condition on each order's station refuses it.
    const orders = [(await dynamoOrderRepository.get(ours))!, (await dynamoOrderRepository.get(theirs))!];
    const direct = await dynamoFulfilmentRepository.consign(
      {
        id: 'cn' + 'f'.repeat(24),
        stationId: TUQIAO.id,
        province: '青海省',
        city: '西宁市',
        carrier: '邮政',
        trackingNo: 'EMS111222333',
        orderIds: [ours, theirs],
        sellerIds: [],
        createdAt: new Date().toISOString(),
        createdBy: officer.user.id,
      },
      orders,
    );
    expect(direct).toBe(false);
    expect(await countItems(table.doc, table.tableName)).toBe(before);
    expect([(await stored(ours)).status, (await stored(theirs)).status]).toEqual(['PAID', 'PAID']);
    // Two cities: 400, nothing stored.
    const elsewhere = await paidOrder(await buyer(), listingId, 'shipping', '格尔木市');
    const mixed = await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/consignments`, {
      orderIds: [ours, elsewhere],
      carrier: '邮政',
      trackingNo: 'EMS111222334',
    });
    expect(mixed.status).toBe(400);
    expect([(await stored(ours)).status, (await stored(elsewhere)).status]).toEqual(['PAID', 'PAID']);
  });
});
