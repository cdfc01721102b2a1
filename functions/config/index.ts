/**
 * Configuration, in two parts:
 *   settings: plain values from the function's environment, read once per cold start;
 *   secrets:  in local stages plain environment values (with development defaults); in deployed
 *             stages read at run time from SSM Parameter Store (config/secrets.ts), never from the
 *             environment, so no secret sits in the function's configuration.
 * `ensureReady()` (config/ready.ts) loads both and refuses to serve a deployment that is not safe;
 * the HTTP pipeline and the settler await it before anything else, after which `config()` is sync.
 */
import { MAX_TOKEN_TTL_SECONDS } from '../auth/tokens';

export interface Settings {
  stage: string;
  tableName: string;
  /** Set locally (DynamoDB Local); absent in a deployed stage, where the SDK finds the regional endpoint. */
  dynamodbEndpoint?: string;
  region: string;
  /**
   * Object storage for feed images. Deployed: the stage's bucket, regional endpoint, readers get
   * presigned GETs. Local stages: s3rver at `s3Endpoint`, and `s3PublicUrl` is where a browser
   * reaches it (the H5 web server's /s3 proxy), so URLs handed out point there.
   */
  uploads: { bucket: string; s3Endpoint?: string; s3PublicUrl?: string };
  logLevel: LogLevel;
  /** Session token lifetime; the contract caps it at 24 h (MAX_TOKEN_TTL_SECONDS), whatever TOKEN_TTL_SECONDS asks. */
  tokenTtlSeconds: number;
  wechat: { apiBase: string; timeoutMs: number };
  /** Logins per client address per minute (AU6). */
  loginRateLimitPerMinute: number;
  /** Where poster QR codes come from: a plain QR of the code (local) or WeChat's official code. */
  qrProvider: 'local' | 'wechat';
  /**
   * Which BillProvider adapter pays bills, as the stage names it (BILL_PROVIDER, required in a
   * deployed stage). Only the sandbox exists yet; `none` says so explicitly: payment routes answer
   * 503 PROVIDER_NOT_CONFIGURED. `prod` refuses the sandbox (see billProviderMode).
   */
  billProvider: BillProviderSetting;
  /** Deployed stages: the SecureString parameter holding the secrets (a JSON object). */
  secretsParameter?: string;
  /** How long fetched secrets are kept before being read again (a rotation reaches warm functions). */
  secretsTtlSeconds: number;
}

export interface Secrets {
  /** Signs session tokens (HS256). */
  tokenSecret: string;
  /** Signs pagination cursors so a tampered one is a 400, not a read of someone else's page. */
  cursorSecret: string;
  wechatAppId: string;
  wechatAppSecret: string;
}

