/**
 * The real handlers run as a deployed stage would (STAGE=prod or staging, no dev login compiled in,
 * secrets read from SSM: a stub here, as no AWS endpoint is reachable), on DynamoDB Local:
 *   - a function that is not safe to deploy refuses every request: generic 500, the reason logged;
 *   - secrets come from the parameter, once per cold start (cached), never from the environment;
 *     SSM down is a 503 that leaks nothing;
 *   - prod refuses the sandbox bill provider: payment routes 503 PROVIDER_NOT_CONFIGURED, logged at
 *     start, nothing written, every other route working; staging's sandbox payments say so.
 */
import { issueToken } from '../../functions/auth/tokens';
import { resetConfigForTests } from '../../functions/config';
import { useSecretSourceForTests } from '../../functions/config/ready';
import type { SecretSource } from '../../functions/config/secrets';
import { useFreshTable, useSeededTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { zhCN } from '../../functions/i18n/zh-CN';
import { copyStations, electricityBody, newKey, officerOf, pay, stored, TUQIAO } from '../harness/payments';

const SECRETS = {
  tokenSecret: 'prod-token-secret-0123456789abcdef0123456789abcdef',
  cursorSecret: 'prod-cursor-secret-0123456789abcdef0123456789abcdef',
  wechatAppId: 'wx0123456789abcdef',
  wechatAppSecret: 'prod-wechat-app-secret-0123456789',
};
const PARAMETER = '/yinong/prod/secrets';
const SECRET_ENV = ['TOKEN_SECRET', 'CURSOR_SECRET', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'];

/** A stand-in for SSM: answers the one parameter, counts the calls. */
function stubSsm(answer: () => string) {
  const reads: string[] = [];
  const source: SecretSource = {
    async read(name) {
      reads.push(name);
      return answer();
    },
  };
  return { source, reads };
}

const saved = { ...process.env };
const logged: string[] = [];
const writes = { out: process.stdout.write, err: process.stderr.write };
const logLines = () =>
  logged
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; message: string; [field: string]: unknown });

/** This process becomes a deployed function of `stage` (module caches of the config forgotten). */
function deployAs(stage: string | undefined, env: Record<string, string | undefined> = {}, ssm = stubSsm(() => JSON.stringify(SECRETS))) {
  for (const name of SECRET_ENV) delete process.env[name];
  if (stage === undefined) delete process.env.STAGE;
  else process.env.STAGE = stage;
  Object.assign(process.env, { YINONG_DEV_LOGIN: 'disabled', SECRETS_PARAMETER: PARAMETER, BILL_PROVIDER: 'sandbox', LOG_LEVEL: 'warn' });
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  useSecretSourceForTests(ssm.source);
  resetConfigForTests();
  logged.length = 0;
  return ssm;
}

let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];
let table: string;
let officerId: string;
const prodAuth = () => ({ authorization: `Bearer ${issueToken(officerId, SECRETS.tokenSecret, 3600).token}` });

beforeAll(async () => {
  ({ doc, tableName: table } = await useFreshTable('deployed'));
  await copyStations(doc, table, [TUQIAO.villageCode]);
  officerId = (await officerOf(doc, table, TUQIAO)).user.id;
  process.stdout.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (logged.push(String(chunk)), true)) as typeof process.stderr.write;
});

afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved, { TABLE_NAME: table });
  useSecretSourceForTests(undefined);
  resetConfigForTests();
});

afterAll(() => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
  useSeededTable();
});

