/**
 * POST /auth/login through the real code2Session adapter, over HTTP, against a local fake WeChat
 * (AU1, AU2, AU3, AU6), counting users stored.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { countEntities } from '../harness/count';
import { usePinnedRateLimitClock } from '../harness/clock';
import { resetWechatGatewayForTests } from '../../functions/adapters/wechat-gateway';
import { resetConfigForTests } from '../../functions/config';
import { FAKE_SESSION_KEY, startFakeWeChat } from '../harness/fake-wechat';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';

let fake: Awaited<ReturnType<typeof startFakeWeChat>>;
let table: Awaited<ReturnType<typeof useFreshTable>>;
const logged: string[] = [];
const writes = { out: process.stdout.write, err: process.stderr.write };

beforeAll(async () => {
  fake = await startFakeWeChat();
  process.env.WECHAT_API_BASE = fake.url;
  process.env.WECHAT_TIMEOUT_MS = '500';
  process.env.LOG_LEVEL = 'debug';
  process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
  table = await useFreshTable('login');
  resetWechatGatewayForTests();
  // Capture everything the handlers log, to prove secrets never reach it.
  process.stdout.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stderr.write;
});
afterAll(async () => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  await fake.close();
});

const login = (body: unknown, sourceIp?: string) => invoke(handlers.auth, { method: 'POST', path: '/auth/login', body, sourceIp });
const countUsers = () => countEntities(table.doc, table.tableName, 'User');

describe('WeChat login', () => {
  usePinnedRateLimitClock(); // the rate-limited test below must not straddle a window boundary

  it('creates a villager on first login, and the same user on the next', async () => {
    const first = await login({ code: 'ok-openid-alpha' });
    expect(first.status).toBe(200);
    expect(first.json.user).toEqual({ id: expect.stringMatching(/^u[0-9a-f]{20}$/), role: 'villager' });
    expect(first.json.token.split('.')).toHaveLength(3);
    const second = await login({ code: 'ok-openid-alpha' });
    expect(second.json.user.id).toBe(first.json.user.id);
    expect(await countUsers()).toBe(1);
    // The token works on an authenticated route.
    const me = await invoke(handlers.auth, { path: '/me', headers: { authorization: `Bearer ${second.json.token}` } });
    expect(me.status).toBe(200);
    expect(me.json.user.id).toBe(first.json.user.id);
  });

  it('creates exactly one user when the same person logs in 10 times at once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => login({ code: 'ok-openid-concurrent' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.json.user.id)).size).toBe(1);
    const claims = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'OPENID#openid-concurrent' },
      }),
    );
    expect(claims.Count).toBe(1);
  });

  it('AU1: takes only {code}: an openid, role or extra field in the body is 400 and creates nobody', async () => {
    const before = await countUsers();
    for (const body of [
      { code: 'ok-x', openid: 'someone-else' },
      { openid: 'someone-else' },
      { code: 'ok-x', role: 'province_admin' },
      { code: '' },
      { code: 42 },
    ]) {
      const res = await login(body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await countUsers()).toBe(before);
  });

  it('AU3: maps WeChat’s answers to 401, 429, 403 and 503, never 500, and stores nobody', async () => {
    const before = await countUsers();
    const cases: Array<[string, number, string]> = [
      ['bad', 401, 'UNAUTHENTICATED'],
      ['used', 401, 'UNAUTHENTICATED'],
      ['limited', 429, 'RATE_LIMITED'],
      ['blocked', 403, 'FORBIDDEN'],
      ['busy', 503, 'DEPENDENCY_UNAVAILABLE'],
      ['slow', 503, 'DEPENDENCY_UNAVAILABLE'],
      ['http500', 503, 'DEPENDENCY_UNAVAILABLE'],
    ];
    for (const [code, status, errorCode] of cases) {
      const res = await login({ code });
      expect({ code, status: res.status, error: res.json.error.code }).toEqual({ code, status, error: errorCode });
    }
    expect(await countUsers()).toBe(before);
  });

  it('AU3: WeChat unreachable is 503', async () => {
    process.env.WECHAT_API_BASE = 'http://127.0.0.1:9';
    resetConfigForTests();
    resetWechatGatewayForTests();
    const res = await login({ code: 'ok-anyone' });
    expect(res.status).toBe(503);
    process.env.WECHAT_API_BASE = fake.url;
    resetConfigForTests();
    resetWechatGatewayForTests();
  });

  it('AU2: the session_key and tokens never appear in responses or logs; WeChat got our app id', async () => {
    const res = await login({ code: 'ok-openid-logcheck' });
    expect(res.raw).not.toContain(FAKE_SESSION_KEY);
    expect(res.raw).not.toContain('openid-logcheck');
    const logs = logged.join('');
    expect(logs).toContain('"status":200'); // the request was logged…
    expect(logs).not.toContain(FAKE_SESSION_KEY); // …without the session key,
    expect(logs).not.toContain(res.json.token); // the token,
    expect(logs).not.toContain('test-app-secret'); // or the app secret.
    expect(fake.calls.at(-1)?.searchParams.get('appid')).toBeTruthy();
  });

  it('AU6: logins are rate limited per client address', async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '5';
    resetConfigForTests();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login({ code: 'ok-openid-burst' }, '198.51.100.7')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await login({ code: 'ok-openid-burst' }, '198.51.100.7');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login({ code: 'ok-openid-burst' }, '198.51.100.8')).status).toBe(200);
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    resetConfigForTests();
  });

  it('accepts dev:<openid> codes in the test stage (the dev adapter is compiled in here)', async () => {
    const res = await login({ code: 'dev:someone-local' });
    expect(res.status).toBe(200);
    const bad = await login({ code: 'dev:not valid!' });
    expect(bad.status).toBe(400); // the schema refuses the space before the adapter sees it
  });
});
