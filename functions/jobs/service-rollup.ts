/**
 * Rolls the service ledger up into region day counters (functions/data/service-rollup.ts), each entry
 * exactly once: every minute in a deployed stage, every 10 s under `npm start`. Overlapping runs are
 * safe: an entry is applied by the one transaction that removes it from the work list.
 */
import { ensureReady, StartupRefusedError } from '../config/ready';
import { runServiceRollup } from '../data/service-rollup';
import { createLogger } from '../logging/logger';

export { runServiceRollup };

export const handler = async (): Promise<{ applied: number; freshAt: string | null }> => {
  const log = createLogger({ function: 'serviceRollup' });
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'service roll-up could not start', { error: error.message });
    throw error;
  });
  const report = await runServiceRollup();
  log.info('services rolled up', report);
  return report;
};