export interface Config extends Omit<Settings, 'wechat'> {
  cursorSecret: string;
  tokenSecret: string;
  wechat: { appId: string; appSecret: string; apiBase: string; timeoutMs: number };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type BillProviderSetting = 'sandbox' | 'none';

export const LOCAL_STAGES: readonly string[] = ['local', 'test'];
/** The stages this service is deployed as. Any other stage name refuses to serve. */
export const DEPLOYED_STAGES: readonly string[] = ['staging', 'prod'];

/** The development values local stages fall back to; a deployed stage holding one of them refuses to serve. */
export const LOCAL_SECRET_DEFAULTS: Secrets = {
  tokenSecret: 'local-development-token-secret',
  cursorSecret: 'local-development-cursor-secret',
  wechatAppId: 'wx-local-app',
  wechatAppSecret: 'local-app-secret',
};

/** The environment variables that carry secrets in local stages only. */
export const SECRET_ENV: Record<keyof Secrets, string> = {
  tokenSecret: 'TOKEN_SECRET',
  cursorSecret: 'CURSOR_SECRET',
  wechatAppId: 'WECHAT_APP_ID',
  wechatAppSecret: 'WECHAT_APP_SECRET',
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function isLocalStage(stage: string): boolean {
  return LOCAL_STAGES.includes(stage);
}

export function isDeployedStage(stage: string): boolean {
  return DEPLOYED_STAGES.includes(stage);
}

/** Plain settings from the environment. No STAGE is no stage: never silently the local one. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const stage = env.STAGE;
  if (!stage) throw new ConfigError('STAGE is not set: a function must know its stage (deploy with --stage <name>)');
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(`Missing required setting ${name} for stage ${stage}`);
    return value;
  };
  const local = isLocalStage(stage);
  return {
    stage,
    tableName: required('TABLE_NAME'),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? 'cn-northwest-1',
    uploads: {
      bucket: env.UPLOADS_BUCKET || `yinong-${stage}-uploads`,
      s3Endpoint: env.S3_ENDPOINT || undefined,
      s3PublicUrl: env.S3_PUBLIC_URL || env.S3_ENDPOINT || undefined,
    },
    logLevel: logLevel(env),
    tokenTtlSeconds: tokenTtlSetting(env.TOKEN_TTL_SECONDS),
    wechat: {
      apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
      timeoutMs: Number(env.WECHAT_TIMEOUT_MS ?? 3000),
    },
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 30),
    qrProvider: (env.QR_PROVIDER ?? (local ? 'local' : 'wechat')) === 'wechat' ? 'wechat' : 'local',
    // Local stages pay with the sandbox unless told otherwise; a deployed stage must say which provider.
    billProvider: billProviderSetting(local ? (env.BILL_PROVIDER ?? 'sandbox') : required('BILL_PROVIDER')),
    secretsParameter: env.SECRETS_PARAMETER || undefined,
    secretsTtlSeconds: Number(env.SECRETS_TTL_SECONDS ?? 15 * 60),
  };
}

function tokenTtlSetting(value: string | undefined): number {
  const seconds = Number(value ?? 12 * 3600);
  if (!Number.isInteger(seconds) || seconds <= 0) throw new ConfigError(`TOKEN_TTL_SECONDS=${value} is not a positive number of seconds`);
  return Math.min(seconds, MAX_TOKEN_TTL_SECONDS);
}

function billProviderSetting(value: string): BillProviderSetting {
  if (value === 'sandbox' || value === 'none') return value;
  throw new ConfigError(`BILL_PROVIDER=${value} is not a bill provider this build has (sandbox, none)`);
}

/**
 * The provider payments actually use: `prod` never pays with the sandbox (cash taken, receipts
 * printed, nothing paid), so there a sandbox setting means no provider at all.
 */
export function billProviderMode(s: Pick<Settings, 'stage' | 'billProvider'>): BillProviderSetting {
  return s.stage === 'prod' && s.billProvider === 'sandbox' ? 'none' : s.billProvider;
}

/** Local stages: the environment's values, or the development defaults. */
export function localSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  const read = (key: keyof Secrets) => env[SECRET_ENV[key]] || LOCAL_SECRET_DEFAULTS[key];
  return {
    tokenSecret: read('tokenSecret'),
    cursorSecret: read('cursorSecret'),
    wechatAppId: read('wechatAppId'),
    wechatAppSecret: read('wechatAppSecret'),
  };
}

/** The log threshold; never throws, so a function can log why it refuses to start. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const value = env.LOG_LEVEL;
  return value === 'debug' || value === 'warn' || value === 'error' || value === 'silent' ? value : 'info';
}

let cachedSettings: Settings | undefined;
let loadedSecrets: Secrets | undefined;
const resetHooks: Array<() => void> = [];

/** Caches built on the configuration (the secrets cache, readiness) forget it with it. */
export function onConfigReset(hook: () => void): void {
  resetHooks.push(hook);
}

export function settings(): Settings {
  cachedSettings ??= readSettings();
  return cachedSettings;
}

/** Called by config/ready.ts once the deployed stage's secrets have been read (and again on refresh). */
export function useLoadedSecrets(secrets: Secrets | undefined): void {
  loadedSecrets = secrets;
}

/**
 * Settings and secrets together. Local stages need no preparation; a deployed stage must have
 * awaited `ensureReady()` first (the pipeline does), otherwise this throws rather than run without secrets.
 */
export function config(): Config {
  const s = settings();
  const secrets = isLocalStage(s.stage) ? localSecrets() : loadedSecrets;
  if (!secrets) throw new ConfigError(`The secrets of stage ${s.stage} are not loaded: await ensureReady() first`);
  return {
    ...s,
    tokenSecret: secrets.tokenSecret,
    cursorSecret: secrets.cursorSecret,
    wechat: { ...s.wechat, appId: secrets.wechatAppId, appSecret: secrets.wechatAppSecret },
  };
}

/** Tests that switch tables or stages call this after changing the environment. */
export function resetConfigForTests(): void {
  cachedSettings = undefined;
  loadedSecrets = undefined;
  for (const hook of resetHooks) hook();
}
