/**
 * The scheduled settler (serverless.yml: every minute in a deployed stage; `npm start` runs it every
 * 30 s). Payments younger than the provider timeout are left to the request still waiting for them.
 */
import { billProvider } from '../adapters/bill-providers';
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

export const handler = async (): Promise<SettlerReport> => {
  const log = createLogger({ function: 'settler' });
  const report = await runSettler({}, log);
  log.info('settler run', { ...report });
  return report;
};
