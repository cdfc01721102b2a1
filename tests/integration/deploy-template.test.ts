/**
 * The packaged prod CloudFormation template, read as a cloud security review would (the usual Python
 * template linters cannot be installed here): least privilege per function, the table kept safe, logs
 * kept a bounded time, the API throttled, no secret in it, and the routes open without a token named.
 */
import { routeList } from '../../shared';
import { packageStage } from '../harness/package-stage';

type Resource = { Type: string; Properties: any; DependsOn?: unknown; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown | unknown[]; NotAction?: unknown; NotResource?: unknown };

const template = JSON.parse(packageStage('prod').template) as { Resources: Record<string, Resource> };
const resources = template.Resources;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const functions = ofType('AWS::Lambda::Function');
/** `yinong-prod-stations` -> `stations`. */
const shortName = (fn: Resource) => String(fn.Properties.FunctionName).replace(/^yinong-prod-/, '');

/** A resource ARN as text: `${YinongTable.Arn}/index/*`, `arn:${AWS::Partition}:ssm:...`. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::GetAtt']) return `\${${v['Fn::GetAtt'].join('.')}}`;
  if (v.Ref) return `\${${v.Ref}}`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  throw new Error(`unexpected ARN expression ${JSON.stringify(value)}`);
}
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function roleOf(fn: Resource): { name: string; statements: Statement[] } {
  const name = fn.Properties.Role?.['Fn::GetAtt']?.[0] as string;
  const role = resources[name];
  expect(role?.Type).toBe('AWS::IAM::Role');
  return { name, statements: role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement) };
}
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => list(s.Action));

const ARN = 'arn:${AWS::Partition}';
const ACCOUNT = '${AWS::Region}:${AWS::AccountId}';
/** Every resource a function's role may name, with the actions allowed on it. */
function allowedResources(fn: string): Array<[RegExp | string, RegExp]> {
  return [
    [`${ARN}:logs:${ACCOUNT}:log-group:/aws/lambda/yinong-prod-${fn}:*`, /^logs:(CreateLogStream|PutLogEvents)$/],
    ['${YinongTable.Arn}', /^dynamodb:(GetItem|BatchGetItem|Query|PutItem|UpdateItem|DeleteItem|ConditionCheckItem)$/],
    ['${YinongTable.Arn}/index/*', /^dynamodb:(GetItem|BatchGetItem|Query|PutItem|UpdateItem|DeleteItem|ConditionCheckItem)$/],
    ['${UploadsBucket.Arn}/feed-images/*', /^s3:(PutObject|GetObject|DeleteObject)$/],
    [`${ARN}:lambda:${ACCOUNT}:function:yinong-prod-notifier`, /^lambda:InvokeFunction$/],
    [`${ARN}:ssm:${ACCOUNT}:parameter/yinong/prod/secrets`, /^ssm:GetParameter$/],
  ];
}

const WRITES = /^(dynamodb:(PutItem|UpdateItem|DeleteItem|ConditionCheckItem|BatchWriteItem)|s3:(PutObject|DeleteObject)|lambda:InvokeFunction)$/;

