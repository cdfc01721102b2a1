import { useCallback, useEffect, useState } from 'react';
import type { MeResponse } from '@shared/schemas/accounts';
import { getMe } from '../services/api-account';
import type { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';
import { clearSession, updateSessionUser } from '../services/session';
import { useReloadOnShow } from './use-reload-on-show';
import { useSession } from './use-session';

export type MeState =
  { status: 'signed-out' } | { status: 'loading' } | { status: 'ready'; me: MeResponse; token: string } | { status: 'error'; error: ApiError };

export type MeFetcher = () => Promise<MeResponse>;

/**
 * Who the signed-in user is now, by `GET /me`. The role is never taken from storage: it is asked
 * again each time the page shows (useDidShow after useDidHide), so an officer removed meanwhile
 * loses the officer pages on their next visit, and a 401 signs them out everywhere.
 *
 * While a refresh runs the last answer for the same session stays on screen (no flash of a
 * spinner when coming back to a page); a different session starts from `loading`.
 */
export function useMe(fetchMe: MeFetcher = getMe) {
  const session = useSession();
  const token = session?.token;
  const [state, setState] = useState<MeState>(() => (token ? { status: 'loading' } : { status: 'signed-out' }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) {
      setState({ status: 'signed-out' });
      return undefined;
    }
    let current = true;
    setState((previous) => (previous.status === 'ready' && previous.token === token ? previous : { status: 'loading' }));
    fetchMe().then(
      (me) => {
        if (!current) return;
        updateSessionUser(me.user);
        setState({ status: 'ready', me, token });
      },
      (error: unknown) => {
        if (!current) return;
        const apiError = toApiErrorLike(error);
        if (apiError.code === 'UNAUTHENTICATED') {
          // The API client has cleared it already; a fetcher of a test may not have.
          clearSession(token);
          setState({ status: 'signed-out' });
          return;
        }
        setState({ status: 'error', error: apiError });
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt, fetchMe]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  /** A newer answer about the same user (PUT /me/home-station answers one): shown without a reload. */
  const replace = useCallback(
    (me: MeResponse) => {
      if (!token) return;
      updateSessionUser(me.user);
      setState({ status: 'ready', me, token });
    },
    [token],
  );

  // The first show is covered by the effect above; only a return to the page asks again.
  useReloadOnShow(reload);

  return { state, reload, replace };
}
