/**
 * After a published alert's outbox entry was written with the publish (the durable part: the
 * notifier's schedule, or `npm start`'s loop, drains it), a deployed stage invokes the notifier
 * asynchronously so messages leave within seconds. Never throws: a failed invoke is logged and the
 * schedule sends the alert within a minute.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { notifySettings } from '../config/notify';
import { settings } from '../config';
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
  async wake(feedId) {
    const log = createLogger({ function: 'alert-queue', feedId });
    const notifier = notifySettings().notifierFunction;
    if (!notifier) return;
    await invokeAsync(notifier, { feedId }).catch((error: Error) =>
      log.warn('notifier not invoked; its schedule sends the alert within a minute', { error: error.message }),
    );
  },
};
