/**
 * Configuration, read once per cold start and failing fast: a Lambda with a missing setting should
 * refuse its first request loudly, not half-work.
 */
import { MAX_TOKEN_TTL_SECONDS } from '../auth/tokens';

export interface Config {
  stage: string;
  tableName: string;
  /** Set locally (DynamoDB Local); absent in a deployed stage, where the SDK finds the regional endpoint. */
  dynamodbEndpoint?: string;
  region: string;
  /** Signs pagination cursors so a tampered one is a 400, not a read of someone else's page. */
  cursorSecret: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Signs session tokens (HS256). */
  tokenSecret: string;
  /** Session token lifetime; the contract caps it at 24 h (MAX_TOKEN_TTL_SECONDS), whatever TOKEN_TTL_SECONDS asks. */
  tokenTtlSeconds: number;
  wechat: { appId: string; appSecret: string; apiBase: string; timeoutMs: number };
  /** Logins per client address per minute (AU6). */
  loginRateLimitPerMinute: number;
  /** Where poster QR codes come from: a plain QR of the code (local) or WeChat's official code. */
  qrProvider: 'local' | 'wechat';
  /**
   * Which BillProvider adapter pays bills. Only the sandbox exists yet (no real provider is
   * reachable from here); a real one is one more adapter and one more value here.
   */
  billProvider: 'sandbox';
}

const LOCAL_STAGES = new Set(['local', 'test']);

let cached: Config | undefined;

export function isLocalStage(stage: string): boolean {
  return LOCAL_STAGES.has(stage);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env.STAGE ?? 'local';
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`Missing required setting ${name} for stage ${stage}`);
    return value;
  };
  const local = isLocalStage(stage);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  return {
    stage,
    tableName: required('TABLE_NAME'),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? 'cn-northwest-1',
    // Local stages may fall back to a fixed development secret; deployed stages must be given one.
    cursorSecret: local ? (env.CURSOR_SECRET ?? 'local-development-cursor-secret') : required('CURSOR_SECRET'),
    logLevel,
    tokenSecret: local ? (env.TOKEN_SECRET ?? 'local-development-token-secret') : required('TOKEN_SECRET'),
    tokenTtlSeconds: tokenTtlSetting(env.TOKEN_TTL_SECONDS),
    wechat: {
      appId: local ? (env.WECHAT_APP_ID ?? 'wx-local-app') : required('WECHAT_APP_ID'),
      appSecret: local ? (env.WECHAT_APP_SECRET ?? 'local-app-secret') : required('WECHAT_APP_SECRET'),
      apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
      timeoutMs: Number(env.WECHAT_TIMEOUT_MS ?? 3000),
    },
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 30),
    qrProvider: (env.QR_PROVIDER ?? (local ? 'local' : 'wechat')) === 'wechat' ? 'wechat' : 'local',
    billProvider: billProviderSetting(env.BILL_PROVIDER),
  };
}

function tokenTtlSetting(value: string | undefined): number {
  const seconds = Number(value ?? 12 * 3600);
  if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`TOKEN_TTL_SECONDS=${value} is not a positive number of seconds`);
  return Math.min(seconds, MAX_TOKEN_TTL_SECONDS);
}

function billProviderSetting(value: string | undefined): Config['billProvider'] {
  if (value === undefined || value === 'sandbox') return 'sandbox';
  throw new Error(`BILL_PROVIDER=${value} is not a bill provider this build has (sandbox)`);
}

export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** Tests that switch tables between files call this after changing the environment. */
export function resetConfigForTests(): void {
  cached = undefined;
}
