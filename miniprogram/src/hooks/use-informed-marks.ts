import { useCallback, useState } from 'react';
import { markInformed, type HouseholdAck, type Informed, type InformedHow } from '../services/api-feeds';
import { toApiErrorLike } from '../services/errors';

export type MarkState = { status: 'saving' } | { status: 'acked-meanwhile' } | { status: 'failed'; code: string };

/**
 * "Informed by phone / in person" marks the officer makes on the acks page, kept beside the loaded
 * list so a row changes in place (no reload of the pages loaded so far). `rowOf` is a row as it
 * reads now; `extraInformed` how many households were marked here that the list still shows as
 * untold (the totals from the server add them).
 */
export function useInformedMarks(stationId: string, feedId: string) {
  const [marks, setMarks] = useState<Record<string, Informed>>({});
  const [states, setStates] = useState<Record<string, MarkState>>({});

  const mark = useCallback(
    async (householdId: string, how: InformedHow) => {
      setStates((now) => ({ ...now, [householdId]: { status: 'saving' } }));
      try {
        const informed = await markInformed(stationId, feedId, householdId, how);
        setMarks((now) => ({ ...now, [householdId]: informed }));
        setStates(({ [householdId]: _done, ...rest }) => rest);
      } catch (error) {
        const code = toApiErrorLike(error).code;
        // 409: the household acknowledged itself meanwhile; nothing to mark.
        setStates((now) => ({ ...now, [householdId]: code === 'CONFLICT' ? { status: 'acked-meanwhile' } : { status: 'failed', code } }));
      }
    },
    [stationId, feedId],
  );

  const rowOf = (row: HouseholdAck): HouseholdAck => {
    const informed = marks[row.householdId];
    return informed && row.informed === null ? { ...row, informed: { how: informed.how, byUserId: informed.byUserId, at: informed.at } } : row;
  };
  const extraInformed = (rows: HouseholdAck[]) => rows.filter((row) => row.informed === null && row.ack === null && marks[row.householdId]).length;
  return { mark, rowOf, extraInformed, stateOf: (householdId: string): MarkState | undefined => states[householdId] };
}
