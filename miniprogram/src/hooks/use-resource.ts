import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../services/api';
import { toApiErrorLike } from '../services/errors';

export type ResourceState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

/**
 * One thing loaded by a key (a region code, a station id): `loading` -> `ready` | `error`, again
 * whenever the key changes or on `retry()`. An answer for a key the page no longer shows is dropped.
 * No key: `idle`. `replace()` puts a newer value in place (the answer of a save).
 */
export function useResource<T>(key: string | undefined, load: (key: string) => Promise<T>) {
  const [state, setState] = useState<ResourceState<T>>(() => (key === undefined ? { status: 'idle' } : { status: 'loading' }));
  const [attempt, setAttempt] = useState(0);
  // The latest loader without making it a dependency: pages pass inline functions.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === undefined) {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setState({ status: 'loading' });
    loader.current(key).then(
      (value) => {
        if (current) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toApiErrorLike(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((value: T) => setState({ status: 'ready', value }), []);
  return { state, retry, replace };
}
