/**
 * `osls package --stage prod` (no AWS credentials needed): the deployed bundles carry no dev login,
 * the template no secret, and the stack keeps its limits (AU5, IV8).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../harness/zip';

const ROOT = join(__dirname, '..', '..');

function packageStage(stage: string) {
  const out = mkdtempSync(join(tmpdir(), `yinong-${stage}-`));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'osls'), ['package', '--stage', stage, '--package', out], {
    cwd: ROOT,
    env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', SLS_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  const bundles = readZip(join(out, 'yinong.zip'));
  const template = readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8');
  rmSync(out, { recursive: true, force: true });
  return { bundles, template };
}

describe('packaging', () => {
  const prod = packageStage('prod');
  const local = packageStage('local');
  const js = (pkg: typeof prod) => [...pkg.bundles].filter(([name]) => name.endsWith('.js'));

  it('leaves the dev login out of every prod bundle, while local bundles have it', () => {
    const marker = /function withDevLogin|dev login cannot be enabled/;
    expect(js(prod).length).toBeGreaterThanOrEqual(6);
    for (const [name, code] of js(prod)) expect({ name, devLogin: marker.test(code.toString()) }).toEqual({ name, devLogin: false });
    expect(marker.test(local.bundles.get('functions/handlers/auth.js')!.toString())).toBe(true);
  });

  it('puts no secret in the prod template: they are deploy-time references to Secrets Manager', () => {
    expect(prod.template).not.toMatch(/local-development|test-token-secret|local-app-secret/);
    const env = JSON.parse(prod.template).Resources.AuthLambdaFunction.Properties.Environment.Variables;
    for (const name of ['TOKEN_SECRET', 'CURSOR_SECRET', 'WECHAT_APP_SECRET']) {
      expect(env[name]).toMatch(/^\{\{resolve:secretsmanager:yinong\/prod\/secrets:SecretString:\w+\}\}$/);
    }
    expect(env.DYNAMODB_ENDPOINT).toBe('');
  });

  it('grants item and query access on the table and its indexes only, never Scan, and throttles the API', () => {
    const resources = JSON.parse(prod.template).Resources;
    const policy = JSON.stringify(resources.IamRoleLambdaExecution.Properties.Policies);
    expect(policy).not.toMatch(/dynamodb:Scan|dynamodb:\*/);
    expect(policy).toMatch(/dynamodb:Query/);
    expect(resources.HttpApiStage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingBurstLimit: expect.any(Number), ThrottlingRateLimit: expect.any(Number) });
    expect(resources.YinongTable.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    const functions = Object.entries(resources).filter(([, r]: [string, any]) => r.Type === 'AWS::Lambda::Function') as Array<[string, any]>;
    expect(functions.length).toBeGreaterThan(5);
    for (const [name, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs20.x');
      expect(fn.Properties.MemorySize).toBeLessThanOrEqual(512);
      // HTTP functions answer within API Gateway's 30 s; the scheduled settler ends well before its next run.
      expect({ name, timeout: fn.Properties.Timeout <= (name.startsWith('Settler') ? 60 : 15) }).toEqual({ name, timeout: true });
    }
    const schedule = Object.values(resources).find((r: any) => r.Type === 'AWS::Events::Rule') as any;
    expect(schedule.Properties.ScheduleExpression).toBe('rate(1 minute)');
  });
});
