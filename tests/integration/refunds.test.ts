/**
 * Refunds after payment (issue 14) on DynamoDB Local through the real handlers and the stage's WeChat Pay
 * stub (its book in the table), counting what is stored: a refund is made once under concurrent approvals
 * and duplicate callbacks (the stub's refunds, the station's refund lines, the stock); forged and stale
 * refund callbacks change nothing; only the verified notification marks an order REFUNDED; refusals put
 * the order back where it was; illegal requests are refused and write nothing.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { wechatPayProvider, wechatPayStub } from '../../functions/adapters/wechat-pay-providers';
import { nonCashLedgerKeys, orderKeys } from '../../functions/data/keys';
import { dynamoOrderRepository } from '../../functions/data/orders-repository';
import { dynamoRefundRepository } from '../../functions/data/refunds-repository';
import { refundNoOf } from '../../functions/domain/market/order-payment';
import { decideRefund } from '../../functions/domain/market/refunds';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { countEntities, countItems } from '../harness/count';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { paidOrder, refundRequested, stubPaidOrder } from '../harness/fulfilment';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { listProduce, marketCall, order, registerCooperative, storedListing } from '../harness/market';
import { copyStations, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let officerB: User;
let countyAdmin: User;
let sellerId: string;

const buyer = () => createUser(table.doc, table.tableName, { role: 'buyer' });
const stored = async (id: string) =>
  (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: orderKeys.item(id), ConsistentRead: true }))).Item!;
const stubRefunds = () => countEntities(table.doc, table.tableName, 'WechatPayStubRefund');
const refundLines = async () => (await snapshotTable(table.doc, table.tableName, (item) => item.kind === 'order_refunded')).length;
const today = () => businessDay(new Date());
const nonCashDay = async () =>
  (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: nonCashLedgerKeys.day(TUQIAO.id, today()), ConsistentRead: true }))).Item ??
  {};
const callerOf = (u: User) => ({ userId: u.user.id, role: u.user.role, stationId: u.user.stationId, regionCode: u.user.regionCode });
const decide = (who: User, orderId: string, body: unknown) => marketCall(who, 'POST', `/orders/${orderId}/refund-decision`, body);
const webhook = (signed: { headers: Record<string, string>; body: string }) =>
  invoke(handlers.market, {
    method: 'POST',
    path: '/webhooks/wechatpay/refunds',
    headers: { ...signed.headers, 'content-type': 'application/json' },
    body: signed.body,
  });

/** Approved through the domain with the stage's stub provider, WITHOUT the stub's delivery: the order waits REFUNDING for its notification. */
async function approvedAwaitingNotification(orderId: string) {
  const approved = await decideRefund(
    { orders: dynamoOrderRepository, refunds: dynamoRefundRepository },
    async () => wechatPayProvider(),
    callerOf(officer),
    orderId,
    { decision: 'approve' },
  );
  expect(approved.status).toBe('REFUNDING');
}

beforeAll(async () => {
  table = await useFreshTable('refunds');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  for (const s of [TUQIAO, YUSHU]) await copyRegionChain(table.doc, table.tableName, s.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  officerB = await officerOf(table.doc, table.tableName, YUSHU);
  countyAdmin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: TUQIAO.villageCode.slice(0, 6) });
  sellerId = await registerCooperative(officer, TUQIAO.id);
});

