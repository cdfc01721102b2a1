import { useCallback, useState } from 'react';
import type { LedgerResponse } from '@shared/schemas/payments';
import { t } from '../i18n/staff';
import { getStationLedger, type PageRequest } from '../services/api';
import { chinaDate, isBusinessDate, shiftDate } from '../services/business-date';
import { usePagedList } from './use-paged-list';

/** A day's ledger without its entries: status, totals, close (from the first page). */
export type LedgerDaySummary = Omit<LedgerResponse, 'items' | 'nextCursor'>;

export type LedgerFetcher = (stationId: string, date: string, page: PageRequest) => Promise<LedgerResponse>;

/**
 * One business day of a station's cash ledger, any day up to today: its totals and close, and its
 * entries page by page (`entries.loadMore()`). The day is chosen by typing it (`setDateText`,
 * `show()`) or a day back / forward (`previous()`, `next()`); a day after today is refused here,
 * as the API would. Answers for a day no longer shown are dropped (the list's generations, and the
 * summary is kept with the key it belongs to).
 */
export function useLedgerDay(
  stationId: string,
  initialDate?: string,
  fetchLedger: LedgerFetcher = getStationLedger,
  today: () => string = chinaDate,
) {
  const start = initialDate && isBusinessDate(initialDate) && initialDate <= today() ? initialDate : today();
  const [date, setDate] = useState(start);
  const [dateText, setDateTextState] = useState(start);
  const [dateError, setDateError] = useState<string | undefined>();
  const [summary, setSummary] = useState<{ key: string; day: LedgerDaySummary } | null>(null);

  const key = `${stationId}|${date}`;
  const entries = usePagedList<LedgerResponse>(
    key,
    (pageKey, cursor) => fetchLedger(stationId, pageKey.slice(pageKey.lastIndexOf('|') + 1), { cursor }),
    {
      // Only the latest load's first page (an older reload of the same day cannot overwrite it).
      onFirstPage: (answer, pageKey) =>
        setSummary({
          key: pageKey,
          day: {
            stationId: answer.stationId,
            date: answer.date,
            status: answer.status,
            totals: answer.totals,
            nonCash: answer.nonCash,
            close: answer.close,
          },
        }),
    },
  );

  const choose = useCallback(
    (value: string) => {
      const trimmed = value.trim();
      if (!isBusinessDate(trimmed)) {
        setDateError(t('ledger.dateInvalid'));
        return;
      }
      if (trimmed > today()) {
        setDateError(t('ledger.dateFuture'));
        return;
      }
      setDateError(undefined);
      setDateTextState(trimmed);
      setDate(trimmed);
    },
    [today],
  );

  const setDateText = useCallback((value: string) => {
    setDateTextState(value);
    setDateError(undefined);
  }, []);

  const isToday = date === today();
  return {
    date,
    dateText,
    setDateText,
    dateError,
    /** The typed day. */
    show: () => choose(dateText),
    previous: () => choose(shiftDate(date, -1)),
    /** Not past today: `canGoNext` is false on today. */
    next: () => choose(shiftDate(date, 1)),
    canGoNext: !isToday,
    backToToday: () => choose(today()),
    isToday,
    /** The shown day's status, totals and close once its first page is in. */
    day: summary && summary.key === key && entries.state.status === 'ready' ? summary.day : undefined,
    entries,
  };
}
