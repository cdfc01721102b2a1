/**
 * The rest of paying an order (issue 13), on DynamoDB Local with the stage's WeChat Pay stub (its books
 * in the table) and the real handlers and jobs: a missed notification is recovered by querying the
 * provider order (the recovery job, and when the order is opened), paid exactly once whoever races; a
 * hold is released only after the provider order is closed; a success that still arrives for a released
 * order is refunded once through the stub's refund API and recorded on the station's non-cash day.
 * Everything is counted in the table: orders, stub trades and refunds, non-cash ledger lines.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { buyerAccount } from '../../functions/adapters/buyer-account';
import { stagePaymentDeps, wechatPayStub } from '../../functions/adapters/wechat-pay-providers';
import { handlePaymentNotification } from '../../functions/domain/market/order-payment';
import { buyerKeys, nonCashLedgerKeys } from '../../functions/data/keys';
import { dynamoOrderRepository } from '../../functions/data/orders-repository';
import { dynamoStubTradeBook } from '../../functions/data/wechat-pay-stub-book';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { jobOrderDeps, runOrderReleaser } from '../../functions/jobs/order-releaser';
import { runPaymentRecoverer } from '../../functions/jobs/payment-recoverer';
import { releaseDueHolds } from '../../functions/domain/market/orders';
import { copyRegionChain } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { listProduce, marketCall, order, registerCooperative, storedListing } from '../harness/market';
import { copyStations, officerOf, TUQIAO } from '../harness/payments';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let sellerId: string;
const quiet = { error: () => undefined };
const minutesLater = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  table = await useFreshTable('orderrecover');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  await copyRegionChain(table.doc, table.tableName, TUQIAO.villageCode);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  sellerId = await registerCooperative(officer, TUQIAO.id);
});

/** Stored items of an entity (and of a `kind`, when given): tests only, requests never Scan. */
async function count(entity: string, where: Record<string, unknown> = {}): Promise<number> {
  let total = 0;
  let startKey: Record<string, unknown> | undefined;
  const names = Object.keys(where);
  do {
    const page = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: ['entity = :entity', ...names.map((n, i) => `#n${i} = :v${i}`)].join(' AND '),
        ...(names.length ? { ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])) } : {}),
        ExpressionAttributeValues: { ':entity': entity, ...Object.fromEntries(names.map((n, i) => [`:v${i}`, where[n]])) },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    total += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return total;
}
const paidLines = () => count('NonCashLedgerEntry', { kind: 'order_paid' });
const refundLines = () => count('NonCashLedgerEntry', { kind: 'late_success_refunded' });
const stubRefunds = () => count('WechatPayStubRefund');
const stockOf = async (listingId: string) => Number((await storedListing(table.doc, table.tableName, listingId)).stock);

const webhook = (note: { headers: Record<string, string>; body: string }) =>
  invoke(handlers.market, {
    method: 'POST',
    path: '/webhooks/wechatpay',
    headers: { ...note.headers, 'content-type': 'application/json' },
    body: note.body,
  });

/** A buyer's order placed and prepaid (POST /orders/{id}/pay: the stub's prepay order exists, NOTPAY). */
async function prepaidOrder(stock = 4, quantity = 2) {
  const listingId = await listProduce(officer, sellerId, { stock, priceFen: 1_500 });
  const buyer = await createUser(table.doc, table.tableName, { role: 'buyer' });
  const placed = await order(buyer, [{ listingId, quantity }]);
  expect(placed.status).toBe(201);
  const orderId = placed.json.id as string;
  expect((await marketCall(buyer, 'POST', `/orders/${orderId}/pay`)).status).toBe(200);
  return { listingId, buyer, orderId };
}