describe('a refund after payment', () => {
  it('request with a reason, approval, the stub’s signed notification: REFUNDED, stock back, one refund at the provider, one refund line, shown in the day close', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 10 });
    const me = await buyer();
    const paid = await stubPaidOrder(me, listingId, 'pickup', undefined, 3);
    expect((await storedListing(table.doc, table.tableName, listingId)).stock).toBe(7);
    const [refundsBefore, linesBefore, dayBefore] = [await stubRefunds(), await refundLines(), await nonCashDay()];

    // A reason is required and bounded: 400, nothing written.
    const items = await countItems(table.doc, table.tableName);
    for (const reason of ['', ' ', 'x'.repeat(201)]) {
      const bad = await marketCall(me, 'POST', `/orders/${paid.id}/refund-request`, { reason });
      expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await countItems(table.doc, table.tableName)).toBe(items);

    const requested = await refundRequested(me, paid.id, '买错了规格');
    expect([requested.status, requested.refund.status, requested.refund.reason]).toEqual(['REFUND_REQUESTED', 'REQUESTED', '买错了规格']);
    // Off today's manifest while it waits; a second request is refused.
    const manifest = await marketCall(officer, 'GET', `/stations/${TUQIAO.id}/manifest`);
    expect(JSON.stringify(manifest.json)).not.toContain(paid.id);
    expect((await marketCall(me, 'POST', `/orders/${paid.id}/refund-request`, { reason: '再申请一次' })).status).toBe(409);

    const approved = await decide(officer, paid.id, { decision: 'approve', note: '同意' });
    expect([approved.status, approved.json.status, approved.json.refund.status]).toEqual([200, 'REFUNDED', 'REFUNDED']);
    expect(await stubRefunds()).toBe(refundsBefore + 1);
    expect(await refundLines()).toBe(linesBefore + 1);
    expect((await storedListing(table.doc, table.tableName, listingId)).stock).toBe(10);
    const day = await nonCashDay();
    expect([
      Number(day.refundCount ?? 0) - Number(dayBefore.refundCount ?? 0),
      Number(day.refundedFen ?? 0) - Number(dayBefore.refundedFen ?? 0),
    ]).toEqual([1, paid.totalFen]);
    // The day close shows it beside the cash; the non-cash day lists the refund line.
    const close = await invoke(handlers.payments, { path: `/stations/${TUQIAO.id}/ledger`, query: { date: today() }, headers: officer.auth });
    expect(close.json.nonCash).toEqual(expect.objectContaining({ refundCount: Number(day.refundCount), refundedFen: Number(day.refundedFen) }));
    const lines = await invoke(handlers.payments, { path: `/stations/${TUQIAO.id}/noncash-ledger`, query: { date: today() }, headers: officer.auth });
    expect(lines.json.items).toContainEqual(expect.objectContaining({ kind: 'order_refunded', refId: paid.id, amountFen: paid.totalFen }));
    const seen = await marketCall(me, 'GET', `/orders/${paid.id}`);
    expect([seen.json.status, seen.json.refund.refundedAt]).toEqual(['REFUNDED', expect.any(String)]);
  });

  it('10 concurrent approvals (officer and admin) then 10 copies of the notification: one provider refund, one refund line, the stock back once', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5 });
    const me = await buyer();
    const paid = await stubPaidOrder(me, listingId, 'shipping');
    await refundRequested(me, paid.id);
    const [refundsBefore, linesBefore] = [await stubRefunds(), await refundLines()];
    const approvals = await Promise.all(
      Array.from({ length: 10 }, (_, i) => decide(i % 2 ? countyAdmin : officer, paid.id, { decision: 'approve' })),
    );
    // Each approval either went through (the same refund: out_refund_no is the order's) or found it refunded meanwhile.
    expect(approvals.every((r) => r.status === 200 || (r.status === 409 && r.json.error.code === 'CONFLICT'))).toBe(true);
    expect(approvals.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    const copies = await Promise.all(
      Array.from({ length: 10 }, async () => webhook((await (await wechatPayStub()).refundNotification(refundNoOf(paid.id)))!)),
    );
    expect(copies.map((r) => r.status)).toEqual(Array(10).fill(204));
    expect(await stubRefunds()).toBe(refundsBefore + 1);
    expect(await refundLines()).toBe(linesBefore + 1);
    expect((await storedListing(table.doc, table.tableName, listingId)).stock).toBe(5);
    expect((await stored(paid.id)).status).toBe('REFUNDED');
  });

  it('only the verified notification marks it REFUNDED: forged, stale and unknown-serial copies are 401 and change nothing; the genuine one once; a replay later changes nothing', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5 });
    const me = await buyer();
    const paid = await stubPaidOrder(me, listingId);
    await refundRequested(me, paid.id);
    await approvedAwaitingNotification(paid.id);
    expect(await stubRefunds()).toBeGreaterThan(0);
    expect((await stored(paid.id)).status).toBe('REFUNDING');
    const stub = await wechatPayStub();
    const genuine = (await stub.refundNotification(refundNoOf(paid.id)))!;
    const stale = (await stub.refundNotification(refundNoOf(paid.id), new Date(Date.now() - 6 * 60_000)))!;
    const flip = (text: string, at: number) => text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
    const before = await snapshotTable(table.doc, table.tableName);
    const forgeries = [
      { headers: genuine.headers, body: flip(genuine.body, 40) },
      { headers: { ...genuine.headers, 'Wechatpay-Signature': flip(genuine.headers['Wechatpay-Signature'], 10) }, body: genuine.body },
      { headers: { ...genuine.headers, 'Wechatpay-Serial': 'ABCDEF' }, body: genuine.body },
      stale,
    ];
    for (const forged of forgeries) {
      const res = await webhook(forged);
      expect([res.status, res.json.code]).toEqual([401, 'FAIL']);
    }
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(before);
    expect((await marketCall(me, 'GET', `/orders/${paid.id}`)).json.status).toBe('REFUNDING');
    const lines = await refundLines();
    expect((await webhook(genuine)).status).toBe(204);
    expect((await stored(paid.id)).status).toBe('REFUNDED');
    expect(await refundLines()).toBe(lines + 1);
    const after = await snapshotTable(table.doc, table.tableName);
    expect((await webhook((await stub.refundNotification(refundNoOf(paid.id)))!)).status).toBe(204);
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(after);
  });
});