describe('the prod template: IAM', () => {
  it('gives every function a role of its own, and no role is shared or left over', () => {
    expect(functions.length).toBeGreaterThanOrEqual(17);
    const roles = functions.map(([, fn]) => roleOf(fn).name);
    expect(new Set(roles).size).toBe(functions.length);
    expect(
      ofType('AWS::IAM::Role')
        .map(([name]) => name)
        .sort(),
    ).toEqual([...roles].sort());
    expect(resources.IamRoleLambdaExecution).toBeUndefined();
    for (const [name, role] of ofType('AWS::IAM::Role')) {
      expect({ name, managed: role.Properties.ManagedPolicyArns ?? [] }).toEqual({ name, managed: [] });
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
      ]);
    }
  });

  it('allows no wildcard action, and no resource beyond this table and its indexes, the feed images, its own logs, the notifier and the secrets parameter', () => {
    for (const [, fn] of functions) {
      const name = shortName(fn);
      const allowed = allowedResources(name);
      for (const statement of roleOf(fn).statements) {
        expect({ name, effect: statement.Effect, not: statement.NotAction ?? statement.NotResource }).toEqual({
          name,
          effect: 'Allow',
          not: undefined,
        });
        for (const action of list(statement.Action)) {
          expect({ name, action, wildcard: action.includes('*') }).toEqual({ name, action, wildcard: false });
          for (const resource of list(statement.Resource).map(render)) {
            const rule = allowed.find(([arn]) => arn === resource);
            expect({ name, resource, action, allowed: Boolean(rule && rule[1].test(action)) }).toEqual({ name, resource, action, allowed: true });
          }
        }
      }
    }
  });

  it('lets the functions that serve only public reads (and the 404 fallback) read, never write', () => {
    const apiInvoked = new Set(
      ofType('AWS::Lambda::Permission')
        .filter(([, permission]) => permission.Properties.Principal === 'apigateway.amazonaws.com')
        .map(([, permission]) => permission.Properties.FunctionName['Fn::GetAtt'][0] as string),
    );
    const publicReaders = functions.filter(
      ([logicalId, fn]) =>
        apiInvoked.has(logicalId) &&
        routeList.filter((route) => route.function === shortName(fn)).every((route) => route.access === 'public' && route.method === 'GET'),
    );
    expect(publicReaders.map(([, fn]) => shortName(fn)).sort()).toEqual(['fallback', 'system']);
    for (const [, fn] of publicReaders) {
      const writes = actionsOf(roleOf(fn).statements).filter((action) => WRITES.test(action));
      expect({ name: shortName(fn), writes }).toEqual({ name: shortName(fn), writes: [] });
    }
    // The fallback answers 404 from the route table alone: no table access at all.
    const fallback = functions.find(([, fn]) => shortName(fn) === 'fallback')!;
    expect(actionsOf(roleOf(fallback[1]).statements).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
  });

  it('gives the feed images to the functions that handle photos only, and the notifier invoke to the publish only', () => {
    const having = (pattern: RegExp) =>
      functions
        .filter(([, fn]) => actionsOf(roleOf(fn).statements).some((action) => pattern.test(action)))
        .map(([, fn]) => shortName(fn))
        .sort();
    expect(having(/^s3:/)).toEqual(['feeds', 'market', 'questions']);
    expect(having(/^lambda:/)).toEqual(['feeds']);
    expect(having(/^dynamodb:Scan$/)).toEqual([]);
  });
});