describe('a missed notification is recovered by querying the provider order', () => {
  it('the recovery job marks an order paid at the provider whose notification never came: one ledger line, the buyer’s counter freed', async () => {
    const { buyer, orderId, listingId } = await prepaidOrder();
    const stub = await wechatPayStub();
    await stub.pay(orderId); // the payer paid; the notification is lost
    const lines = await paidLines();
    // Within the grace minute the job leaves it to the notification.
    expect(await runPaymentRecoverer(minutesLater(0.5), quiet)).toEqual({ checked: 0, recovered: 0 });
    expect((await dynamoOrderRepository.get(orderId))!.status).toBe('PENDING_PAYMENT');
    const report = await runPaymentRecoverer(minutesLater(2), quiet);
    expect(report.recovered).toBe(1);
    expect((await dynamoOrderRepository.get(orderId))!.status).toBe('PAID');
    expect(await paidLines()).toBe(lines + 1);
    expect(await stockOf(listingId)).toBe(2);
    const counter = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: buyerKeys.unpaid(buyer.user.id), ConsistentRead: true }));
    expect(Number(counter.Item?.count)).toBe(0);
    // Nothing left to recover; the late notification is a duplicate (204, no second line).
    expect((await runPaymentRecoverer(minutesLater(2), quiet)).recovered).toBe(0);
    expect((await webhook(await stub.pay(orderId))).status).toBe(204);
    expect(await paidLines()).toBe(lines + 1);
    expect((await marketCall(buyer, 'GET', `/orders/${orderId}`)).json.status).toBe('PAID');
  });

  it('GET /orders/{id} asks the provider: its buyer sees the order paid without any notification, once', async () => {
    const { buyer, orderId } = await prepaidOrder();
    await (await wechatPayStub()).pay(orderId);
    const lines = await paidLines();
    const seen = await marketCall(buyer, 'GET', `/orders/${orderId}`);
    expect([seen.status, seen.json.status]).toEqual([200, 'PAID']);
    expect((await marketCall(buyer, 'GET', `/orders/${orderId}`)).json.status).toBe('PAID');
    expect(await paidLines()).toBe(lines + 1);
    // An order nobody paid stays pending when opened.
    const unpaid = await prepaidOrder();
    expect((await marketCall(unpaid.buyer, 'GET', `/orders/${unpaid.orderId}`)).json.status).toBe('PENDING_PAYMENT');
  });

  it('the query and the notification racing (2 job runs, 5 notification copies, 3 opens per order, 8 orders at once) pay each order exactly once', async () => {
    const runs = await Promise.all(Array.from({ length: 8 }, () => prepaidOrder(2, 2)));
    const stub = await wechatPayStub();
    const notes = await Promise.all(runs.map((r) => stub.pay(r.orderId)));
    const lines = await paidLines();
    const answers = await Promise.all([
      runPaymentRecoverer(minutesLater(2), quiet),
      runPaymentRecoverer(minutesLater(2), quiet),
      ...runs.flatMap((r, i) => [
        ...Array.from({ length: 5 }, () => webhook(notes[i])),
        ...Array.from({ length: 3 }, () => marketCall(r.buyer, 'GET', `/orders/${r.orderId}`)),
      ]),
    ]);
    const http = answers.slice(2) as Array<{ status: number }>;
    expect(http.every((a) => a.status === 200 || a.status === 204)).toBe(true);
    for (const r of runs) expect((await dynamoOrderRepository.get(r.orderId))!.status).toBe('PAID');
    expect(await paidLines()).toBe(lines + runs.length);
    for (const r of runs) expect(await stockOf(r.listingId)).toBe(0);
  });
});

describe('a hold is released only after the provider order is closed', () => {
  it('the releaser closes the provider order, then releases; the payer can no longer pay it', async () => {
    const { orderId, listingId } = await prepaidOrder();
    const report = await runOrderReleaser(minutesLater(16), quiet);
    expect(report.released).toBeGreaterThanOrEqual(1);
    expect((await dynamoOrderRepository.get(orderId))!.status).toBe('EXPIRED');
    expect((await dynamoStubTradeBook.get(orderId))!.tradeState).toBe('CLOSED');
    expect(await stockOf(listingId)).toBe(4);
    await expect((await wechatPayStub()).pay(orderId)).rejects.toThrow(/ORDER_CLOSED/);
  });

  it('a cancel closes the provider order first; an order paid at the provider (notification lost) is not cancelled but shown paid', async () => {
    const first = await prepaidOrder();
    expect((await marketCall(first.buyer, 'POST', `/orders/${first.orderId}/cancel`)).json.status).toBe('CANCELLED');
    expect((await dynamoStubTradeBook.get(first.orderId))!.tradeState).toBe('CLOSED');
    const second = await prepaidOrder();
    await (await wechatPayStub()).pay(second.orderId);
    const lines = await paidLines();
    // The cancel closes at the provider, which answers ORDERPAID: the order is paid, not cancelled.
    expect((await dynamoOrderRepository.get(second.orderId))!.status).toBe('PENDING_PAYMENT');
    const cancel = await marketCall(second.buyer, 'POST', `/orders/${second.orderId}/cancel`);
    expect(cancel.status).toBe(409);
    expect((await dynamoOrderRepository.get(second.orderId))!.status).toBe('PAID');
    expect(await paidLines()).toBe(lines + 1);
    expect(await stockOf(second.listingId)).toBe(2);
  });

  it('a hold past its end whose provider order was paid (notification lost) ends paid, never released: the job and reads racing', async () => {
    const runs = await Promise.all(Array.from({ length: 5 }, () => prepaidOrder(2, 2)));
    const stub = await wechatPayStub();
    await Promise.all(runs.map((r) => stub.pay(r.orderId)));
    const lines = await paidLines();
    const later = minutesLater(16);
    await Promise.all([
      runOrderReleaser(later, quiet),
      releaseDueHolds(jobOrderDeps(quiet, later)),
      ...runs.map((r) => marketCall(r.buyer, 'GET', `/orders/${r.orderId}`)),
    ]);
    for (const r of runs) {
      expect((await dynamoOrderRepository.get(r.orderId))!.status).toBe('PAID');
      expect(await stockOf(r.listingId)).toBe(0);
    }
    expect(await paidLines()).toBe(lines + runs.length);
    expect(await refundLines()).toBe(0);
  });
});

