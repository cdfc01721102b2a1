/**
 * How a published alert reaches the notifier, after the publish's own write: an outbox entry (the
 * durable part: the notifier's schedule, or `npm start`'s loop, drains it), then in a deployed stage
 * an asynchronous invoke of the notifier so messages leave within seconds. Never throws: the item is
 * published whatever happens here; a failure is logged (and a failed invoke waits for the schedule).
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { notifySettings } from '../config/notify';
import { settings } from '../config';
import { dynamoAlertOutbox } from '../data/subscriptions-repository';
import type { AlertQueue } from '../domain/notify/alert-notifier';
import { createLogger } from '../logging/logger';

let lambda: LambdaClient | undefined;

async function invokeAsync(functionName: string, payload: unknown): Promise<void> {
  // Loaded only when a deployed stage first invokes (the Lambda runtime ships the SDK).
  const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
  lambda ??= new LambdaClient({ region: settings().region, maxAttempts: 2 });
  await lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(payload)) }));
}

export const alertQueue: AlertQueue = {
  async enqueue(feedId, at) {
    const log = createLogger({ function: 'alert-queue', feedId });
    try {
      await dynamoAlertOutbox.enqueue(feedId, at);
    } catch (error) {
      log.error('published alert not queued for subscribe messages', { error: (error as Error).message });
      return;
    }
    const notifier = notifySettings().notifierFunction;
    if (!notifier) return;
    await invokeAsync(notifier, { feedId }).catch((error: Error) =>
      log.warn('notifier not invoked; its schedule sends the alert within a minute', { error: error.message }),
    );
  },
};
