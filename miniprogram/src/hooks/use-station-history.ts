import { getStationHistory, type StationChange } from '../services/api';
import { usePagedList, type Page } from './use-paged-list';

export const HISTORY_PAGE_SIZE = 10;

export type HistoryFetcher = (stationId: string, cursor: string | undefined) => Promise<Page<StationChange>>;

const historyApi: HistoryFetcher = (stationId, cursor) => getStationHistory(stationId, { cursor, limit: HISTORY_PAGE_SIZE });

/** Who changed what on a station, newest first, a page at a time; `retry()` after a save reloads it. */
export function useStationHistory(stationId: string | undefined, fetchHistory: HistoryFetcher = historyApi) {
  return usePagedList(stationId, fetchHistory);
}
