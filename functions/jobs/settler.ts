/**
 * The scheduled settler (serverless.yml: every minute in a deployed stage; `npm start` runs it every
 * 30 s). Payments younger than the provider timeout are left to the request still waiting for them.
 */
import { billProvider, billProviderModeNow } from '../adapters/bill-providers';
import { ensureReady, StartupRefusedError } from '../config/ready';
import { dynamoPaymentRepository } from '../data/payments-repository';
import { settlePendingPayments, type SettlerOptions, type SettlerReport } from '../domain/payments/settler';
import { createLogger } from '../logging/logger';

export const SETTLER_MIN_AGE_MS = 30_000;

export async function runSettler(options: Partial<SettlerOptions> = {}, log = createLogger({ function: 'settler' })): Promise<SettlerReport> {
  return settlePendingPayments(
    { payments: dynamoPaymentRepository, provider: billProvider(), log },
    { ...options, minAgeMs: options.minAgeMs ?? SETTLER_MIN_AGE_MS },
  );
}

export const handler = async (): Promise<SettlerReport | { skipped: string }> => {
  const log = createLogger({ function: 'settler' });
  // The same start-up checks as the HTTP functions: a refused deployment settles nothing.
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'settler could not start', { error: error.message });
    throw error;
  });
  if (billProviderModeNow() === 'none') {
    // Loud: any payment or void left in flight stays there until a provider is configured.
    log.error('settler skipped: no bill provider configured', { stage: process.env.STAGE });
    return { skipped: 'no bill provider configured' };
  }
  const report = await runSettler({}, log);
  log.info('settler run', { ...report });
  return report;
};
