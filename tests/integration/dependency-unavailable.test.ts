import { createServer } from 'node:net';
import { resetConfigForTests } from '../../functions/config';
import { db, resetDbForTests } from '../../functions/data/client';
import { handler as stations } from '../../functions/handlers/stations';
import { handler as system } from '../../functions/handlers/system';
import { handler as payments } from '../../functions/handlers/payments';
import { issueToken } from '../../functions/auth/tokens';
import { plainAccountNo } from '../harness/account-numbers';
import { countItems } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { invoke } from '../harness/invoke';
import { copyStations, newKey, officerOf, pay, stored, TUQIAO } from '../harness/payments';

/** FA1 (read side): DynamoDB unreachable answers 503 with a retry hint, never a 500 or a hang. */
describe('when DynamoDB is unreachable', () => {
  let closedPort: number;
  beforeAll(async () => {
    closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        server.close(() => resolve(port));
      });
    });
    process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${closedPort}`;
    resetConfigForTests();
    resetDbForTests();
  });
  afterAll(() => {
    process.env.DYNAMODB_ENDPOINT = process.env.TEST_DYNAMODB_ENDPOINT;
    resetConfigForTests();
    resetDbForTests();
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After on reads and on /health', async () => {
    for (const [handler, path] of [
      [stations, '/stations/by-code/630202002214'],
      [system, '/health'],
    ] as const) {
      const res = await invoke(handler, { path });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.raw).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    }
  });

  it('answers 503 with Retry-After on a signed-in read (here the user record read itself fails)', async () => {
    const auth = { authorization: `Bearer ${issueToken('u-officer', process.env.TOKEN_SECRET!, 3600).token}` };
    const ledger = await invoke(payments, { path: '/stations/st1/ledger', headers: auth });
    expect([ledger.status, ledger.json.error.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
    expect(Number(ledger.headers['retry-after'])).toBeGreaterThan(0);
  });
});

/**
 * FA1 (write side), through the HTTP pipeline: everything up to the payment's own transaction works
 * (the caller's user record, the Idempotency-Key claim, the station, the provider's lookup); then
 * DynamoDB throttles the transaction that would record the payment and reserve the day's limit.
 */
describe('when DynamoDB throttles the payment’s own writes', () => {
  let table: Awaited<ReturnType<typeof useFreshTable>>;
  beforeAll(async () => {
    table = await useFreshTable('fa1');
    await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  });

  /** Every TransactWriteItems fails with `fault`; every other call goes through. Records what was sent. */
  function throttleTransactions(fault: () => Error) {
    const name = 'throttleTransactions';
    const sent: string[] = [];
    db().middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '?');
        if (context.commandName === 'TransactWriteItemsCommand') throw fault();
        return next(args);
      },
      { step: 'initialize', name },
    );
    return { sent, lift: () => db().middlewareStack.remove(name) };
  }

  const throttled = () =>
    Object.assign(new Error('The level of configured provisioned throughput for the table was exceeded'), {
      name: 'ProvisionedThroughputExceededException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
  const cancelledByThrottling = () =>
    Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, ThrottlingError]'), {
      name: 'TransactionCanceledException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'ThrottlingError' }],
    });

  it.each([
    ['throttled (ProvisionedThroughputExceededException)', throttled],
    ['cancelled with a ThrottlingError reason', cancelledByThrottling],
  ])('%s: 503 with Retry-After, nothing half-written, and the same key pays once the table answers', async (_, fault) => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO);
    const body = { stationId: TUQIAO.id, billType: 'phone', accountNo: plainAccountNo(), amountFen: 5_000, method: 'cash' };
    const key = newKey();
    const [itemsBefore, before] = [await countItems(table.doc, table.tableName), await stored(table.doc, table.tableName)];

    const faults = throttleTransactions(fault);
    let res: Awaited<ReturnType<typeof pay>>;
    try {
      res = await pay(officer.auth, body, key);
    } finally {
      faults.lift();
    }
    expect([res.status, res.json.error.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // The request got past the user read and into the payment's code before the fault.
    expect(faults.sent[0]).toBe('GetItemCommand');
    expect(faults.sent).toContain('TransactWriteItemsCommand');
    expect(faults.sent.indexOf('TransactWriteItemsCommand')).toBeGreaterThan(1);

    // Nothing half-written: no payment, ledger entry, day reservation, charge or held key.
    expect(await stored(table.doc, table.tableName)).toEqual(before);
    expect(await countItems(table.doc, table.tableName)).toBe(itemsBefore);

    // The key was not consumed: the client's retry pays, once.
    const retry = await pay(officer.auth, body, key);
    expect([retry.status, retry.json.status]).toEqual([201, 'SUCCEEDED']);
    expect(await stored(table.doc, table.tableName)).toEqual({
      ...before,
      payments: before.payments + 1,
      entries: before.entries + 1,
      charges: before.charges + 1,
    });
  });
});
