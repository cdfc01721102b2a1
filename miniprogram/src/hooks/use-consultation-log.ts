import { useCallback, useRef, useState } from 'react';
import type { ConsultationRequest } from '@shared/schemas/services';
import { logConsultation, type ServiceRecord } from '../services/api-services';
import type { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';
import { newIdempotencyKey } from '../services/payment-attempt';

type Channel = ConsultationRequest['channel'];
export type ConsultationState =
  | { status: 'idle' }
  | { status: 'sending'; channel: Channel }
  | { status: 'done'; service: ServiceRecord }
  /** The same channel tapped again resends the same key: a lost answer never logs it twice. */
  | { status: 'failed'; channel: Channel; error: ApiError };

/** 一键登记咨询: one tap, one consultation (for a household of the station, if given: its villagers may rate it); the key is kept until the server has answered for it. */
export function useConsultationLog(stationId: string, onLogged: () => void, householdId?: string) {
  const [state, setState] = useState<ConsultationState>({ status: 'idle' });
  const pending = useRef<{ channel: Channel; key: string } | null>(null);
  const inFlight = useRef(false);

  const log = useCallback(
    async (channel: Channel) => {
      if (inFlight.current) return;
      inFlight.current = true;
      if (!pending.current || pending.current.channel !== channel) pending.current = { channel, key: newIdempotencyKey('consult') };
      setState({ status: 'sending', channel });
      try {
        const service = await logConsultation(stationId, { channel, ...(householdId ? { householdId } : {}) }, pending.current.key);
        pending.current = null;
        setState({ status: 'done', service });
        onLogged();
      } catch (caught) {
        setState({ status: 'failed', channel, error: toApiErrorLike(caught) });
      } finally {
        inFlight.current = false;
      }
    },
    [stationId, onLogged, householdId],
  );

  return { state, log };
}
