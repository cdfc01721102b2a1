/**
 * Releases unpaid orders past their 15-minute hold (domain/market/orders.ts releaseDueHolds): every
 * minute in a deployed stage, every 30 s under `npm start`. Each provider order is closed first (one
 * paid meanwhile is marked paid instead). Each read of an order makes the same check; the status
 * condition lets exactly one of them return the stock.
 */
import { buyerAccount } from '../adapters/buyer-account';
import { stagePaymentDeps } from '../adapters/wechat-pay-providers';
import { ensureReady, StartupRefusedError } from '../config/ready';
import { dynamoOrderRepository } from '../data/orders-repository';
import { releaseDueHolds } from '../domain/market/orders';
import { createLogger, type Logger } from '../logging/logger';

/** The orders domain's deps for a job: the table and the stage's payment provider (alerts logged). */
export function jobOrderDeps(log: Pick<Logger, 'error'>, now?: () => Date) {
  const orders = dynamoOrderRepository;
  return { orders, now, payment: () => stagePaymentDeps({ orders, ...buyerAccount, alert: (message, details) => log.error(message, details) }) };
}

export async function runOrderReleaser(
  now?: () => Date,
  log: Pick<Logger, 'error'> = createLogger({ function: 'orderReleaser' }),
): Promise<{ due: number; released: number }> {
  return releaseDueHolds(jobOrderDeps(log, now));
}

export const handler = async (): Promise<{ due: number; released: number }> => {
  const log = createLogger({ function: 'orderReleaser' });
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'order releaser could not start', { error: error.message });
    throw error;
  });
  const report = await runOrderReleaser(undefined, log);
  log.info('order holds released', report);
  return report;
};
