import { ApiError } from './api-error';
import type { OfficerQueue, QueuedAction } from './officer-queue';

export type QueuedOutcome = { kind: 'done'; answer: unknown } | { kind: 'queued' } | { kind: 'refused'; error: ApiError };

/**
 * Queues one officer action (stored first, with its key) and replays the queue at once: the action is
 * done when the server answered it, queued when the network is away, refused when the server said no
 * (then it is also in the queue's conflicts until the officer dismisses it). Throws QueueFullError.
 */
export async function sendQueued(queue: OfficerQueue, draft: Omit<QueuedAction, 'at'>): Promise<QueuedOutcome> {
  const action = queue.enqueue(draft);
  let outcome = await queue.replay();
  // A replay already running may have read the queue before this action was stored: one more round.
  if (!(action.key in outcome.answers) && !outcome.stopped && queue.pending().some((a) => a.key === action.key)) outcome = await queue.replay();
  if (action.key in outcome.answers) return { kind: 'done', answer: outcome.answers[action.key] };
  const conflict = queue.conflicts().find((c) => c.action.key === action.key);
  if (conflict) return { kind: 'refused', error: new ApiError({ status: conflict.status, code: conflict.code, message: conflict.message }) };
  return { kind: 'queued' };
}
