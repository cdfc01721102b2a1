/**
 * The scheduled settler (serverless.yml: every minute in a deployed stage; `npm start` runs it every
 * 30 s). Payments younger than the provider timeout are left to the request still waiting for them.
 */
import { billProvider, billProviderModeNow } from '../adapters/bill-providers';
import { ensureReady, StartupRefusedError } from '../config/ready';
import { dynamoPaymentRepository } from '../data/payments-repository';
import { settlePendingPayments, type SettlerOptions, type SettlerReport } from '../domain/payments/settler';
import { createLogger } from '../logging/logger';
import { payLinkWechat } from '../adapters/wechat-pay-providers';
import { dynamoPayRequestRepository } from '../data/pay-requests-repository';
import { settlePayRequests, type PayLinkSettlerReport } from '../domain/payments/pay-link';

export const SETTLER_MIN_AGE_MS = 30_000;

export async function runSettler(options: Partial<SettlerOptions> = {}, log = createLogger({ function: 'settler' })): Promise<SettlerReport> {
  return settlePendingPayments(
    { payments: dynamoPaymentRepository, provider: billProvider(), log },
    { ...options, minAgeMs: options.minAgeMs ?? SETTLER_MIN_AGE_MS },
  );
}

/**
 * Pay links left behind: a missed WeChat Pay notification (asked of WeChat Pay), a bill not paid after
 * the money came in (asked of the bill provider, same id), a link past its 24 hours (closed, then expired).
 * Without a WeChat Pay provider it still settles FUNDED requests and expires the rest.
 */
export async function runPayLinkSettler(
  options: { minAgeMs?: number } = {},
  log = createLogger({ function: 'settler' }),
): Promise<PayLinkSettlerReport> {
  const wechat = await payLinkWechat()
    .then((pay) => pay.wechat)
    .catch(() => null);
  return settlePayRequests(
    { requests: dynamoPayRequestRepository, provider: billProvider(), wechat, alert: (message, details) => log.error(message, details) },
    { minAgeMs: options.minAgeMs ?? SETTLER_MIN_AGE_MS },
  );
}

export const handler = async (): Promise<(SettlerReport & { payLinks: PayLinkSettlerReport }) | { skipped: string }> => {
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
  const payLinks = await runPayLinkSettler({}, log);
  log.info('settler run', { ...report, payLinks });
  return { ...report, payLinks };
};
