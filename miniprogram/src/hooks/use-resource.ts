import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';

export type ResourceState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  /** `refreshError`: a `refresh()` failed; the value shown is the last one. */
  | { status: 'ready'; value: T; refreshError?: ApiError }
  | { status: 'error'; error: ApiError };

/**
 * One thing loaded by a key (a region code, a station id): `loading` -> `ready` | `error`, again
 * whenever the key changes or on `retry()`. An answer for a key the page no longer shows is dropped.
 * No key: `idle`. `replace()` puts a newer value in place (the answer of a save).
 *
 * `refresh()` asks again in the background: the last value stays on screen (and a form under it
 * keeps what was typed) until the new one is in; a failed refresh keeps it too, with `refreshError`.
 * Use it when coming back to a page; `retry()` is for an error screen.
 */
export function useResource<T>(key: string | undefined, load: (key: string) => Promise<T>) {
  const [state, setState] = useState<ResourceState<T>>(() => (key === undefined ? { status: 'idle' } : { status: 'loading' }));
  const [attempt, setAttempt] = useState(0);
  // Whether the next load keeps the value on screen (a refresh) or shows `loading` (a retry).
  const background = useRef(false);
  // The key of the value on screen: a refresh never keeps the value of another key.
  const valueKey = useRef<string | undefined>(undefined);
  const shownKey = useRef(key);
  shownKey.current = key;
  // The latest loader without making it a dependency: pages pass inline functions.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === undefined) {
      setState({ status: 'idle' });
      return undefined;
    }
    let current = true;
    const keep = background.current && valueKey.current === key;
    background.current = false;
    setState((now) => (keep && now.status === 'ready' ? now : { status: 'loading' }));
    loader.current(key).then(
      (value) => {
        if (!current) return;
        valueKey.current = key;
        setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (!current) return;
        const apiError = toApiErrorLike(error);
        setState((now) =>
          keep && now.status === 'ready' ? { status: 'ready', value: now.value, refreshError: apiError } : { status: 'error', error: apiError },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => {
    background.current = false;
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(() => {
    background.current = true;
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((value: T) => {
    valueKey.current = shownKey.current;
    setState({ status: 'ready', value });
  }, []);
  return { state, retry, refresh, replace };
}
