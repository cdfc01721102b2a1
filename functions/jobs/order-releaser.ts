/**
 * Releases unpaid orders past their 15-minute hold (domain/market/orders.ts releaseDueHolds): every
 * minute in a deployed stage, every 30 s under `npm start`. Each read of an order makes the same
 * check; the status condition lets exactly one of them return the stock.
 */
import { ensureReady, StartupRefusedError } from '../config/ready';
import { dynamoOrderRepository } from '../data/orders-repository';
import { releaseDueHolds } from '../domain/market/orders';
import { createLogger } from '../logging/logger';

export async function runOrderReleaser(now?: () => Date): Promise<{ due: number; released: number }> {
  return releaseDueHolds({ orders: dynamoOrderRepository, now });
}

export const handler = async (): Promise<{ due: number; released: number }> => {
  const log = createLogger({ function: 'orderReleaser' });
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'order releaser could not start', { error: error.message });
    throw error;
  });
  const report = await runOrderReleaser();
  log.info('order holds released', report);
  return report;
};