describe('the prod template: data, logs, API', () => {
  it('keeps the table: point-in-time recovery, deletion protection, retained on stack deletion, encrypted', () => {
    const table = resources.YinongTable;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('encrypts and closes every bucket', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(2); // feed images and the deployment bucket
    for (const [name, bucket] of buckets) {
      const rules = bucket.Properties.BucketEncryption?.ServerSideEncryptionConfiguration ?? [];
      expect({ name, algorithm: rules[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm }).toEqual({
        name,
        algorithm: expect.stringMatching(/^(AES256|aws:kms)$/),
      });
    }
    expect(resources.UploadsBucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('keeps every function log for a bounded time (a log group per function, with its retention)', () => {
    const groups = new Map(ofType('AWS::Logs::LogGroup').map(([, group]) => [group.Properties.LogGroupName, group.Properties.RetentionInDays]));
    for (const [, fn] of functions) {
      const retention = groups.get(`/aws/lambda/${fn.Properties.FunctionName}`);
      expect({ fn: shortName(fn), retention }).toEqual({ fn: shortName(fn), retention: expect.any(Number) });
      expect(retention).toBeGreaterThan(0);
      expect(retention).toBeLessThanOrEqual(365);
    }
  });

  it('throttles the HTTP API, and bounds the notifier fan-out', () => {
    const settings = resources.HttpApiStage.Properties.DefaultRouteSettings;
    expect(settings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(settings.ThrottlingRateLimit).toBeLessThanOrEqual(1000);
    expect(settings.ThrottlingBurstLimit).toBeGreaterThan(0);
    expect(settings.ThrottlingBurstLimit).toBeLessThanOrEqual(2000);
    expect(resources.NotifierLambdaFunction.Properties.ReservedConcurrentExecutions).toBe(2);
  });

  it('holds no secret in plain text: secret variables empty, no key, token or development secret anywhere', () => {
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(template);
    const suspicious = strings.filter(
      (s) =>
        /-----BEGIN|AKIA[0-9A-Z]{16}|\b[0-9a-f]{32,}\b|local-development|test-(token|cursor)-secret|local-app-secret|\{\{resolve:/i.test(s) ||
        /^wx[0-9a-f]{16}$/.test(s),
    );
    expect(suspicious).toEqual([]);
    for (const [, fn] of functions) {
      const variables = Object.entries(fn.Properties.Environment.Variables as Record<string, string>);
      const secretLooking = variables.filter(
        ([key, value]) => /SECRET|TOKEN|PASSWORD|PRIVATE|APP_ID/.test(key) && key !== 'SECRETS_PARAMETER' && value !== '',
      );
      expect({ fn: shortName(fn), secretLooking }).toEqual({ fn: shortName(fn), secretLooking: [] });
    }
  });
});

describe('the prod template: routes', () => {
  const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties);

  it('declares exactly the route table (its devOnly routes apart) plus the 404 fallback, with no gateway authorizer: every token is checked by the pipeline', () => {
    expect(routeKeys.map((route) => route.RouteKey).sort()).toEqual(
      [...routeList.filter((route) => !route.devOnly).map((route) => `${route.method} ${route.path}`), '$default'].sort(),
    );
    expect(ofType('AWS::ApiGatewayV2::Authorizer')).toEqual([]);
    for (const route of routeKeys)
      expect({ key: route.RouteKey, type: route.AuthorizationType ?? 'NONE' }).toEqual({ key: route.RouteKey, type: 'NONE' });
  });

  it('has no development route: nothing under /dev/ and no devOnly route of the table, which the local stage does serve', () => {
    const devOnly = routeList.filter((route) => route.devOnly).map((route) => `${route.method} ${route.path}`);
    expect(devOnly.length).toBeGreaterThan(0);
    const keys = routeKeys.map((route) => String(route.RouteKey));
    expect(keys.filter((key) => key.includes(' /dev/') || devOnly.includes(key))).toEqual([]);
    // Nowhere else either: no integration, permission or output names such a path.
    expect(JSON.stringify(template)).not.toMatch(/\/dev\/|wechatpay\/(orders|pay-links)\/\{\w+\}\/confirm/);
    // The local package (built once for tests/integration/prod-package.test.ts too) has exactly them.
    const local = JSON.parse(packageStage('local').template) as { Resources: Record<string, Resource> };
    const localKeys = Object.values(local.Resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => String(r.Properties.RouteKey));
    expect(localKeys.filter((key) => key.includes(' /dev/')).sort()).toEqual([...devOnly].sort());
    expect(localKeys.length).toBe(keys.length + devOnly.length);
  });

  it('opens only the webhooks and the sign-in to a request without a token, besides public reads', () => {
    // tests/integration/auth-matrix.test.ts sends every other route no token and gets 401.
    const publicChanges = routeList
      .filter((route) => route.access === 'public' && route.method !== 'GET')
      .map((route) => `${route.method} ${route.path}`);
    expect(publicChanges.sort()).toEqual([
      'POST /auth/login',
      'POST /webhooks/wechatpay',
      'POST /webhooks/wechatpay/pay-links',
      'POST /webhooks/wechatpay/refunds',
    ]);
  });
});