describe('a late copy of the payment notification', () => {
  it('after the order moved on (handed over; a refund asked) is a duplicate: no refund at the provider, nothing written', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5 });
    const stub = await wechatPayStub();
    const moved: string[] = [];
    for (const next of ['handOver', 'refundRequest'] as const) {
      const me = await buyer();
      const paid = await stubPaidOrder(me, listingId);
      if (next === 'handOver') {
        const code = (await marketCall(me, 'GET', `/orders/${paid.id}/pickup-code`)).json.code;
        expect((await marketCall(officer, 'POST', `/stations/${TUQIAO.id}/pickups`, { code })).status).toBe(200);
      } else await refundRequested(me, paid.id);
      moved.push(paid.id);
    }
    const notCounters = (item: Record<string, unknown>) => !/^(RATE|IDEMPOTENCY)#/.test(String(item.PK));
    const before = await snapshotTable(table.doc, table.tableName, notCounters);
    for (const orderId of moved) {
      const trade = (await stub.book.get(orderId))!;
      const copy = stub.notification({
        mchid: trade.mchid,
        appid: trade.appid,
        out_trade_no: orderId,
        transaction_id: trade.transactionId!,
        trade_state: 'SUCCESS',
        amount: { total: trade.amountFen, currency: 'CNY' },
      });
      const res = await invoke(handlers.market, {
        method: 'POST',
        path: '/webhooks/wechatpay',
        headers: { ...copy.headers, 'content-type': 'application/json' },
        body: copy.body,
      });
      expect(res.status).toBe(204);
    }
    expect(await snapshotTable(table.doc, table.tableName, notCounters)).toEqual(before);
  });
});

