/**
 * The officer's offline queue (issue 16): actions made without signal wait in device storage with
 * the Idempotency-Key made when the officer acted, and are replayed in order when the network
 * returns. The server answers a key it has seen with its first answer (the route table's `queueable`
 * routes), so a replay whose answer was lost, or a page reloaded with a request in flight, never
 * stores an action twice. Payments are never queued: they need a live answer.
 *
 *   act ──enqueue (stored before anything is sent)──> pending
 *   pending ──2xx──────────────────────> removed (done)
 *           ──no network, 5xx, 429, 409 in progress, 401──> stays; the replay stops (next time, same key)
 *           ──any other 4xx─────────────> conflicts (shown until the officer dismisses it)
 *
 * Free of Taro: storage and the sender are handed in, so the same code runs in the mini-program,
 * the integration test and bench/offline-replay.ts.
 */

/** WeChat gives a mini-program 10 MB of storage and 1 MB per key: the queue keeps to one key, far below. */
export const QUEUE_LIMITS = { actions: 500, bytes: 256 * 1024 } as const;

export type QueueKind = 'consultation' | 'informed' | 'priceReport' | 'signup' | 'checkin';

export interface QueuedAction {
  key: string;
  kind: QueueKind;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  /** When the officer acted (ISO). */
  at: string;
  /** A few words for the lists (the household, the channel). */
  label: string;
}

export interface QueueConflict {
  action: QueuedAction;
  status: number;
  code: string;
  message: string;
}

interface QueueState {
  actions: QueuedAction[];
  conflicts: QueueConflict[];
}

export interface QueueStorage {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
}

/** What a send fails with: the API client's ApiError has these (status 0: no network). */
export interface SendFailure {
  status: number;
  code: string;
  message: string;
}

export type SendAction = (action: QueuedAction) => Promise<unknown>;

export class QueueFullError extends Error {
  constructor() {
    super('The offline queue is full');
    this.name = 'QueueFullError';
  }
}

/** Failures that say "later", not "no": the action stays queued with its key. */
export function isRetryLater(failure: SendFailure): boolean {
  return (
    failure.status === 0 ||
    failure.status >= 500 ||
    failure.status === 408 ||
    failure.status === 429 ||
    failure.status === 401 ||
    failure.code === 'IDEMPOTENCY_IN_PROGRESS' ||
    failure.code === 'NETWORK_ERROR'
  );
}

const failureOf = (error: unknown): SendFailure => {
  const e = (error ?? {}) as Partial<SendFailure>;
  return {
    status: typeof e.status === 'number' ? e.status : 0,
    code: typeof e.code === 'string' ? e.code : 'NETWORK_ERROR',
    message: typeof e.message === 'string' ? e.message : String(error),
  };
};

/** UTF-8 bytes of the stored JSON (what counts against WeChat's limits). */
function bytesOf(state: QueueState): number {
  const text = JSON.stringify(state);
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 2 : 3;
  }
  return bytes;
}

export interface ReplayOutcome {
  /** Answers of the actions sent in this replay, by key. */
  answers: Record<string, unknown>;
  /** Why the replay stopped early (no network...), when it did. */
  stopped: SendFailure | null;
}

export function createOfficerQueue(deps: { storage: QueueStorage; storageKey: string; send: SendAction; now?: () => Date }) {
  const listeners = new Set<() => void>();
  let running: Promise<ReplayOutcome> | null = null;

  // Read on every step: another page (or a reload) may have changed what is stored.
  const read = (): QueueState => {
    const raw = deps.storage.getStorageSync(deps.storageKey) as Partial<QueueState> | '' | null;
    return raw && typeof raw === 'object'
      ? { actions: Array.isArray(raw.actions) ? raw.actions : [], conflicts: Array.isArray(raw.conflicts) ? raw.conflicts : [] }
      : { actions: [], conflicts: [] };
  };
  const write = (state: QueueState) => {
    deps.storage.setStorageSync(deps.storageKey, state);
    listeners.forEach((listener) => listener());
  };
  const fits = (state: QueueState) => state.actions.length <= QUEUE_LIMITS.actions && bytesOf(state) <= QUEUE_LIMITS.bytes;

  const enqueue = (draft: Omit<QueuedAction, 'at'>): QueuedAction => {
    const action: QueuedAction = { ...draft, at: (deps.now?.() ?? new Date()).toISOString() };
    const state = read();
    const next = { ...state, actions: [...state.actions, action] };
    if (!fits(next)) throw new QueueFullError();
    write(next);
    return action;
  };

  /** Sends the pending actions in order, one at a time, until done or told to wait. */
  const replayNow = async (): Promise<ReplayOutcome> => {
    const answers: Record<string, unknown> = {};
    for (;;) {
      const head = read().actions[0];
      if (!head) return { answers, stopped: null };
      let failure: SendFailure | null = null;
      try {
        answers[head.key] = await deps.send(head);
      } catch (error) {
        failure = failureOf(error);
        if (isRetryLater(failure)) return { answers, stopped: failure };
      }
      const state = read();
      write({
        actions: state.actions.filter((a) => a.key !== head.key),
        conflicts: failure ? [...state.conflicts, { action: head, ...failure }] : state.conflicts,
      });
    }
  };

  return {
    enqueue,
    /** One replay at a time: a network change, the app showing and the retry button share it. */
    replay(): Promise<ReplayOutcome> {
      running ??= replayNow().finally(() => {
        running = null;
      });
      return running;
    },
    pending: () => read().actions,
    conflicts: () => read().conflicts,
    /** Full: the next action of about this size would not fit. */
    isFull: () => {
      const state = read();
      return state.actions.length >= QUEUE_LIMITS.actions || bytesOf(state) > QUEUE_LIMITS.bytes * 0.95;
    },
    dismissConflict(key: string) {
      const state = read();
      write({ ...state, conflicts: state.conflicts.filter((c) => c.action.key !== key) });
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type OfficerQueue = ReturnType<typeof createOfficerQueue>;
