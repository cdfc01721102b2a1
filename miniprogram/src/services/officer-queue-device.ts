import Taro from '@tarojs/taro';
import { request } from './api-client';
import { deviceStorage } from './device-storage';
import { createOfficerQueue, type OfficerQueue } from './officer-queue';
import { newIdempotencyKey } from './payment-attempt';
import { currentUser } from './session';

/**
 * The device's officer queue (services/officer-queue.ts) for the signed-in officer: one per user, so a
 * colleague signing in on the same phone never replays someone else's actions under their own name.
 * Imported by the officer's pages only (never the main package).
 */
const queues = new Map<string, OfficerQueue>();

export function officerQueue(): OfficerQueue | null {
  const userId = currentUser()?.id;
  if (!userId) return null;
  let queue = queues.get(userId);
  if (!queue) {
    queue = createOfficerQueue({
      storage: deviceStorage,
      storageKey: `yinong.officer-queue.${userId}`,
      send: (action) => request(action.path, { method: action.method, body: action.body, headers: { 'Idempotency-Key': action.key } }),
    });
    queues.set(userId, queue);
  }
  return queue;
}

/** The key of a new queued action: made when the officer acts, kept until the server has answered for it. */
export const newActionKey = (kind: string) => newIdempotencyKey(kind.slice(0, 12));

let listening = false;

/** Replays when the network returns and when the app shows again (the retry button calls replay itself). */
export function replayWhenOnline(): void {
  if (listening) return;
  listening = true;
  const replay = () => void officerQueue()?.replay();
  Taro.onNetworkStatusChange((status) => {
    if (status.isConnected) replay();
  });
  Taro.onAppShow(replay);
  // H5: the browser says when it is back online (navigator.connection's change event is not everywhere).
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.addEventListener('online', replay);
}
