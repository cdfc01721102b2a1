/**
 * Once per cold start, before the first request: settings, then (deployed stages) the secrets from
 * SSM, then the deployment checks. A function that fails them refuses every request with a generic
 * 500 and logs why; an unreachable SSM is a 503 and is asked again on the next request.
 */
import { AppError } from '../domain/errors';
import { createLogger, type Logger } from '../logging/logger';
import { deploymentProblems } from './deployment-checks';
import { billProviderMode, config, ConfigError, isLocalStage, onConfigReset, settings, useLoadedSecrets, type Config, type Settings } from './index';
import { createSecretsCache, SecretsUnavailableError, ssmSecretSource, type SecretSource } from './secrets';

export class StartupRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Refusing to serve: ${problems.join('; ')}`);
    this.name = 'StartupRefusedError';
  }
}

let secretsCache: ReturnType<typeof createSecretsCache> | undefined;
let injectedSource: SecretSource | undefined;
let announced = false;

onConfigReset(() => {
  secretsCache = undefined;
  announced = false;
});

export async function ensureReady(log: Logger = createLogger()): Promise<Config> {
  const s = readSettingsOrRefuse();
  const devLoginCompiled = process.env.YINONG_DEV_LOGIN === 'enabled';
  const problems = deploymentProblems({ settings: s, env: process.env, devLoginCompiled });
  if (problems.length) throw new StartupRefusedError(problems);
  if (!isLocalStage(s.stage)) {
    secretsCache ??= createSecretsCache({
      source: injectedSource ?? ssmSecretSource(s.region),
      parameter: s.secretsParameter!,
      ttlMs: s.secretsTtlSeconds * 1000,
      onStale: (error) => log.error('secrets refresh failed: using the previous value', { error: error.message }),
    });
    const secrets = await readSecrets(secretsCache, log);
    const secretProblems = deploymentProblems({ settings: s, secrets, env: process.env, devLoginCompiled });
    if (secretProblems.length) throw new StartupRefusedError(secretProblems);
    useLoadedSecrets(secrets);
  }
  if (!announced) {
    announced = true;
    announceBillProvider(s, log);
  }
  return config();
}

function readSettingsOrRefuse(): Settings {
  try {
    return settings();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupRefusedError([error.message]);
    throw error;
  }
}

async function readSecrets(cache: NonNullable<typeof secretsCache>, log: Logger) {
  try {
    return await cache.get();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupRefusedError([error.message]);
    if (error instanceof SecretsUnavailableError) {
      log.error('secrets unavailable', { parameter: error.parameter, error: error.message });
      throw new AppError('DEPENDENCY_UNAVAILABLE', 'A service we depend on is unavailable; retry shortly', undefined, 2);
    }
    throw error;
  }
}

/** The start-up line an operator needs: payments refused, or payments that pay nobody. */
function announceBillProvider(s: Settings, log: Logger) {
  const mode = billProviderMode(s);
  if (mode === 'none') {
    log.error('no bill provider configured: payment routes answer 503 PROVIDER_NOT_CONFIGURED', {
      stage: s.stage,
      billProvider: s.billProvider,
      reason: s.billProvider === 'sandbox' ? 'the sandbox bill provider is refused in prod' : 'BILL_PROVIDER=none',
    });
  } else if (mode === 'sandbox' && !isLocalStage(s.stage)) {
    log.warn('sandbox bill provider: payments in this stage are not real (every receipt says so)', { stage: s.stage });
  }
}

/** Tests stand in for SSM (no AWS endpoint is reachable here); undefined restores the real adapter. */
export function useSecretSourceForTests(source: SecretSource | undefined): void {
  injectedSource = source;
  secretsCache = undefined;
}
