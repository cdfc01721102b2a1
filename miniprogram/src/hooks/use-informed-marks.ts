import { useCallback, useState } from 'react';
import { informedPath, type HouseholdAck, type Informed, type InformedHow } from '../services/api-feeds';
import { QueueFullError } from '../services/officer-queue';
import { newActionKey, officerQueue } from '../services/officer-queue-device';
import { sendQueued } from '../services/officer-queue-send';

export type MarkState = { status: 'saving' } | { status: 'queued' } | { status: 'acked-meanwhile' } | { status: 'failed'; code: string };

/**
 * "Informed by phone / in person" marks the officer makes on the acks page, kept beside the loaded
 * list so a row changes in place (no reload of the pages loaded so far). Each mark goes through the
 * officer's offline queue: without signal it waits on the phone (its row says so, also after a
 * reload) and is sent once when the network returns. `rowOf` is a row as it reads now;
 * `extraInformed` how many households were marked here that the list still shows as untold.
 */
export function useInformedMarks(stationId: string, feedId: string) {
  const [marks, setMarks] = useState<Record<string, Informed>>({});
  const [states, setStates] = useState<Record<string, MarkState>>({});
  const path = informedPath(stationId, feedId);

  const mark = useCallback(
    async (householdId: string, how: InformedHow) => {
      const queue = officerQueue();
      if (!queue) return;
      setStates((now) => ({ ...now, [householdId]: { status: 'saving' } }));
      let next: MarkState | null;
      try {
        const outcome = await sendQueued(queue, {
          key: newActionKey('informed'),
          kind: 'informed',
          method: 'POST',
          path,
          body: { householdId, how },
          label: '',
        });
        if (outcome.kind === 'done') {
          setMarks((now) => ({ ...now, [householdId]: outcome.answer as Informed }));
          next = null;
        } else if (outcome.kind === 'queued') next = { status: 'queued' };
        // 409: the household acknowledged itself meanwhile; nothing to mark.
        else next = outcome.error.code === 'CONFLICT' ? { status: 'acked-meanwhile' } : { status: 'failed', code: outcome.error.code };
      } catch (error) {
        if (!(error instanceof QueueFullError)) throw error;
        next = { status: 'failed', code: 'QUEUE_FULL' };
      }
      setStates(({ [householdId]: _done, ...rest }) => (next ? { ...rest, [householdId]: next } : rest));
    },
    [path],
  );

  const rowOf = (row: HouseholdAck): HouseholdAck => {
    const informed = marks[row.householdId];
    return informed && row.informed === null ? { ...row, informed: { how: informed.how, byUserId: informed.byUserId, at: informed.at } } : row;
  };
  const extraInformed = (rows: HouseholdAck[]) => rows.filter((row) => row.informed === null && row.ack === null && marks[row.householdId]).length;
  /** A mark still waiting in the queue (made before a reload too) reads as queued. */
  const stateOf = (householdId: string): MarkState | undefined => {
    const state = states[householdId];
    if (state && state.status !== 'queued') return state;
    const waiting = officerQueue()
      ?.pending()
      .some((a) => a.path === path && (a.body as { householdId?: string }).householdId === householdId);
    return waiting ? { status: 'queued' } : state?.status === 'queued' ? undefined : state;
  };
  return { mark, rowOf, extraInformed, stateOf };
}
