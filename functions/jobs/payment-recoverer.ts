/**
 * Recovers missed WeChat Pay notifications (domain/market/orders.ts recoverMissedPayments): every
 * pending order older than a minute is queried at the provider by out_trade_no; one paid there is
 * marked paid by the notification's own transaction (a notification arriving at the same moment pays
 * it once). Every minute in a deployed stage, every 30 s under `npm start`. Opening an order
 * (GET /orders/{id}) makes the same query.
 */
import { ensureReady, StartupRefusedError } from '../config/ready';
import { recoverMissedPayments } from '../domain/market/orders';
import { createLogger, type Logger } from '../logging/logger';
import { jobOrderDeps } from './order-releaser';

export async function runPaymentRecoverer(now?: () => Date, log: Pick<Logger, 'error'> = createLogger({ function: 'paymentRecoverer' })) {
  return recoverMissedPayments(jobOrderDeps(log, now));
}

export const handler = async (): Promise<{ checked: number; recovered: number }> => {
  const log = createLogger({ function: 'paymentRecoverer' });
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'payment recoverer could not start', { error: error.message });
    throw error;
  });
  const report = await runPaymentRecoverer(undefined, log);
  log.info('missed payments recovered', report);
  return report;
};
