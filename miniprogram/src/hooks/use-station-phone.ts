import { useCallback, useEffect, useState } from 'react';
import { errorText, t } from '../i18n/station';
import { getStationPhone } from '../services/api-account';
import type { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';

export type PhoneState = { status: 'idle' } | { status: 'pending' } | { status: 'revealed'; phone: string } | { status: 'failed'; message: string };

/** Why the full number did not come: no number, too many reveals this hour, or the generic text. */
export function phoneErrorText(error: ApiError): string {
  if (error.code === 'NOT_FOUND') return t('station.phoneError.NOT_FOUND');
  if (error.code === 'RATE_LIMITED') return t('station.phoneError.RATE_LIMITED');
  return errorText(error.code);
}

/**
 * The station's full number, on request only: the public profile shows it masked, and each reveal
 * counts against the user's hourly allowance (20), so numbers cannot be harvested.
 */
export function useStationPhone(stationId: string | undefined, fetchPhone: (id: string) => Promise<{ phone: string }> = getStationPhone) {
  const [state, setState] = useState<PhoneState>({ status: 'idle' });

  // Another station: forget the number of the last one.
  useEffect(() => setState({ status: 'idle' }), [stationId]);

  const reveal = useCallback(async () => {
    if (!stationId) return;
    setState({ status: 'pending' });
    try {
      const { phone } = await fetchPhone(stationId);
      setState({ status: 'revealed', phone });
    } catch (error) {
      setState({ status: 'failed', message: phoneErrorText(toApiErrorLike(error)) });
    }
  }, [stationId, fetchPhone]);

  return { state, reveal };
}
