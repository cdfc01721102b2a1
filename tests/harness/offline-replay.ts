/**
 * The officer's offline queue (miniprogram/src/services/officer-queue.ts, the code the phone runs)
 * replayed against a real server, with interruptions, for tests/integration/offline-replay.test.ts
 * (in-process handlers) and bench/offline-replay.ts (the HTTP stack). The queue lives in a storage
 * that outlives each "page": an interruption ends the page and a new queue on the same storage resumes.
 *
 *   answer-lost       the request reaches the server, its answer never reaches the phone
 *   in-flight-reload  the page reloads with the request still in flight: the new page resends the
 *                     same key while the first request may still be running (409 in progress, or the stored answer)
 *   not-sent          the network drops before the request leaves the phone
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createOfficerQueue, type QueuedAction } from '../../miniprogram/src/services/officer-queue';

export type Interruption = 'answer-lost' | 'in-flight-reload' | 'not-sent';
export type Transport = (action: QueuedAction) => Promise<{ status: number; json: any }>;

/** Queued actions of an officer offline: consultations, and "informed" marks on an alert for households. */
export function offlineActions(input: {
  stationId: string;
  feedId: string;
  householdIds: string[];
  consultations: number;
}): Omit<QueuedAction, 'at'>[] {
  const channels = ['phone', 'wechat', 'in_person'] as const;
  const consultations = Array.from({ length: input.consultations }, (_, n) => ({
    key: `consultation-${n}-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'consultation' as const,
    method: 'POST' as const,
    path: `/stations/${input.stationId}/consultations`,
    body: { channel: channels[n % 3] },
    label: '',
  }));
  const marks = input.householdIds.map((householdId, n) => ({
    key: `informed-${n}-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'informed' as const,
    method: 'POST' as const,
    path: `/stations/${input.stationId}/feeds/${input.feedId}/informed`,
    body: { householdId, how: n % 2 ? 'phone' : 'in_person' },
    label: '',
  }));
  // Interleaved, as an officer's day goes.
  const all: Omit<QueuedAction, 'at'>[] = [];
  for (let i = 0; i < Math.max(consultations.length, marks.length); i++) {
    if (consultations[i]) all.push(consultations[i]);
    if (marks[i]) all.push(marks[i]);
  }
  return all;
}

const failureOf = (res: { status: number; json: any }) => ({
  status: res.status,
  code: String(res.json?.error?.code ?? 'UNKNOWN'),
  message: String(res.json?.error?.message ?? `HTTP ${res.status}`),
});
const NETWORK = { status: 0, code: 'NETWORK_ERROR', message: 'the network dropped' };

export interface ReplayReport {
  pages: number;
  requests: number;
  pending: number;
  conflicts: number;
  /** Requests left running when their page went away (awaited before counting). */
  dangling: Promise<unknown>[];
  replayMs: number;
}

/**
 * Queues `actions` offline, then replays them with `interruptions` (after how many answered requests
 * each one happens), each followed by a new page on the same storage, until nothing is pending.
 */
export async function replayWithInterruptions(
  transport: Transport,
  actions: Omit<QueuedAction, 'at'>[],
  interruptions: Array<{ afterAnswers: number; kind: Interruption }>,
): Promise<ReplayReport> {
  const map = new Map<string, string>();
  const storage = {
    getStorageSync: (k: string) => (map.has(k) ? JSON.parse(map.get(k)!) : ''),
    setStorageSync: (k: string, v: unknown) => void map.set(k, JSON.stringify(v)),
  };
  const offline = createOfficerQueue({ storage, storageKey: 'queue', send: async () => Promise.reject(NETWORK) });
  for (const action of actions) offline.enqueue(action);
  await offline.replay(); // no network: everything stays

  let answered = 0;
  let requests = 0;
  let pages = 0;
  const dangling: Promise<unknown>[] = [];
  const planned = [...interruptions].sort((a, b) => a.afterAnswers - b.afterAnswers);
  const started = Date.now();
  for (let guard = 0; guard < 10_000; guard++) {
    pages++;
    const page = createOfficerQueue({
      storage,
      storageKey: 'queue',
      send: async (action) => {
        const due = planned[0] && answered >= planned[0].afterAnswers ? planned.shift()!.kind : null;
        if (due === 'not-sent') throw NETWORK;
        requests++;
        const call = transport(action);
        if (due === 'in-flight-reload') {
          dangling.push(call.catch(() => undefined));
          throw NETWORK;
        }
        const res = await call;
        if (due === 'answer-lost') throw NETWORK;
        answered++;
        if (res.status >= 200 && res.status < 300) return res.json;
        throw failureOf(res);
      },
    });
    const outcome = await page.replay();
    if (!outcome.stopped && page.pending().length === 0) break;
    // Told to wait (409 in progress, 5xx): the phone retries a little later.
    if (outcome.stopped && outcome.stopped.status !== 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const replayMs = Date.now() - started;
  await Promise.all(dangling);
  const last = createOfficerQueue({ storage, storageKey: 'queue', send: async () => Promise.reject(NETWORK) });
  return { pages, requests, pending: last.pending().length, conflicts: last.conflicts().length, dangling, replayMs };
}

/** Stored consultations of an officer and "informed" marks of an alert: what the replay must have written once each. */
export async function storedRows(doc: DynamoDBDocumentClient, table: string, officerId: string, feedId: string) {
  let consultations = 0;
  let informed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const item of page.Items ?? []) {
      if (item.entity === 'ServiceEntry' && item.type === 'consultation' && item.kind === 'service' && item.officerId === officerId) consultations++;
      if (item.entity === 'FeedInformed' && item.feedId === feedId) informed++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { consultations, informed };
}

/**
 * Queued actions of an officer at a session held without signal: each person signed up by name (a member
 * of one of the households) and then checked in by name, in the order the officer did them.
 */
export function offlineTrainingActions(input: { trainingId: string; householdIds: string[] }): Omit<QueuedAction, 'at'>[] {
  const key = (kind: string, n: number) => `${kind}-${n}-${Math.random().toString(36).slice(2, 10)}`;
  return input.householdIds.flatMap((householdId, n) => {
    const person = { householdId, name: `学员${n}` };
    return [
      {
        key: key('signup', n),
        kind: 'signup' as const,
        method: 'POST' as const,
        path: `/trainings/${input.trainingId}/signups`,
        body: person,
        label: person.name,
      },
      {
        key: key('checkin', n),
        kind: 'checkin' as const,
        method: 'POST' as const,
        path: `/trainings/${input.trainingId}/checkins`,
        body: person,
        label: person.name,
      },
    ];
  });
}

/** A session's stored sign-ups and check-ins (rows), its counters, and the attendance services recorded with them. */
export async function storedTrainingRows(doc: DynamoDBDocumentClient, table: string, trainingId: string) {
  const rows = { signups: 0, checkins: 0, signedUpCount: -1, attendedCount: -1, attendanceServices: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey, ConsistentRead: true }));
    for (const item of page.Items ?? []) {
      if (item.entity === 'TrainingSignup' && item.trainingId === trainingId) rows.signups++;
      if (item.entity === 'TrainingCheckin' && item.trainingId === trainingId) rows.checkins++;
      if (item.entity === 'Training' && item.id === trainingId) {
        rows.signedUpCount = Number(item.signedUpCount);
        rows.attendedCount = Number(item.attendedCount);
      }
      if (item.entity === 'ServiceEntry' && item.type === 'training' && item.kind === 'service' && String(item.id ?? '').includes(trainingId))
        rows.attendanceServices++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return rows;
}
