import { useCallback, useState } from 'react';
import type { Role } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { errorText } from '../i18n';
import { setHomeStation } from '../services/api-account';
import { toApiErrorLike } from '../services/errors';
import type { MeState } from './use-me';

/** Villagers (and buyers, experts) have a home station; officers and admins have their own station or region. */
export function canHaveHomeStation(role: Role): boolean {
  return role === 'villager' || role === 'buyer' || role === 'expert';
}

export type HomeStationState =
  /** Signed out, still asking GET /me, or a role without a home station: nothing to show. */
  { status: 'hidden' } | { status: 'can-set'; pending: boolean; error?: string } | { status: 'is-home'; justSet: boolean };

/**
 * "设为我的站点" on a station page: offered to a signed-in villager whose home is another station (or
 * none); after PUT /me/home-station the page shows "我的站点", and so does "me" on its next visit.
 */
export function useHomeStation(
  stationId: string | undefined,
  me: MeState,
  onUpdated: (me: MeResponse) => void,
  put: (stationId: string) => Promise<MeResponse> = setHomeStation,
) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [justSet, setJustSet] = useState<string | undefined>(undefined);

  const set = useCallback(async () => {
    if (!stationId) return;
    setPending(true);
    setError(undefined);
    try {
      const updated = await put(stationId);
      setJustSet(stationId);
      onUpdated(updated);
    } catch (cause) {
      setError(errorText(toApiErrorLike(cause).code));
    } finally {
      setPending(false);
    }
  }, [stationId, put, onUpdated]);

  let state: HomeStationState = { status: 'hidden' };
  if (stationId && me.status === 'ready' && canHaveHomeStation(me.me.user.role)) {
    const homeId = me.me.homeStation?.id ?? me.me.user.homeStationId;
    state = homeId === stationId ? { status: 'is-home', justSet: justSet === stationId } : { status: 'can-set', pending, error };
  }
  return { state, set };
}
