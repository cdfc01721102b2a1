import { useCallback, useRef, useState } from 'react';
import type { PriceReportRequest } from '@shared/schemas/prices';
import { reportPrice, type PriceReport } from '../services/api-prices';
import type { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';
import { QueueFullError } from '../services/officer-queue';
import { officerQueue } from '../services/officer-queue-device';
import { isFinalError, reportAttemptFor, type ReportAttempt } from '../services/price-report-attempt';

export type ReportState =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'done'; report: PriceReport }
  /** No network: the report waits in the officer's offline queue with its key, sent once when the network returns. */
  | { status: 'queued' }
  /** `retryable`: the report may or may not be recorded; 重新提交 sends the same key again. */
  | { status: 'failed'; error: ApiError; retryable: boolean };

/** The report goes to the officer's offline queue with the attempt's key (the send may have reached the server: the key keeps it once). */
function queueReport(body: PriceReportRequest, key: string): boolean {
  const queue = officerQueue();
  if (!queue) return false;
  try {
    queue.enqueue({ key, kind: 'priceReport', method: 'POST', path: '/price-reports', body, label: '' });
    return true;
  } catch (error) {
    if (error instanceof QueueFullError) return false;
    throw error;
  }
}

/**
 * 报价格: sends a report with its attempt's key (kept across retries, see price-report-attempt.ts);
 * without network it waits in the officer's offline queue under the same key.
 */
export function usePriceReport(send: (body: PriceReportRequest, key: string) => Promise<PriceReport> = reportPrice) {
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const attempt = useRef<ReportAttempt | null>(null);
  const inFlight = useRef(false);

  const submit = useCallback(
    async (body: PriceReportRequest) => {
      if (inFlight.current) return;
      inFlight.current = true;
      const current = reportAttemptFor(attempt.current, body);
      attempt.current = current;
      setState({ status: 'sending' });
      try {
        const report = await send(body, current.key);
        attempt.current = null;
        setState({ status: 'done', report });
      } catch (caught) {
        const error = toApiErrorLike(caught);
        if (error.code === 'NETWORK_ERROR' && queueReport(body, current.key)) {
          attempt.current = null;
          setState({ status: 'queued' });
          return;
        }
        const final = isFinalError(error);
        if (final) attempt.current = null;
        setState({ status: 'failed', error, retryable: !final });
      } finally {
        inFlight.current = false;
      }
    },
    [send],
  );

  /** Back to an empty form for the next report (a new attempt). */
  const reset = useCallback(() => {
    attempt.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, submit, reset };
}
