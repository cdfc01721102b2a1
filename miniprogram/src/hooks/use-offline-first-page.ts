import { useCallback, useState } from 'react';
import { loadOrCached } from '../services/offline-cache';

/**
 * A `usePagedList` fetcher whose first page is kept on the device (services/offline-cache.ts): without
 * signal the list shows the last first page it received, and `cachedAt` says since when (undefined
 * while the answers are live). Later pages are asked as usual: they need the network.
 */
export function useOfflineFirstPage<P extends object>(prefix: string, fetchPage: (key: string, cursor: string | undefined) => Promise<P>) {
  const [cachedAt, setCachedAt] = useState<number | undefined>(undefined);
  const fetchCached = useCallback(
    async (key: string, cursor: string | undefined): Promise<P> => {
      if (cursor !== undefined) return fetchPage(key, cursor);
      const page = await loadOrCached(`${prefix}.${key}`, () => fetchPage(key, undefined));
      setCachedAt(page.cachedAt);
      return page;
    },
    [prefix, fetchPage],
  );
  return { fetchPage: fetchCached, cachedAt };
}
