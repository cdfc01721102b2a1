/**
 * Remote pay links (issue 14) on DynamoDB Local through the real handlers and repositories: the officer's
 * request is created once per Idempotency-Key; only the link's holder (the token) and the station see it;
 * the bill is paid by the provider only after WeChat Pay's signed notification, exactly once even when the
 * notification's copies and settler runs race (provider charges and non-cash ledger lines counted), never
 * in the cash ledger; an unpaid link expires after 24 hours.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { billProvider } from '../../functions/adapters/bill-providers';
import { payLinkWechat, wechatPayStub } from '../../functions/adapters/wechat-pay-providers';
import { dynamoPayRequestRepository } from '../../functions/data/pay-requests-repository';
import { settlePayRequests } from '../../functions/domain/payments/pay-link';
import { runPayLinkSettler } from '../../functions/jobs/settler';
import { countEntities, countItems } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, newKey, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: User;
let officerB: User;
let payer: User;

beforeAll(async () => {
  table = await useFreshTable('paylinks');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  officerB = await officerOf(table.doc, table.tableName, YUSHU);
  payer = await createUser(table.doc, table.tableName, { role: 'villager' });
});

const call = (who: User | null, method: string, path: string, extra: { body?: unknown; key?: string; query?: Record<string, string> } = {}) =>
  invoke(handlers.payments, {
    method,
    path,
    query: extra.query,
    headers: { ...(who?.auth ?? {}), ...(extra.key ? { 'idempotency-key': extra.key } : {}) },
    body: extra.body,
  });

const phoneBill = (accountNo = '13800001234') => ({ billType: 'phone', accountNo, amountFen: 5_000 });
async function newRequest(body: Record<string, unknown> = phoneBill()) {
  const res = await call(officer, 'POST', `/stations/${TUQIAO.id}/pay-requests`, { body, key: newKey() });
  expect(res.status).toBe(201);
  return res.json as { id: string; link: { token: string; path: string }; status: string };
}

/** Items of one entity whose attribute names the request (tests only: requests never Scan). */
async function itemsOf(entity: string, attribute: string, value: string) {
  const { Items = [] } = await table.doc.send(
    new ScanCommand({
      TableName: table.tableName,
      FilterExpression: 'entity = :e AND #a = :v',
      ExpressionAttributeNames: { '#a': attribute },
      ExpressionAttributeValues: { ':e': entity, ':v': value },
      ConsistentRead: true,
    }),
  );
  return Items;
}

const webhook = (note: { headers: Record<string, string>; body: string }) =>
  invoke(handlers.payments, {
    method: 'POST',
    path: '/webhooks/wechatpay/pay-links',
    headers: { ...note.headers, 'content-type': 'application/json' },
    body: note.body,
  });

describe('creating a pay request', () => {
  it('is idempotent: the same key and body answer the same request, 50 at once store one; another body with the key is 422', async () => {
    const key = newKey();
    const before = await countEntities(table.doc, table.tableName, 'PayRequest');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => call(officer, 'POST', `/stations/${TUQIAO.id}/pay-requests`, { body: phoneBill('13800005555'), key })),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1);
    expect(await countEntities(table.doc, table.tableName, 'PayRequest')).toBe(before + 1);
    const again = await call(officer, 'POST', `/stations/${TUQIAO.id}/pay-requests`, { body: phoneBill('13800005555'), key });
    expect([again.status, again.json.id, again.json.link.token]).toEqual([201, created[0].json.id, created[0].json.link.token]);
    const reused = await call(officer, 'POST', `/stations/${TUQIAO.id}/pay-requests`, { body: phoneBill('13800006666'), key });
    expect(reused.status).toBe(422);
    expect(await countEntities(table.doc, table.tableName, 'PayRequest')).toBe(before + 1);
  });

  it('checks the bill like a cash payment (an unknown account is 404) and writes nothing; without a key 400', async () => {
    const before = await countItems(table.doc, table.tableName);
    expect((await call(officer, 'POST', `/stations/${TUQIAO.id}/pay-requests`, { body: phoneBill('13800000000'), key: newKey() })).status).toBe(404);
    expect((await call(officer, 'POST', `/stations/${TUQIAO.id}/pay-requests`, { body: phoneBill() })).status).toBe(400);
    expect(await countItems(table.doc, table.tableName)).toBe(before);
  });
});

