import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../services/api';
import { toApiErrorLike } from '../services/errors';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Loading the next page: running, or why it failed (the items so far stay on screen). */
export type MoreState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: ApiError };

export type PagedState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; items: T[]; nextCursor: string | null; more: MoreState }
  | { status: 'error'; error: ApiError };

export type PageFetcher<T, P extends Page<T> = Page<T>> = (key: string, cursor: string | undefined) => Promise<P>;

type ItemOf<P extends Page<unknown>> = P['items'][number];

export interface PagedListOptions<P> {
  /**
   * The whole first page of the load now shown (what an answer carries besides its items: a day's
   * totals, the linked household), called only for the latest load, like the items themselves.
   */
  onFirstPage?: (page: P, key: string) => void;
}

/**
 * A cursor-paginated list for a key (a search text, a station id): the first page when the key
 * changes, `loadMore()` appends the next one. Answers for an older key or an older load are
 * dropped, so a slow search for "tu" cannot overwrite the results for "tuqiao". `retry()` loads
 * the first page again showing `loading`; `refresh()` does so keeping the items on screen.
 */
export function usePagedList<P extends Page<unknown>>(
  key: string | undefined,
  fetchPage: (key: string, cursor: string | undefined) => Promise<P>,
  options: PagedListOptions<P> = {},
) {
  type T = ItemOf<P>;
  const [state, setState] = useState<PagedState<T>>(() => (key === undefined ? { status: 'idle' } : { status: 'loading' }));
  const [attempt, setAttempt] = useState(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const onFirstPage = useRef(options.onFirstPage);
  onFirstPage.current = options.onFirstPage;
  const background = useRef(false);
  const itemsKey = useRef<string | undefined>(undefined);
  // Bumped for every first-page load: a page answered for an older generation is ignored.
  const generation = useRef(0);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    const mine = ++generation.current;
    if (key === undefined) {
      setState({ status: 'idle' });
      return;
    }
    const keep = background.current && itemsKey.current === key;
    background.current = false;
    setState((now) => (keep && now.status === 'ready' ? now : { status: 'loading' }));
    fetcher.current(key, undefined).then(
      (page) => {
        if (generation.current !== mine) return;
        itemsKey.current = key;
        onFirstPage.current?.(page, key);
        setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, more: { status: 'idle' } });
      },
      (error: unknown) => {
        if (generation.current === mine) setState({ status: 'error', error: toApiErrorLike(error) });
      },
    );
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    const current = latest.current;
    if (key === undefined || current.status !== 'ready' || current.nextCursor === null || current.more.status === 'loading') return;
    const mine = generation.current;
    setState({ ...current, more: { status: 'loading' } });
    try {
      const page = await fetcher.current(key, current.nextCursor);
      if (generation.current !== mine) return;
      setState((now) =>
        now.status === 'ready'
          ? { status: 'ready', items: [...now.items, ...page.items], nextCursor: page.nextCursor, more: { status: 'idle' } }
          : now,
      );
    } catch (error) {
      if (generation.current !== mine) return;
      setState((now) => (now.status === 'ready' ? { ...now, more: { status: 'error', error: toApiErrorLike(error) } } : now));
    }
  }, [key]);

  const retry = useCallback(() => {
    background.current = false;
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(() => {
    background.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { state, loadMore, retry, refresh };
}
