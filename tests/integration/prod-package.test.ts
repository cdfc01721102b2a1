/**
 * `osls package --stage prod` (no AWS credentials needed): the deployed bundles carry no dev login,
 * the template no secret, and the stack keeps its limits (AU5, IV8). Without a stage nothing is packaged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allFiles, NO_CREDENTIALS, OSLS, packageStage as packageZips, ROOT } from '../harness/package-stage';

function packageStage(stage: string) {
  const pkg = packageZips(stage);
  return { bundles: allFiles(pkg), template: pkg.template };
}

/** Every statement of every function's own role. */
function roleStatements(resources: Record<string, any>): Array<any> {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Role')
    .flatMap((r) => r.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement));
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

  it('puts no secret in any prod function environment: only the name of the one parameter they read at run time', () => {
    expect(prod.template).not.toMatch(/local-development|test-token-secret|local-app-secret|\{\{resolve:/);
    const resources = JSON.parse(prod.template).Resources as Record<string, any>;
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(5);
    for (const [name, fn] of functions) {
      const env = fn.Properties.Environment.Variables as Record<string, string>;
      const secretValues = ['TOKEN_SECRET', 'CURSOR_SECRET', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'].map((key) => env[key] ?? '');
      expect({ name, secretValues }).toEqual({ name, secretValues: ['', '', '', ''] });
      expect({ name, parameter: env.SECRETS_PARAMETER, provider: env.BILL_PROVIDER, endpoint: env.DYNAMODB_ENDPOINT }).toEqual({
        name,
        parameter: '/yinong/prod/secrets',
        provider: 'none', // named explicitly; prod has no real provider yet and refuses the sandbox
        endpoint: '',
      });
    }
    // The functions may read that one parameter, nothing else of SSM or Secrets Manager.
    const secretStatements = roleStatements(resources).filter((s) => JSON.stringify(s.Action).match(/ssm:|secretsmanager:/));
    expect(secretStatements.length).toBeGreaterThan(5);
    for (const statement of secretStatements) {
      expect(statement.Action).toEqual(['ssm:GetParameter']);
      expect(JSON.stringify(statement.Resource)).toMatch(/"parameter\/yinong\/prod\/secrets"\]/);
    }
  });

  it('refuses to package without a stage, or with an unknown one, saying what to type', () => {
    for (const args of [[], ['--stage', 'dev']]) {
      const out = mkdtempSync(join(tmpdir(), 'yinong-nostage-'));
      const run = spawnSync(OSLS, ['package', ...args, '--package', out], { cwd: ROOT, env: NO_CREDENTIALS, encoding: 'utf8' });
      const zipped = existsSync(out) && readdirSync(out).some((name) => name.endsWith('.zip'));
      rmSync(out, { recursive: true, force: true });
      expect({ args, status: run.status, zipped }).toEqual({ args, status: 1, zipped: false });
      expect(run.stdout + run.stderr).toMatch(
        args.length ? /Unknown stage "dev": deployed stages are staging, prod/ : /Name the stage: --stage staging\|prod/,
      );
    }
  });

  it('grants item and query access on the table and its indexes only, never Scan, and throttles the API', () => {
    const resources = JSON.parse(prod.template).Resources;
    const policy = JSON.stringify(roleStatements(resources));
    expect(policy).not.toMatch(/dynamodb:Scan|dynamodb:\*/);
    expect(policy).toMatch(/dynamodb:Query/);
    expect(resources.HttpApiStage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: expect.any(Number),
      ThrottlingRateLimit: expect.any(Number),
    });
    expect(resources.YinongTable.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    const functions = Object.entries(resources).filter(([, r]: [string, any]) => r.Type === 'AWS::Lambda::Function') as Array<[string, any]>;
    expect(functions.length).toBeGreaterThan(5);
    for (const [name, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs20.x');
      expect(fn.Properties.MemorySize).toBeLessThanOrEqual(512);
      // HTTP functions answer within API Gateway's 30 s; the scheduled jobs (settler, notifier, question escalator, service roll-up) end well before their next run.
      expect({ name, timeout: fn.Properties.Timeout <= (/^(Settler|Notifier|QuestionEscalator|ServiceRollup)/.test(name) ? 60 : 15) }).toEqual({
        name,
        timeout: true,
      });
    }
    const schedule = Object.values(resources).find((r: any) => r.Type === 'AWS::Events::Rule') as any;
    expect(schedule.Properties.ScheduleExpression).toBe('rate(1 minute)');
  });

  it('keeps feed images in a private bucket; functions may put, get and delete objects under feed-images/ only', () => {
    const resources = JSON.parse(prod.template).Resources;
    const s3Statements = roleStatements(resources).filter((s) => JSON.stringify(s.Action).includes('s3:'));
    expect(s3Statements.length).toBeGreaterThan(0);
    for (const statement of s3Statements) {
      expect([...statement.Action].sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
      expect(statement.Resource).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['UploadsBucket', 'Arn'] }, '/feed-images/*']] }]);
    }
    expect(resources.UploadsBucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(resources.UploadsBucket.Properties.BucketName).toBe('yinong-prod-uploads');
    const feeds = resources.FeedsLambdaFunction.Properties.Environment.Variables;
    expect(feeds).toMatchObject({ UPLOADS_BUCKET: 'yinong-prod-uploads', S3_ENDPOINT: '', S3_PUBLIC_URL: '' });
  });
});