describe('who sees a pay link', () => {
  it('its holder sees what they pay for, masked; a wrong token is 404; another station’s officer gets 404 on the request', async () => {
    const request = await newRequest();
    expect(request.link.path).toBe(`packages/paylink/pages/index/index?t=${request.link.token}`);
    const seen = await call(payer, 'GET', `/pay-links/${request.link.token}`);
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({
      status: 'OPEN',
      billType: 'phone',
      accountNoMasked: '*******1234',
      amountFen: 5_000,
      station: { code: expect.any(String) },
    });
    expect(seen.raw).not.toContain('13800001234');
    expect(seen.raw).not.toContain(officer.user.id);
    const other = request.link.token.slice(0, -1) + (request.link.token.endsWith('A') ? 'B' : 'A');
    expect((await call(payer, 'GET', `/pay-links/${other}`)).status).toBe(404);
    expect((await call(null, 'GET', `/pay-links/${request.link.token}`)).status).toBe(401);
    expect((await call(officerB, 'GET', `/pay-requests/${request.id}`)).status).toBe(404);
    expect((await call(payer, 'GET', `/pay-requests/${request.id}`)).status).toBe(403);
    expect((await call(officer, 'GET', `/pay-requests/${request.id}`)).json.status).toBe('OPEN');
  });

  it('the token never reaches the logs (it is the link’s only credential)', async () => {
    const request = await newRequest(phoneBill('13800007777'));
    const logged: string[] = [];
    const writes = { out: process.stdout.write, err: process.stderr.write };
    process.stdout.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stderr.write;
    const saved = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'debug';
    try {
      expect((await call(payer, 'GET', `/pay-links/${request.link.token}`)).status).toBe(200);
      expect((await call(payer, 'POST', `/pay-links/${request.link.token}/pay`)).status).toBe(200);
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
      process.env.LOG_LEVEL = saved;
    }
    expect(logged.join('')).toContain('/pay-links/<token>');
    expect(logged.join('')).not.toContain(request.link.token);
  });
});

