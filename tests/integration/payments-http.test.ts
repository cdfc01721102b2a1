/**
 * ID1 through the local HTTP stack (osls offline running the real handlers on DynamoDB Local): 50
 * concurrent POST /payments with one Idempotency-Key make one payment, one ledger entry and one
 * provider charge, counted in the stack's table; every answer is the stored response or 409.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ledgerKeys } from '../../functions/data/keys';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { plainAccountNo } from '../harness/account-numbers';
import { countEntities } from '../harness/count';
import { newKey, officerOf, YUSHU } from '../harness/payments';
import { localClients } from '../../scripts/lib/local-clients';

const api = () => {
  const url = process.env.TEST_API_URL;
  if (!url) throw new Error('TEST_API_URL is not set: run through `npm test` (YINONG_TEST_STACK=full)');
  return url;
};
const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;

describe('payments through the local HTTP stack', () => {
  it('ID1: 50 concurrent requests with one key: one payment, one ledger entry, one charge; a later retry returns the first response', async () => {
    // 玉树's station: the browser tests pay at 土桥村 and close its day.
    const officer = await officerOf(doc, table, YUSHU);
    const post = (key: string, body: unknown) =>
      fetch(`${api()}/payments`, {
        method: 'POST',
        headers: { ...officer.auth, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, json: await res.json() }));
    const body = { stationId: YUSHU.id, billType: 'phone', accountNo: plainAccountNo(), amountFen: 5_000, method: 'cash' };
    const counts = async () => ({
      payments: await countEntities(doc, table, 'Payment'),
      charges: await countEntities(doc, table, 'SandboxCharge'),
      entries: (
        await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
            ExpressionAttributeValues: { ':pk': ledgerKeys.day(YUSHU.id, businessDay(new Date())).PK, ':entry': ledgerKeys.entryPrefix },
            ConsistentRead: true,
          }),
        )
      ).Items!.length,
    });
    // serverless-offline runs one worker per concurrent request. Fifty started cold at once on a busy
    // 2-core machine can outlast the function's timeout before the handler runs (a 504 that says nothing
    // about idempotency), so a burst of harmless reads warms them first; their answers do not matter.
    await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${api()}/payments/p-warm-up`, { headers: officer.auth }).then(
          (res) => res.text(),
          () => '',
        ),
      ),
    );
    const before = await counts();
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(key, body)));
    const created = answers.filter((a) => a.status === 201);
    expect(answers.filter((a) => a.status !== 201 && !(a.status === 409 && a.json.error.code === 'IDEMPOTENCY_IN_PROGRESS'))).toEqual([]);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1);
    expect(await counts()).toEqual({ payments: before.payments + 1, charges: before.charges + 1, entries: before.entries + 1 });
    const retry = await post(key, body);
    expect(retry).toEqual({ status: 201, json: created[0].json });
  }, 120_000);
});
