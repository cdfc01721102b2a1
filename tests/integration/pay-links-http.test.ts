/**
 * A remote pay link through the local HTTP stack (osls offline running the real handlers on DynamoDB
 * Local), racing across processes: the stack receives 10 copies of WeChat Pay's signed notification
 * (signed here with the stub's keys, which the stage keeps in its table) while this process runs the
 * settler 5 times against the same table. The bill is charged once and the station's non-cash ledger
 * gets one line, counted in the stack's table.
 */
import { resetConfigForTests } from '../../functions/config';
import { resetDbForTests } from '../../functions/data/client';
import { wechatPayStub } from '../../functions/adapters/wechat-pay-providers';
import { runPayLinkSettler } from '../../functions/jobs/settler';
import { plainAccountNo } from '../harness/account-numbers';
import { entitiesOf } from '../harness/count';
import { newKey, officerOf, YUSHU } from '../harness/payments';
import { createUser } from '../harness/users';
import { localClients } from '../../scripts/lib/local-clients';

const api = () => {
  const url = process.env.TEST_API_URL;
  if (!url) throw new Error('TEST_API_URL is not set: run through `npm test` (YINONG_TEST_STACK=full)');
  return url;
};
const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;

beforeAll(() => {
  // This process's settler and stub read the stack's table (the stub's keys are kept there).
  process.env.TABLE_NAME = table;
  resetConfigForTests();
  resetDbForTests();
});

describe('a pay link through the local HTTP stack', () => {
  it('10 notifications to the stack and 5 settler runs here at once: one provider charge, one non-cash line; the request PAID', async () => {
    const officer = await officerOf(doc, table, YUSHU);
    const payer = await createUser(doc, table, { role: 'villager' });
    const call = (auth: Record<string, string>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${api()}${path}`, {
        method,
        headers: { ...auth, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, text: await res.text() }));

    const created = await call(
      officer.auth,
      'POST',
      `/stations/${YUSHU.id}/pay-requests`,
      { billType: 'phone', accountNo: plainAccountNo(), amountFen: 5_000 },
      { 'idempotency-key': newKey() },
    );
    expect(created.status).toBe(201);
    const request = JSON.parse(created.text) as { id: string; link: { token: string } };
    const prepay = await call(payer.auth, 'POST', `/pay-links/${request.link.token}/pay`);
    expect(prepay.status).toBe(200);

    const stub = await wechatPayStub();
    const note = stub.notification({
      mchid: '1900000001',
      // The stage's app id, as the stack's prepay answered it.
      appid: (JSON.parse(prepay.text) as { appId: string }).appId,
      out_trade_no: request.id,
      transaction_id: '4200000000000077',
      trade_state: 'SUCCESS',
      amount: { total: 5_000, currency: 'CNY' },
    });
    const [answers] = await Promise.all([
      Promise.all(
        Array.from({ length: 10 }, () =>
          call(note.headers, 'POST', '/webhooks/wechatpay/pay-links', note.body, { 'content-type': 'application/json' }),
        ),
      ),
      Promise.all(Array.from({ length: 5 }, () => runPayLinkSettler({ minAgeMs: 0 }))),
    ]);
    expect(answers.map((a) => `${a.status} ${a.text}`)).toEqual(Array(10).fill('204 '));
    // The settler finishes whatever a copy left FUNDED (a collision gives up to it rather than to a 500).
    await runPayLinkSettler({ minAgeMs: 0 });
    expect(await entitiesOf(doc, table, 'SandboxCharge', { paymentId: request.id })).toHaveLength(1);
    expect(await entitiesOf(doc, table, 'NonCashLedgerEntry', { payRequestId: request.id })).toHaveLength(1);
    const seen = await call(officer.auth, 'GET', `/pay-requests/${request.id}`);
    expect(JSON.parse(seen.text).status).toBe('PAID');
  });
});