describe('sellers’ earnings', () => {
  it('GET /me/seller: earnings are net of refunds (refundedFen apart), a refunded order is neither sold nor a paid order', async () => {
    const coop = await registerCooperative(officer, TUQIAO.id, `退款合作社${Date.now()}`);
    const listingId = await listProduce(officer, coop, { priceFen: 3_000, stock: 10 });
    const kept = await stubPaidOrder(await buyer(), listingId, 'pickup', undefined, 2);
    const me = await buyer();
    const refunded = await stubPaidOrder(me, listingId, 'pickup', undefined, 3);
    await refundRequested(me, refunded.id);
    expect((await decide(officer, refunded.id, { decision: 'approve' })).json.status).toBe('REFUNDED');
    const contact = await createUser(table.doc, table.tableName, { role: 'villager' });
    const code = await marketCall(officer, 'POST', `/sellers/${coop}/link-code`);
    expect((await marketCall(contact, 'POST', '/me/seller-links', { code: code.json.code })).status).toBe(201);
    const [account] = (await marketCall(contact, 'GET', '/me/seller')).json.items;
    expect([account.earningsFen, account.refundedFen, account.sales, account.listings[0].soldQuantity]).toEqual([
      kept.totalFen,
      refunded.totalFen,
      { paidOrders: 1, quantity: 2 },
      2,
    ]);
  });
});

describe('refusals and illegal moves', () => {
  it('a refusal needs a note and puts the order back where it was (ready on the shelf): no money, no stock, no line; the buyer may ask again', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5 });
    const me = await buyer();
    const paid = await stubPaidOrder(me, listingId);
    expect((await marketCall(officer, 'POST', `/orders/${paid.id}/ready`)).status).toBe(200);
    await refundRequested(me, paid.id);
    const [refunds, lines] = [await stubRefunds(), await refundLines()];
    const noNote = await decide(officer, paid.id, { decision: 'refuse' });
    expect([noNote.status, noNote.json.error.code, noNote.json.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'body.note']);
    const refused = await decide(officer, paid.id, { decision: 'refuse', note: '货已装车，请到站自提' });
    expect([refused.status, refused.json.status, refused.json.refund.status, refused.json.refund.note]).toEqual([
      200,
      'READY_FOR_PICKUP',
      'REFUSED',
      '货已装车，请到站自提',
    ]);
    expect([await stubRefunds(), await refundLines(), (await storedListing(table.doc, table.tableName, listingId)).stock]).toEqual([
      refunds,
      lines,
      4,
    ]);
    // Refused once is not refused for ever; a second refusal of nothing is a 409.
    expect((await decide(officer, paid.id, { decision: 'refuse', note: '再拒一次' })).status).toBe(409);
    expect((await refundRequested(me, paid.id, '还是想退')).status).toBe('REFUND_REQUESTED');
  });

  it('no refund for an unpaid, shipped or handed-over order, nor of someone else’s order; no decision without a request, nor from another station', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 10 });
    const me = await buyer();
    const unpaid = await order(me, [{ listingId, quantity: 1 }]);
    const shipped = await paidOrder(me, listingId, 'shipping');
    expect((await marketCall(officer, 'POST', `/orders/${shipped}/shipment`, { carrier: '顺丰', trackingNo: 'SF100200300' })).status).toBe(200);
    const paidOne = await paidOrder(me, listingId);
    const stranger = await buyer();
    const notCounters = (item: Record<string, unknown>) => !/^(RATE|IDEMPOTENCY)#/.test(String(item.PK));
    const before = await snapshotTable(table.doc, table.tableName, notCounters);
    const ask = (who: User, id: string) => marketCall(who, 'POST', `/orders/${id}/refund-request`, { reason: '不要了' });
    expect((await ask(me, unpaid.json.id)).status).toBe(409);
    expect((await ask(me, shipped)).status).toBe(409);
    expect((await ask(stranger, paidOne)).status).toBe(404);
    expect((await ask(officer, paidOne)).status).toBe(404);
    expect((await decide(officer, paidOne, { decision: 'approve' })).status).toBe(409);
    expect((await decide(officerB, paidOne, { decision: 'refuse', note: '不行' })).status).toBe(404);
    expect((await decide(me, paidOne, { decision: 'approve' })).status).toBe(403);
    expect(await snapshotTable(table.doc, table.tableName, notCounters)).toEqual(before);
  });
});