describe('a success that still arrives for a released order is refunded automatically, once', () => {
  it('20 copies of the late notification at once: 204 each, one provider refund, one refund line on the non-cash day, no paid line, stock stays back', async () => {
    const { orderId, listingId } = await prepaidOrder();
    // Released without closing the provider order (as before closing was required, or by an operator's
    // hand): the payer can still pay it at the provider.
    const stored = await dynamoOrderRepository.get(orderId);
    expect(await dynamoOrderRepository.release(stored!, 'EXPIRED', new Date().toISOString())).not.toBeNull();
    const note = await (await wechatPayStub()).pay(orderId);
    const [refunds, refundsLogged, paid] = [await stubRefunds(), await refundLines(), await paidLines()];
    const answers = await Promise.all(Array.from({ length: 20 }, () => webhook(note)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(204));
    expect(await stubRefunds()).toBe(refunds + 1);
    expect(await refundLines()).toBe(refundsLogged + 1);
    expect(await paidLines()).toBe(paid);
    const after = await dynamoOrderRepository.get(orderId);
    expect([after!.status, after!.refund?.amountFen, after!.refund?.outRefundNo]).toEqual(['EXPIRED', 3_000, `RF${orderId}`]);
    expect((await dynamoStubTradeBook.get(orderId))!.tradeState).toBe('REFUND');
    expect(await stockOf(listingId)).toBe(4);
    const dayKey = nonCashLedgerKeys.day(TUQIAO.id, businessDay(new Date()));
    const { Item: day } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: dayKey, ConsistentRead: true }));
    expect(Number(day!.refundCount)).toBeGreaterThanOrEqual(1);
    // Delivered again later (WeChat retries for a day): still one refund.
    expect((await webhook(note)).status).toBe(204);
    expect(await stubRefunds()).toBe(refunds + 1);
    expect(await refundLines()).toBe(refundsLogged + 1);
    // The reason WeChat Pay shows on the buyer's refund notice: the buyer chose no language, so Chinese.
    expect((await dynamoStubTradeBook.getRefund(`RF${orderId}`))!.reason).toBe('订单已关闭，自动退款');
  });

  it('the refund reason is in the language the buyer chose (PUT /me/language bo): Tibetan on the notice, whatever the webhook’s request says', async () => {
    const { buyer, orderId } = await prepaidOrder();
    const chose = await invoke(handlers.auth, { method: 'PUT', path: '/me/language', headers: buyer.auth, body: { language: 'bo' } });
    expect(chose.status).toBe(200);
    const stored = await dynamoOrderRepository.get(orderId);
    expect(await dynamoOrderRepository.release(stored!, 'EXPIRED', new Date().toISOString())).not.toBeNull();
    const note = await (await wechatPayStub()).pay(orderId);
    expect((await webhook({ ...note, headers: { ...note.headers, 'accept-language': 'zh-CN' } })).status).toBe(204);
    const refund = await dynamoStubTradeBook.getRefund(`RF${orderId}`);
    expect(refund!.reason).toMatch(/^[\u0F00-\u0FFF\s]+$/);
    expect((await dynamoOrderRepository.get(orderId))!.refund?.outRefundNo).toBe(`RF${orderId}`);
  });
});

describe('the non-cash day: per station and Asia/Shanghai business day, read by the day-close page', () => {
  it('an order paid at 23:59:59 and one at 00:00:01 (Shanghai) land on their own days; GET /stations/{id}/ledger shows them beside an untouched cash day', async () => {
    const day = businessDay(new Date(Date.now() - 3 * 86_400_000));
    const next = businessDay(new Date(Date.parse(`${day}T16:00:01Z`)));
    const [late, early] = await Promise.all([prepaidOrder(), prepaidOrder()]);
    const stub = await wechatPayStub();
    const payment = (await stagePaymentDeps({ orders: dynamoOrderRepository, openidOf: async () => '', languageOf: buyerAccount.languageOf }))!;
    for (const [run, at] of [
      [late, new Date(`${day}T15:59:59Z`)],
      [early, new Date(`${day}T16:00:01Z`)],
    ] as const) {
      const note = await stub.pay(run.orderId, at);
      expect((await handlePaymentNotification({ ...payment, now: () => at }, note.headers, note.body)).kind).toBe('paid');
    }
    const ledger = (date: string) =>
      invoke(handlers.payments, { method: 'GET', path: `/stations/${TUQIAO.id}/ledger`, headers: officer.auth, query: { date } });
    const [first, second] = [await ledger(day), await ledger(next)];
    expect([first.status, first.json.nonCash]).toEqual([200, { paidCount: 1, paidFen: 3_000, refundCount: 0, refundedFen: 0 }]);
    expect(second.json.nonCash).toEqual({ paidCount: 1, paidFen: 3_000, refundCount: 0, refundedFen: 0 });
    // The cash day is the drawer's alone: no order money in it.
    expect([first.json.totals.cashInFen, first.json.totals.expectedCashFen, first.json.items]).toEqual([0, 0, []]);
    expect(await count('NonCashLedgerEntry', { kind: 'order_paid', stationId: TUQIAO.id })).toBe(await paidLines());
  });
});
