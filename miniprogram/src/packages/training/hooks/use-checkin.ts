import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../services/api-error';
import { checkIn, type CheckinResponse } from '../../../services/api-training';
import { toApiErrorLike } from '../../../services/errors';

export type CheckinState =
  { status: 'bad_link' } | { status: 'working' } | { status: 'done'; answer: CheckinResponse } | { status: 'error'; error: ApiError };

/**
 * The check-in page: opened from the session's QR code (`?id=&t=`), it checks the signed-in person in at
 * once (the server records it once, however often the page is opened). `retry` after signing in.
 */
export function useCheckin(id: string | undefined, token: string | undefined) {
  const [state, setState] = useState<CheckinState>(() => (id && token ? { status: 'working' } : { status: 'bad_link' }));
  const [attempt, setAttempt] = useState(0);
  const current = useRef(0);
  useEffect(() => {
    if (!id || !token) return;
    const mine = ++current.current;
    setState({ status: 'working' });
    checkIn(id, { token }).then(
      (answer) => current.current === mine && setState({ status: 'done', answer }),
      (error: unknown) => current.current === mine && setState({ status: 'error', error: toApiErrorLike(error) }),
    );
  }, [id, token, attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}
