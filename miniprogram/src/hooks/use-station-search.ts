import { useCallback, useState } from 'react';
import type { StationProfile } from '@shared/schemas/stations';
import { listStations } from '../services/api';
import { useDebounced } from './use-debounced';
import { usePagedList, type Page } from './use-paged-list';
import { textLength } from '@shared/text-length';

/** The API's limit for `q` (shared/schemas/stations.ts `searchText`). */
export const SEARCH_MAX_LENGTH = 40;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_DEBOUNCE_MS = 300;

export type StationSearcher = (q: string, cursor: string | undefined) => Promise<Page<StationProfile>>;

const searchApi: StationSearcher = (q, cursor) => listStations({ q }, { cursor, limit: SEARCH_PAGE_SIZE });

/** The text the API is asked for: trimmed, nothing for an empty or too long one. */
export function searchKey(text: string): string | undefined {
  const q = text.trim();
  return q.length === 0 || q.length > SEARCH_MAX_LENGTH ? undefined : q;
}

/**
 * Station search by village, township or county name (Chinese or pinyin): the field's text, the
 * results of the text once typing pauses, and "load more" along `nextCursor`.
 */
export function useStationSearch(search: StationSearcher = searchApi, delayMs = SEARCH_DEBOUNCE_MS) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, delayMs);
  const key = searchKey(settled);
  const { state, loadMore, retry } = usePagedList(key, search);
  // Typed but not searched yet: the page keeps the last results and shows it is working.
  const pending = searchKey(query) !== key;
  const tooLong = textLength(query.trim()) > SEARCH_MAX_LENGTH;
  const clear = useCallback(() => setQuery(''), []);
  return { query, setQuery, clear, searched: key, pending, tooLong, state, loadMore, retry };
}
