/**
 * The notifier: sends published alerts to their subscribers (domain/notify/alert-notifier.ts).
 * Deployed: invoked asynchronously right after a publish (adapters/alert-queue.ts) and every minute
 * on a schedule, which picks up what an invoke missed or a run left unfinished; `npm start` runs it
 * every 5 s. Runs may overlap: the send records make a second run send nothing more.
 */
import { subscribeMessageSender } from '../adapters/subscribe-message-senders';
import { ensureReady, StartupRefusedError } from '../config/ready';
import { notifySettings } from '../config/notify';
import { dynamoFeedRepository } from '../data/feeds-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { dynamoAlertOutbox, dynamoSubscriptionRepository, dynamoVillageAreaTypes } from '../data/subscriptions-repository';
import { runAlertNotifications, type AlertReport, type NotifierDeps } from '../domain/notify/alert-notifier';
import { createLogger } from '../logging/logger';

/** Time left for sending in one run; the rest of the Lambda's 60 s covers the page in flight. */
const RUN_BUDGET_MS = 40_000;

export const notifierDeps = (): NotifierDeps => ({
  feeds: dynamoFeedRepository,
  users: dynamoUserRepository,
  subscriptions: dynamoSubscriptionRepository,
  villages: dynamoVillageAreaTypes,
  outbox: dynamoAlertOutbox,
  sender: subscribeMessageSender(),
  template: notifySettings().alertTemplate,
});

export function runNotifier(options: { budgetMs?: number } = {}): Promise<AlertReport[]> {
  return runAlertNotifications(notifierDeps(), { deadline: Date.now() + (options.budgetMs ?? RUN_BUDGET_MS) });
}

export const handler = async (): Promise<AlertReport[]> => {
  const log = createLogger({ function: 'notifier' });
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'notifier could not start', { error: error.message });
    throw error;
  });
  if (!notifySettings().alertTemplate) {
    log.warn('notifier: no alert template configured (WECHAT_ALERT_TEMPLATE_ID); alerts are not sent');
  }
  const reports = await runNotifier();
  for (const report of reports) log.info('alert notified', { ...report });
  return reports;
};