describe('a function that is not safe to deploy refuses every request (generic 500, the reason in the log)', () => {
  const cases: Array<[string, string | undefined, Record<string, string | undefined>, RegExp]> = [
    ['no STAGE at all', undefined, {}, /STAGE is not set/],
    ['an unknown stage', 'dev', {}, /stage dev is not a known stage/],
    ['the dev login compiled into a prod bundle', 'prod', { YINONG_DEV_LOGIN: 'enabled' }, /dev login adapter is compiled into this bundle/],
    ['a secret in the prod environment', 'prod', { TOKEN_SECRET: SECRETS.tokenSecret }, /TOKEN_SECRET is set in the function environment/],
    ['no secrets parameter', 'prod', { SECRETS_PARAMETER: undefined }, /SECRETS_PARAMETER is not set/],
    ['no bill provider named', 'prod', { BILL_PROVIDER: undefined }, /Missing required setting BILL_PROVIDER/],
    [
      'a local stage running on AWS Lambda',
      'local',
      { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' },
      /stage local is a development stage and is running on AWS Lambda/,
    ],
  ];

  it.each(cases)('%s', async (_name, stage, env, reason) => {
    deployAs(stage, env);
    for (const [handler, path] of [
      [handlers.system, '/health'],
      [handlers.stations, '/stations/by-code/630202002214'],
    ] as const) {
      const res = await invoke(handler, { path });
      expect([res.status, res.json.error.code, res.json.error.message]).toEqual([500, 'INTERNAL', zhCN['error.INTERNAL']]);
    }
    const refusals = logLines().filter((line) => line.level === 'error' && line.message === 'startup refused');
    expect(refusals).toHaveLength(2);
    expect(JSON.stringify(refusals[0].problems)).toMatch(reason);
  });

  it('a secret with a development default value, without printing it', async () => {
    deployAs(
      'prod',
      {},
      stubSsm(() => JSON.stringify({ ...SECRETS, tokenSecret: 'local-development-token-secret', cursorSecret: 'short' })),
    );
    const res = await invoke(handlers.system, { path: '/health' });
    expect([res.status, res.json.error.code]).toEqual([500, 'INTERNAL']);
    const [refusal] = logLines().filter((line) => line.message === 'startup refused');
    expect(refusal.problems).toEqual([
      'secret tokenSecret is a development default',
      'secret tokenSecret is shorter than 32 characters',
      'secret cursorSecret is shorter than 32 characters',
    ]);
    expect(logged.join('')).not.toMatch(/local-development-token-secret|"short"/);
  });

  it('a secrets parameter that lacks a key', async () => {
    deployAs(
      'prod',
      {},
      stubSsm(() => JSON.stringify({ tokenSecret: SECRETS.tokenSecret })),
    );
    const res = await invoke(handlers.system, { path: '/health' });
    expect([res.status, res.json.error.code]).toEqual([500, 'INTERNAL']);
    expect(JSON.stringify(logLines().find((line) => line.message === 'startup refused'))).toMatch(/lacks cursorSecret, wechatAppId, wechatAppSecret/);
    expect(logged.join('')).not.toContain(SECRETS.tokenSecret);
  });
});

describe('secrets read at run time from the parameter', () => {
  it('are read once per cold start and cached; tokens are signed with them, not with any environment value', async () => {
    const ssm = deployAs('prod');
    const me = await invoke(handlers.auth, { path: '/me', headers: prodAuth() });
    expect(me.status).toBe(200);
    const testSigned = { authorization: `Bearer ${issueToken(officerId, saved.TOKEN_SECRET!, 3600).token}` };
    expect((await invoke(handlers.auth, { path: '/me', headers: testSigned })).status).toBe(401);
    expect((await invoke(handlers.stations, { path: '/stations/by-code/630202002214' })).status).toBe(200);
    expect(ssm.reads).toEqual([PARAMETER]);
  });

  it('SSM unreachable: 503 with a retry hint and nothing of the cause; the next request asks again', async () => {
    let down = true;
    const ssm = deployAs(
      'prod',
      {},
      stubSsm(() => {
        if (down)
          throw Object.assign(new Error(`AccessDeniedException: not authorized to perform ssm:GetParameter on ${PARAMETER}`), {
            name: 'AccessDeniedException',
          });
        return JSON.stringify(SECRETS);
      }),
    );
    const res = await invoke(handlers.stations, { path: '/stations/by-code/630202002214' });
    expect([res.status, res.json.error.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.raw).not.toMatch(/AccessDenied|ssm|yinong\/prod|GetParameter/);
    expect(logLines().find((line) => line.message === 'secrets unavailable')).toMatchObject({ level: 'error', parameter: PARAMETER });
    down = false;
    expect((await invoke(handlers.stations, { path: '/stations/by-code/630202002214' })).status).toBe(200);
    expect(ssm.reads).toHaveLength(2);
  });
});

describe('the bill provider of a deployed stage', () => {
  it('prod refuses the sandbox: payment routes 503 PROVIDER_NOT_CONFIGURED, nothing written, every other route working, one error line at start', async () => {
    deployAs('prod', { BILL_PROVIDER: 'sandbox' });
    const before = await stored(doc, table);
    const auth = prodAuth();
    const lookup = await invoke(handlers.payments, {
      method: 'POST',
      path: '/bills/lookup',
      headers: auth,
      body: { billType: 'electricity', accountNo: '1234567890' },
    });
    const paid = await pay(auth, { stationId: TUQIAO.id, billType: 'phone', accountNo: '13800001234', amountFen: 5_000, method: 'cash' });
    const voided = await invoke(handlers.payments, {
      method: 'POST',
      path: `/payments/pm${'0'.repeat(24)}/void`,
      headers: auth,
      body: { reason: '户号错了' },
    });
    for (const res of [lookup, paid]) expect([res.status, res.json.error.code]).toEqual([503, 'PROVIDER_NOT_CONFIGURED']);
    // The access check answers first (the contract's order): no such payment is a 404, not a 503.
    expect([voided.status, voided.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await stored(doc, table)).toEqual(before);

    const billTypes = await invoke(handlers.payments, { path: '/bill-types', headers: auth });
    expect([billTypes.status, billTypes.json.provider]).toEqual([200, { mode: 'none' }]);
    expect((await invoke(handlers.payments, { path: `/stations/${TUQIAO.id}/ledger`, headers: auth })).status).toBe(200);
    expect((await invoke(handlers.stations, { path: '/stations/by-code/630202002214' })).status).toBe(200);
    expect((await invoke(handlers.system, { path: '/health' })).status).toBe(200);

    const startLines = logLines().filter((line) => line.message.startsWith('no bill provider configured'));
    expect(startLines).toEqual([
      expect.objectContaining({ level: 'error', stage: 'prod', billProvider: 'sandbox', reason: 'the sandbox bill provider is refused in prod' }),
    ]);
  });

  it('staging pays with the sandbox, names it on GET /bill-types, and marks each payment as not real', async () => {
    deployAs('staging', { SECRETS_PARAMETER: PARAMETER });
    const auth = prodAuth();
    const billTypes = await invoke(handlers.payments, { path: '/bill-types', headers: auth });
    expect(billTypes.json.provider).toEqual({ mode: 'sandbox' });
    const paid = await pay(auth, await electricityBody(auth, TUQIAO.id, '1234567812'), newKey());
    expect([paid.status, paid.json.status, paid.json.sandbox]).toEqual([201, 'SUCCEEDED', true]);
    const receipt = await invoke(handlers.payments, { path: `/payments/${paid.json.id}`, headers: auth });
    expect(receipt.json.sandbox).toBe(true);
    expect(logLines().find((line) => line.message.startsWith('sandbox bill provider'))).toMatchObject({ level: 'warn', stage: 'staging' });
  });
});
