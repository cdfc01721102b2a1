/**
 * Paying an order through the WeChat Pay v3 stub (reliability.md PN1-PN6), on DynamoDB Local with the
 * real repositories: only a verified notification marks an order paid, exactly once with one non-cash
 * ledger line; forged, stale, unknown-serial, tampered or mismatching notifications change nothing; a
 * notification racing the hold's release ends either paid or released, never both.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { buyerAccount } from '../../functions/adapters/buyer-account';
import { createWechatPayStub } from '../../functions/adapters/wechat-pay-stub';
import { nonCashLedgerKeys } from '../../functions/data/keys';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { dynamoOrderRepository } from '../../functions/data/orders-repository';
import { handlePaymentNotification, payOrder, type PaymentDeps } from '../../functions/domain/market/order-payment';
import { releaseDueHolds } from '../../functions/domain/market/orders';
import { countEntities, countItems } from '../harness/count';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { listProduce, marketCall, order, registerCooperative, storedListing } from '../harness/market';
import { copyStations, officerOf, TUQIAO } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';
import { wechatPayStub } from '../../functions/adapters/wechat-pay-providers';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let sellerId: string;
const stub = createWechatPayStub();
const alerts: string[] = [];
const deps = (now?: () => Date): PaymentDeps => ({
  orders: dynamoOrderRepository,
  provider: stub.provider,
  keys: stub.keys,
  merchant: { appid: 'wx-local-app', mchid: '1900000001', notifyUrl: 'http://127.0.0.1/webhooks/wechatpay' },
  openidOf: async (userId) => `o-${userId}`,
  languageOf: buyerAccount.languageOf,
  alert: (message) => alerts.push(message),
  now,
});
const callerOf = (u: User) => ({ userId: u.user.id, role: u.user.role });

beforeAll(async () => {
  table = await useFreshTable('orderpay');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  await copyRegionChain(table.doc, table.tableName, TUQIAO.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  sellerId = await registerCooperative(officer, TUQIAO.id);
});

async function pendingOrder(stock = 10, quantity = 2) {
  const listingId = await listProduce(officer, sellerId, { stock, priceFen: 3_000 });
  const buyer = await createUser(table.doc, table.tableName, { role: 'buyer' });
  const placed = await order(buyer, [{ listingId, quantity }]);
  expect(placed.status).toBe(201);
  const params = await payOrder(deps(), callerOf(buyer), placed.json.id);
  expect(params.package).toMatch(/^prepay_id=wx/);
  return { listingId, buyer, orderId: placed.json.id as string };
}

const ledgerLines = () => countEntities(table.doc, table.tableName, 'NonCashLedgerEntry');

describe('WeChat Pay notifications', () => {
  it('PN5: the same notification 20 times at once marks the order paid once, with one ledger line; each answered as handled', async () => {
    const { buyer, orderId } = await pendingOrder();
    const before = await ledgerLines();
    const note = await stub.pay(orderId);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => handlePaymentNotification(deps(), note.headers, note.body)));
    expect(outcomes.filter((o) => o.kind === 'paid')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind !== 'paid').every((o) => o.kind === 'duplicate')).toBe(true);
    expect(await ledgerLines()).toBe(before + 1);
    const seen = await marketCall(buyer, 'GET', `/orders/${orderId}`);
    expect(seen.json.status).toBe('PAID');
    // A paid order is no longer cancelled into a restock, nor released by the job.
    expect((await marketCall(buyer, 'POST', `/orders/${orderId}/cancel`)).status).toBe(409);
  });

  it('PN1-PN4, PN6: a flipped byte, a stale timestamp, an unknown serial, a tampered tag or a wrong amount change nothing', async () => {
    const { orderId } = await pendingOrder();
    const note = await stub.pay(orderId);
    const flip = (text: string, at: number) => text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
    const resource = JSON.parse(note.body).resource;
    const tag = Buffer.from(resource.ciphertext, 'base64');
    tag[tag.length - 1] ^= 1;
    const tamperedTag = JSON.stringify({ ...JSON.parse(note.body), resource: { ...resource, ciphertext: tag.toString('base64') } });
    const before = await snapshotTable(table.doc, table.tableName);
    const count = await countItems(table.doc, table.tableName);
    const cases: Array<[string, Record<string, string>, string, string]> = [
      ['flipped body byte', note.headers, flip(note.body, 40), 'signature'],
      ['flipped signature', { ...note.headers, 'Wechatpay-Signature': flip(note.headers['Wechatpay-Signature'], 10) }, note.body, 'signature'],
      ['stale', { ...note.headers, 'Wechatpay-Timestamp': String(Number(note.headers['Wechatpay-Timestamp']) - 301) }, note.body, 'timestamp'],
      ['unknown serial', { ...note.headers, 'Wechatpay-Serial': 'ABCDEF' }, note.body, 'serial'],
      // A tampered tag with a valid signature: as if the signature had been forged as well.
      ['tampered tag', stub.notificationFromBody(tamperedTag), tamperedTag, 'decrypt'],
    ];
    for (const [what, headers, body, reason] of cases) {
      const outcome = await handlePaymentNotification(deps(), headers, body);
      expect({ what, outcome }).toEqual({ what, outcome: { kind: 'rejected', reason } });
    }
    const wrongAmount = stub.notification({
      mchid: '1900000001',
      appid: 'wx-local-app',
      out_trade_no: orderId,
      transaction_id: '4200x',
      trade_state: 'SUCCESS',
      amount: { total: 1, currency: 'CNY' },
    });
    expect(await handlePaymentNotification(deps(), wrongAmount.headers, wrongAmount.body)).toEqual({ kind: 'rejected', reason: 'mismatch' });
    expect(alerts.length).toBeGreaterThan(0);
    expect(await countItems(table.doc, table.tableName)).toBe(count);
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(before);
  });

  it('a hold expiring while its notification arrives ends paid or released, never both (10 orders, the job and the callback racing)', async () => {
    const later = () => new Date(Date.now() + 16 * 60_000);
    const runs = await Promise.all(Array.from({ length: 10 }, () => pendingOrder(2, 2)));
    const linesBefore = await ledgerLines();
    const notes = await Promise.all(runs.map((r) => stub.pay(r.orderId)));
    const [, ...outcomes] = await Promise.all([
      releaseDueHolds({ orders: dynamoOrderRepository, now: later, payment: async () => deps(later) }),
      ...notes.map((n) =>
        handlePaymentNotification(
          deps(() => new Date()),
          n.headers,
          n.body,
        ),
      ),
    ]);
    for (const [i, run] of runs.entries()) {
      const stored = await dynamoOrderRepository.get(run.orderId);
      const stock = Number((await storedListing(table.doc, table.tableName, run.listingId)).stock);
      // Paid at the provider before the job closed it: the job marks it paid (its close answers ORDERPAID)
      // or the callback does, never released; the stock stays taken. Released: back, the success refunded.
      if (stored!.status === 'PAID') expect([['paid', 'duplicate'].includes(outcomes[i].kind), stock]).toEqual([true, 0]);
      else expect([stored!.status, outcomes[i].kind, stock]).toEqual(['EXPIRED', 'late', 2]);
    }
    const paid =
      runs.length - (await Promise.all(runs.map((r) => dynamoOrderRepository.get(r.orderId)))).filter((o) => o!.status === 'EXPIRED').length;
    // One paid line per paid order of these runs (the job, closing due holds, also finds the earlier
    // test's order paid at the stub whose notifications were all refused, and rightly pays it).
    // The callback pays on today's business day, the job on the day 16 minutes on (the same but near midnight).
    const dates = [...new Set([businessDay(new Date()), businessDay(later())])];
    const ids = new Set(runs.map((r) => r.orderId));
    const lines = await Promise.all(
      runs.flatMap((r) =>
        dates.map((date) => table.doc.send(new GetCommand({ TableName: table.tableName, Key: nonCashLedgerKeys.entry(TUQIAO.id, date, r.orderId) }))),
      ),
    );
    expect(lines.filter((l) => l.Item && ids.has(String(l.Item.orderId))).length).toBe(paid);
    expect(await ledgerLines()).toBeGreaterThanOrEqual(linesBefore + paid);
  });
});

describe('through the HTTP handlers (the stage’s stub, its keys kept in the table)', () => {
  const webhook = (note: { headers: Record<string, string>; body: string }) =>
    invoke(handlers.market, {
      method: 'POST',
      path: '/webhooks/wechatpay',
      headers: { ...note.headers, 'content-type': 'application/json' },
      body: note.body,
    });

  it('POST /orders/{id}/pay gives its buyer the requestPayment parameters; anyone else 404; nothing is paid by it', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5, priceFen: 2_500 });
    const me = await createUser(table.doc, table.tableName, { role: 'buyer' });
    const placed = await order(me, [{ listingId, quantity: 2 }]);
    const res = await marketCall(me, 'POST', `/orders/${placed.json.id}/pay`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(expect.objectContaining({ signType: 'RSA', provider: 'stub', package: expect.stringMatching(/^prepay_id=wx/) }));
    const stranger = await createUser(table.doc, table.tableName, { role: 'buyer' });
    expect((await marketCall(stranger, 'POST', `/orders/${placed.json.id}/pay`)).status).toBe(404);
    expect((await marketCall(officer, 'POST', `/orders/${placed.json.id}/pay`)).status).toBe(404);
    expect((await marketCall(me, 'GET', `/orders/${placed.json.id}`)).json.status).toBe('PENDING_PAYMENT');
  });

  it('the local stub sheet (POST /dev/wechatpay/orders/{id}/confirm) pays its buyer’s order through the signed notification; a build without the dev flag answers 404 and writes nothing', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5, priceFen: 2_500 });
    const me = await createUser(table.doc, table.tableName, { role: 'buyer' });
    const placed = await order(me, [{ listingId, quantity: 1 }]);
    const confirm = (who: User) => marketCall(who, 'POST', `/dev/wechatpay/orders/${placed.json.id}/confirm`);
    const stranger = await createUser(table.doc, table.tableName, { role: 'buyer' });
    expect((await confirm(stranger)).status).toBe(404);
    const saved = process.env.YINONG_DEV_LOGIN;
    process.env.YINONG_DEV_LOGIN = 'disabled';
    try {
      const before = await snapshotTable(table.doc, table.tableName);
      expect((await confirm(me)).status).toBe(404);
      expect(await snapshotTable(table.doc, table.tableName)).toEqual(before);
    } finally {
      process.env.YINONG_DEV_LOGIN = saved;
    }
    expect((await confirm(me)).status).toBe(200);
    expect((await marketCall(me, 'GET', `/orders/${placed.json.id}`)).json.status).toBe('PAID');
    // A second tap (or a reload of the sheet) answers it paid.
    expect((await confirm(me)).status).toBe(200);
  });

  it('POST /webhooks/wechatpay: 10 copies at once answer 204 and pay once (one ledger line); a forged one is 401 {"code":"FAIL"}, nothing changes', async () => {
    const listingId = await listProduce(officer, sellerId, { stock: 5, priceFen: 2_500 });
    const me = await createUser(table.doc, table.tableName, { role: 'buyer' });
    const placed = await order(me, [{ listingId, quantity: 2 }]);
    const stub = await wechatPayStub();
    const transaction = {
      mchid: '1900000001',
      appid: 'wx-local-app',
      out_trade_no: placed.json.id,
      transaction_id: '4200000000000002',
      trade_state: 'SUCCESS',
      amount: { total: 5_000, currency: 'CNY' },
    };
    const forged = stub.notification(transaction);
    const before = await countItems(table.doc, table.tableName);
    const bad = await webhook({ headers: forged.headers, body: forged.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESs"') });
    expect([bad.status, bad.json]).toEqual([401, { code: 'FAIL', message: 'rejected: signature' }]);
    expect(await countItems(table.doc, table.tableName)).toBe(before);
    const lines = await ledgerLines();
    const note = stub.notification(transaction);
    const answers = await Promise.all(Array.from({ length: 10 }, () => webhook(note)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204));
    expect(await ledgerLines()).toBe(lines + 1);
    expect((await marketCall(me, 'GET', `/orders/${placed.json.id}`)).json.status).toBe('PAID');
    // PN7: nothing the buyer can send marks an order paid; the webhook without a signature is refused.
    expect((await webhook({ headers: {}, body: JSON.stringify({ out_trade_no: placed.json.id }) })).status).toBe(401);
  });
});
