/**
 * Deployed stages read their secrets at run time from one SSM Parameter Store SecureString
 * (`/yinong/<stage>/secrets`, a JSON object), named to the function by SECRETS_PARAMETER; the
 * function's role may read that one parameter and nothing else. The value is kept for a TTL, so a
 * cold start costs one call and a rotated secret reaches warm functions within the TTL.
 *
 *   first request ──get──> SSM ──ok──> cached until TTL ──get again──> SSM ──fails, or a bad value──>
 *                          └─fails──> 503 (retry shortly), nothing cached      keep the old value a minute (logged)
 */
// Types only: the SDK itself is loaded when a deployed stage first reads its secrets.
import type { SSMClient } from '@aws-sdk/client-ssm';
import { ConfigError, type Secrets } from './index';

/** Reads one secret string; the SSM adapter in production, a stub in tests. */
export interface SecretSource {
  read(name: string): Promise<string>;
}

/** Secrets Manager/SSM could not be reached: a 503 for the caller, never the reason in the body. */
export class SecretsUnavailableError extends Error {
  constructor(
    readonly parameter: string,
    cause: unknown,
  ) {
    super(`Could not read the secrets parameter ${parameter}: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    this.name = 'SecretsUnavailableError';
  }
}

const KEYS: Array<keyof Secrets> = ['tokenSecret', 'cursorSecret', 'wechatAppId', 'wechatAppSecret'];

/** The parameter's JSON, checked: every key present and a non-empty string. Names the keys, never the values. */
export function parseSecrets(raw: string, parameter: string): Secrets {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`The secrets parameter ${parameter} is not a JSON object`);
  }
  const object = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const missing = KEYS.filter((key) => typeof object[key] !== 'string' || (object[key] as string).length === 0);
  if (missing.length) throw new ConfigError(`The secrets parameter ${parameter} lacks ${missing.join(', ')}`);
  return {
    tokenSecret: object.tokenSecret,
    cursorSecret: object.cursorSecret,
    wechatAppId: object.wechatAppId,
    wechatAppSecret: object.wechatAppSecret,
  } as Secrets;
}

/** After a failed refresh, the previous value is used this long before SSM is asked again. */
const STALE_RETRY_MS = 60_000;

export function createSecretsCache(options: {
  source: SecretSource;
  parameter: string;
  ttlMs: number;
  now?: () => number;
  /** A refresh failed while a good value is cached (logged at error level by config/ready.ts). */
  onStale?: (error: Error) => void;
}) {
  const now = options.now ?? Date.now;
  let value: Secrets | undefined;
  let freshUntil = 0;
  let inFlight: Promise<Secrets> | undefined;

  async function fetchSecrets(): Promise<Secrets> {
    let raw: string;
    try {
      raw = await options.source.read(options.parameter);
    } catch (error) {
      throw new SecretsUnavailableError(options.parameter, error);
    }
    return parseSecrets(raw, options.parameter);
  }

  return {
    async get(): Promise<Secrets> {
      if (value && now() < freshUntil) return value;
      // Concurrent requests of one container share one call.
      inFlight ??= fetchSecrets()
        .then((fresh) => {
          value = fresh;
          freshUntil = now() + options.ttlMs;
          return fresh;
        })
        .catch((error: Error) => {
          // A rotation gone wrong (unreachable, or a malformed value) must not take down a container
          // that holds a good value: keep serving with it, loudly.
          if (!value) throw error;
          options.onStale?.(error);
          freshUntil = now() + STALE_RETRY_MS;
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
}

/** The production source: SSM GetParameter with decryption; the SDK is the one the Lambda runtime ships. */
export function ssmSecretSource(region: string): SecretSource {
  let client: SSMClient | undefined;
  return {
    async read(name) {
      const { SSMClient, GetParameterCommand } = await import('@aws-sdk/client-ssm');
      client ??= new SSMClient({ region, maxAttempts: 3, requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 } });
      const answer = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      const value = answer.Parameter?.Value;
      if (!value) throw new Error(`The parameter ${name} has no value`);
      return value;
    },
  };
}
