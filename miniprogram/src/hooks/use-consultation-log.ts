import { useCallback, useRef, useState } from 'react';
import type { ConsultationRequest } from '@shared/schemas/services';
import type { ServiceRecord } from '../services/api-services';
import { ApiError } from '../services/api-error';
import { QueueFullError } from '../services/officer-queue';
import { newActionKey, officerQueue } from '../services/officer-queue-device';
import { sendQueued } from '../services/officer-queue-send';

type Channel = ConsultationRequest['channel'];
export type ConsultationState =
  | { status: 'idle' }
  | { status: 'sending'; channel: Channel }
  | { status: 'done'; service: ServiceRecord }
  /** No network (or the server asked to wait): kept on the phone with its key, replayed when the network returns. */
  | { status: 'queued'; channel: Channel }
  /** The server refused it (also listed in the queue's conflicts), or the queue is full. */
  | { status: 'failed'; channel: Channel; error: ApiError };

/**
 * 一键登记咨询: one tap, one consultation (for a household of the station, if given: its villagers may
 * rate it). Every tap goes through the officer's offline queue: its key is made at the tap and kept
 * until the server has answered for it, so a lost answer never logs it twice.
 */
export function useConsultationLog(stationId: string, onLogged: () => void, householdId?: string) {
  const [state, setState] = useState<ConsultationState>({ status: 'idle' });
  const inFlight = useRef(false);

  const log = useCallback(
    async (channel: Channel) => {
      const queue = officerQueue();
      if (inFlight.current || !queue) return;
      inFlight.current = true;
      setState({ status: 'sending', channel });
      try {
        const action = {
          key: newActionKey('consultation'),
          kind: 'consultation' as const,
          method: 'POST' as const,
          path: `/stations/${encodeURIComponent(stationId)}/consultations`,
          body: { channel, ...(householdId ? { householdId } : {}) },
          label: '',
        };
        const outcome = await sendQueued(queue, action);
        if (outcome.kind === 'done') {
          setState({ status: 'done', service: outcome.answer as ServiceRecord });
          onLogged();
        } else if (outcome.kind === 'queued') setState({ status: 'queued', channel });
        else setState({ status: 'failed', channel, error: outcome.error });
      } catch (caught) {
        if (!(caught instanceof QueueFullError)) throw caught;
        setState({ status: 'failed', channel, error: new ApiError({ status: 0, code: 'QUEUE_FULL', message: caught.message }) });
      } finally {
        inFlight.current = false;
      }
    },
    [stationId, onLogged, householdId],
  );

  return { state, log };
}
