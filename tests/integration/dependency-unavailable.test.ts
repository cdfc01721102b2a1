import { createServer } from 'node:net';
import { resetConfigForTests } from '../../functions/config';
import { resetDbForTests } from '../../functions/data/client';
import { handler as stations } from '../../functions/handlers/stations';
import { handler as system } from '../../functions/handlers/system';
import { handler as payments } from '../../functions/handlers/payments';
import { issueToken } from '../../functions/auth/tokens';
import { invoke } from '../harness/invoke';

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
    for (const [handler, path] of [[stations, '/stations/by-code/630202002214'], [system, '/health']] as const) {
      const res = await invoke(handler, { path });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.raw).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    }
  });

  it('answers 503 with Retry-After on a payment and a ledger read (the token is checked against the user record first)', async () => {
    const auth = { authorization: `Bearer ${issueToken('u-officer', process.env.TOKEN_SECRET!, 3600).token}` };
    const paid = await invoke(payments, {
      method: 'POST',
      path: '/payments',
      headers: { ...auth, 'idempotency-key': 'fa1-key' },
      body: { stationId: 'st1', billType: 'phone', accountNo: '13800001234', amountFen: 5_000, method: 'cash' },
    });
    const ledger = await invoke(payments, { path: '/stations/st1/ledger', headers: auth });
    for (const res of [paid, ledger]) {
      expect([res.status, res.json.error.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});