describe('paying a pay link', () => {
  it('names the bill on WeChat Pay’s sheet in the payer’s language: Tibetan for a bo request, Chinese by default', async () => {
    const description = async (headers: Record<string, string>) => {
      const request = await newRequest(phoneBill(`1380000${headers['accept-language'] ? 8 : 9}321`));
      const paid = await invoke(handlers.payments, {
        method: 'POST',
        path: `/pay-links/${request.link.token}/pay`,
        headers: { ...payer.auth, ...headers },
      });
      expect(paid.status).toBe(200);
      const [trade] = await itemsOf('WechatPayStubTrade', 'outTradeNo', request.id);
      return String(trade.description);
    };
    const tibetan = await description({ 'accept-language': 'bo' });
    const chinese = await description({});
    expect(tibetan).toMatch(/^ཁ་པར་གླ།ཚབ་སྤྲོད། /);
    expect(chinese).toMatch(/^代缴话费 /);
    expect(tibetan.slice(tibetan.indexOf(' '))).toBe(chinese.slice(chinese.indexOf(' ')));
  });

  it('the bill is paid exactly once when 10 copies of the notification and 5 settler runs race: one provider charge, one non-cash line, no cash line', async () => {
    for (let round = 0; round < 3; round++) {
      const request = await newRequest(phoneBill(`1380000${round}777`));
      const cashLinesBefore = await countEntities(table.doc, table.tableName, 'LedgerEntry');
      const params = await call(payer, 'POST', `/pay-links/${request.link.token}/pay`);
      expect(params.status).toBe(200);
      expect(params.json.package).toMatch(/^prepay_id=wx/);
      // Nothing is paid by the prepay, nor by the client: only the notification (or the settler finding the success).
      expect(await itemsOf('SandboxCharge', 'paymentId', request.id)).toHaveLength(0);
      const note = await (await wechatPayStub()).pay(request.id);
      const [answers] = await Promise.all([
        Promise.all(Array.from({ length: 10 }, () => webhook(note))),
        Promise.all(Array.from({ length: 5 }, () => runPayLinkSettler({ minAgeMs: 0 }))),
      ]);
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204));
      expect(await itemsOf('SandboxCharge', 'paymentId', request.id)).toHaveLength(1);
      expect(await itemsOf('NonCashLedgerEntry', 'payRequestId', request.id)).toHaveLength(1);
      expect(await countEntities(table.doc, table.tableName, 'LedgerEntry')).toBe(cashLinesBefore);
      // One payment service of the station (issue 15), with the bill's amount.
      expect((await itemsOf('ServiceEntry', 'id', `pay-${request.id}`)).map((e) => [e.type, e.count, e.fen])).toEqual([['payment', 1, 5_000]]);
      const seen = await call(officer, 'GET', `/pay-requests/${request.id}`);
      expect(seen.json).toMatchObject({ status: 'PAID', ledgerDate: expect.any(String) });
      const ledger = await call(officer, 'GET', `/stations/${TUQIAO.id}/noncash-ledger`, { query: { date: seen.json.ledgerDate } });
      expect(ledger.json.items).toContainEqual({ kind: 'bill_paid_by_link', refId: request.id, amountFen: 5_000, at: expect.any(String) });
      // A paid link cannot be paid again.
      expect((await call(payer, 'POST', `/pay-links/${request.link.token}/pay`)).status).toBe(409);
    }
  });

  it('a forged or tampered notification answers 401 {"code":"FAIL"} and pays nothing; the settler alone recovers a missed one', async () => {
    const request = await newRequest(phoneBill('13800008888'));
    await call(payer, 'POST', `/pay-links/${request.link.token}/pay`);
    const note = await (await wechatPayStub()).pay(request.id);
    const bad = await webhook({ headers: note.headers, body: note.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESs"') });
    expect([bad.status, bad.json]).toEqual([401, { code: 'FAIL', message: 'rejected: signature' }]);
    const stale = (await wechatPayStub()).notificationFromBody(note.body, new Date(Date.now() - 10 * 60_000));
    expect((await webhook({ headers: stale, body: note.body })).status).toBe(401);
    expect(await itemsOf('SandboxCharge', 'paymentId', request.id)).toHaveLength(0);
    expect((await call(officer, 'GET', `/pay-requests/${request.id}`)).json.status).toBe('OPEN');
    // The notification never arrived: the settler asks WeChat Pay and pays the bill once.
    await runPayLinkSettler({ minAgeMs: 0 });
    expect((await call(officer, 'GET', `/pay-requests/${request.id}`)).json.status).toBe('PAID');
    expect(await itemsOf('NonCashLedgerEntry', 'payRequestId', request.id)).toHaveLength(1);
  });

  it('the local stub sheet pays through the signed notification; a build without the dev flag answers 404', async () => {
    const request = await newRequest(phoneBill('13800004444'));
    const saved = process.env.YINONG_DEV_LOGIN;
    process.env.YINONG_DEV_LOGIN = 'disabled';
    try {
      expect((await call(payer, 'POST', `/dev/wechatpay/pay-links/${request.link.token}/confirm`)).status).toBe(404);
    } finally {
      process.env.YINONG_DEV_LOGIN = saved;
    }
    const confirmed = await call(payer, 'POST', `/dev/wechatpay/pay-links/${request.link.token}/confirm`);
    expect([confirmed.status, confirmed.json.status]).toEqual([200, 'PAID']);
    expect(await itemsOf('SandboxCharge', 'paymentId', request.id)).toHaveLength(1);
  });

  it('an unpaid link expires after 24 hours (its provider order closed first); it can no longer be paid', async () => {
    const request = await newRequest(phoneBill('13800003333'));
    await call(payer, 'POST', `/pay-links/${request.link.token}/pay`);
    const later = new Date(Date.now() + 24 * 3600_000 + 60_000);
    const young = await settlePayRequests(
      { requests: dynamoPayRequestRepository, provider: billProvider(), wechat: (await payLinkWechat()).wechat, now: () => new Date() },
      { minAgeMs: 0 },
    );
    expect(young.expired).toBe(0);
    const report = await settlePayRequests(
      { requests: dynamoPayRequestRepository, provider: billProvider(), wechat: (await payLinkWechat()).wechat, now: () => later },
      { minAgeMs: 0 },
    );
    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect((await (await wechatPayStub()).provider.queryOrder(request.id))?.trade_state).toBe('CLOSED');
    expect((await call(payer, 'GET', `/pay-links/${request.link.token}`)).json.status).toBe('EXPIRED');
    expect((await call(payer, 'POST', `/pay-links/${request.link.token}/pay`)).status).toBe(409);
    expect(await itemsOf('SandboxCharge', 'paymentId', request.id)).toHaveLength(0);
  });
});
