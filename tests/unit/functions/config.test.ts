/** The configuration's decisions without AWS: secrets caching and rotation, stages, the bill provider in prod. */
import { billProviderMode, DEPLOYED_STAGES, LOCAL_STAGES, readSettings } from '../../../functions/config';
import { createSecretsCache, SecretsUnavailableError, type SecretSource } from '../../../functions/config/secrets';

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
const secretsJson = (tokenSecret: string) =>
  JSON.stringify({ tokenSecret, cursorSecret: 'c'.repeat(40), wechatAppId: 'wx1', wechatAppSecret: 's'.repeat(32) });

function source(answers: Array<string | Error>) {
  let calls = 0;
  const read: SecretSource['read'] = async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { source: { read }, calls: () => calls };
}

describe('secrets cache', () => {
  it('reads once within the TTL, again after it (a rotation reaches a warm function), and shares a read in flight', async () => {
    let now = 0;
    const ssm = source([secretsJson('first'), secretsJson('rotated')]);
    const cache = createSecretsCache({ source: ssm.source, parameter: '/p', ttlMs: 60_000, now: () => now });
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect([a.tokenSecret, b.tokenSecret, ssm.calls()]).toEqual(['first', 'first', 1]);
    now = 59_999;
    expect((await cache.get()).tokenSecret).toBe('first');
    now = 60_000;
    expect((await cache.get()).tokenSecret).toBe('rotated');
    expect(ssm.calls()).toBe(2);
  });

  it('fails without a value when SSM is down, keeps the last value when a refresh fails, and asks again a minute later', async () => {
    let now = 0;
    const down = new Error('ThrottlingException');
    const cold = createSecretsCache({ source: source([down]).source, parameter: '/p', ttlMs: 1_000, now: () => now });
    await expect(cold.get()).rejects.toBeInstanceOf(SecretsUnavailableError);

    const stale: Error[] = [];
    const ssm = source([secretsJson('first'), down, secretsJson('second')]);
    const warm = createSecretsCache({ source: ssm.source, parameter: '/p', ttlMs: 1_000, now: () => now, onStale: (e) => stale.push(e) });
    expect((await warm.get()).tokenSecret).toBe('first');
    now = 1_000;
    expect((await warm.get()).tokenSecret).toBe('first');
    expect(stale).toHaveLength(1);
    now = 1_000 + 59_999;
    expect((await warm.get()).tokenSecret).toBe('first');
    expect(ssm.calls()).toBe(2);
    now = 1_000 + 60_000;
    expect((await warm.get()).tokenSecret).toBe('second');
  });
});

describe('secrets cache, a bad rotation', () => {
  it('keeps serving with the good value when a refresh brings a malformed one, and says so', async () => {
    let now = 0;
    const stale: Error[] = [];
    const ssm = source([secretsJson('good'), '{"tokenSecret":', secretsJson('fixed')]);
    const cache = createSecretsCache({ source: ssm.source, parameter: '/p', ttlMs: 1_000, now: () => now, onStale: (e) => stale.push(e) });
    expect((await cache.get()).tokenSecret).toBe('good');
    now = 1_000;
    expect((await cache.get()).tokenSecret).toBe('good');
    expect(stale.map((e) => e.message)).toEqual(['The secrets parameter /p is not a JSON object']);
    now = 1_000 + 60_000;
    expect((await cache.get()).tokenSecret).toBe('fixed');
  });
});

describe('stages', () => {
  it('serverless.yml knows the same stages as the functions', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const packaging = require('../../../scripts/lib/deploy-stage.cjs') as { DEPLOYED_STAGES: string[]; LOCAL_STAGES: string[] };
    expect([packaging.DEPLOYED_STAGES, packaging.LOCAL_STAGES]).toEqual([DEPLOYED_STAGES, LOCAL_STAGES]);
  });

  it('a missing STAGE is no stage, never the local one', () => {
    expect(() => readSettings(env({ TABLE_NAME: 't' }))).toThrow(/STAGE is not set/);
    expect(readSettings(env({ STAGE: 'local', TABLE_NAME: 't' })).billProvider).toBe('sandbox');
  });

  it('prod never pays with the sandbox; staging may, and says so', () => {
    expect(billProviderMode({ stage: 'prod', billProvider: 'sandbox' })).toBe('none');
    expect(billProviderMode({ stage: 'staging', billProvider: 'sandbox' })).toBe('sandbox');
    expect(billProviderMode({ stage: 'prod', billProvider: 'none' })).toBe('none');
  });
});
