/**
 * The scheduled settler (serverless.yml: every minute in a deployed stage; `npm start` runs it every
 * 30 s). Payments younger than the provider timeout are left to the request still waiting for them.
 */
import { billProvider } from '../adapters/bill-providers';
import { dynamoPaymentRepository } from '../data/payments-repository';
import { settlePendingPayments, type SettlerReport } from '../domain/payments/settler';
import { createLogger } from '../logging/logger';

export const SETTLER_MIN_AGE_MS = 30_000;

export async function runSettler(options: { minAgeMs?: number } = {}): Promise<SettlerReport> {
  return settlePendingPayments(
    { payments: dynamoPaymentRepository, provider: billProvider() },
    { minAgeMs: options.minAgeMs ?? SETTLER_MIN_AGE_MS },
  );
}

export const handler = async (): Promise<SettlerReport> => {
  const log = createLogger({ function: 'settler' });
  const report = await runSettler();
  log.info('settler run', { ...report });
  return report;
};
