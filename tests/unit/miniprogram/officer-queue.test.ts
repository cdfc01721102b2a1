/**
 * The officer's offline queue (services/officer-queue.ts) over an in-memory device storage: order,
 * keys kept across a "reload" (a new queue on the same storage), what stays and what becomes a
 * conflict, the cap, one replay at a time. Against the real server: tests/integration/offline-replay.test.ts.
 */
import {
  createOfficerQueue,
  QUEUE_LIMITS,
  QueueFullError,
  type QueuedAction,
  type SendAction,
} from '../../../miniprogram/src/services/officer-queue';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return {
    getStorageSync: (key: string): unknown => (map.has(key) ? JSON.parse(map.get(key)!) : ''),
    setStorageSync: (key: string, value: unknown) => void map.set(key, JSON.stringify(value)),
  };
};
const draft = (n: number) => ({
  key: `k-${n}`,
  kind: 'consultation' as const,
  method: 'POST' as const,
  path: '/stations/s/consultations',
  body: { channel: 'phone' },
  label: '',
});
const offline = { status: 0, code: 'NETWORK_ERROR', message: 'offline' };

describe('officer offline queue', () => {
  it('replays in order once each; a network failure stops it and the next replay (after a reload) resends the same key', async () => {
    const storage = memoryStorage();
    const sent: string[] = [];
    let online = false;
    const send: SendAction = async (a: QueuedAction) => {
      sent.push(a.key);
      if (!online) throw offline;
      return { ok: a.key };
    };
    const queue = createOfficerQueue({ storage, storageKey: 'q', send });
    for (let n = 1; n <= 3; n++) queue.enqueue(draft(n));
    expect((await queue.replay()).stopped?.code).toBe('NETWORK_ERROR');
    expect(queue.pending().map((a) => a.key)).toEqual(['k-1', 'k-2', 'k-3']);
    online = true;
    const reloaded = createOfficerQueue({ storage, storageKey: 'q', send });
    const outcome = await reloaded.replay();
    expect(Object.keys(outcome.answers)).toEqual(['k-1', 'k-2', 'k-3']);
    expect(sent).toEqual(['k-1', 'k-1', 'k-2', 'k-3']);
    expect(reloaded.pending()).toEqual([]);
  });

  it('a 4xx refusal becomes a conflict kept until dismissed; the replay goes on; 409 in progress and 5xx stay queued', async () => {
    const answers: Record<string, unknown> = {
      'k-1': { status: 404, code: 'NOT_FOUND', message: 'gone' },
      'k-2': { status: 409, code: 'IDEMPOTENCY_IN_PROGRESS', message: 'wait' },
    };
    const queue = createOfficerQueue({
      storage: memoryStorage(),
      storageKey: 'q',
      send: async (a) => {
        if (answers[a.key]) throw answers[a.key];
        return {};
      },
    });
    for (let n = 1; n <= 3; n++) queue.enqueue(draft(n));
    const outcome = await queue.replay();
    expect(outcome.stopped?.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(queue.conflicts().map((c) => [c.action.key, c.code])).toEqual([['k-1', 'NOT_FOUND']]);
    expect(queue.pending().map((a) => a.key)).toEqual(['k-2', 'k-3']);
    queue.dismissConflict('k-1');
    expect(queue.conflicts()).toEqual([]);
  });

  it('is capped (says full, refuses more) far below WeChat’s 10 MB', () => {
    const queue = createOfficerQueue({ storage: memoryStorage(), storageKey: 'q', send: async () => ({}) });
    for (let n = 0; n < QUEUE_LIMITS.actions; n++) queue.enqueue(draft(n));
    expect(queue.isFull()).toBe(true);
    expect(() => queue.enqueue(draft(-1))).toThrow(QueueFullError);
    expect(queue.pending()).toHaveLength(QUEUE_LIMITS.actions);
    expect(QUEUE_LIMITS.bytes).toBeLessThan(1024 * 1024);
  });

  it('runs one replay at a time: triggers arriving together send each action once', async () => {
    const sent: string[] = [];
    const queue = createOfficerQueue({
      storage: memoryStorage(),
      storageKey: 'q',
      send: async (a) => {
        sent.push(a.key);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return {};
      },
    });
    for (let n = 1; n <= 5; n++) queue.enqueue(draft(n));
    await Promise.all([queue.replay(), queue.replay(), queue.replay()]);
    expect(sent).toEqual(['k-1', 'k-2', 'k-3', 'k-4', 'k-5']);
  });
});
