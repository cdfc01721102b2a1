import type { PriceReportRequest } from '@shared/schemas/prices';
import { newIdempotencyKey } from './payment-attempt';

/**
 * One `Idempotency-Key` per price report, as payments keep theirs: every send of the same report
 * (a double tap, 重新提交 after a lost answer, a 5xx or 409 IDEMPOTENCY_IN_PROGRESS) carries the same
 * key, so the server records it once and answers each with that one report. A changed form is
 * another report with a new key; a final answer (201 or a final 4xx) closes the attempt.
 *
 *   submit ──> [attempt K, fingerprint F] ──send K──> 201 / final 4xx ──> closed (next submit: new K)
 *                   ^            │
 *                   └────────────┘ network error, 5xx, 409 IN_PROGRESS: 重新提交 sends K again
 *
 * Kept for the page only (unlike payments, not in storage): a report lost with a closed page is
 * typed again, and a duplicate price of the same day only weighs in the day's mean.
 */
export interface ReportAttempt {
  key: string;
  fingerprint: string;
}

export const reportFingerprint = (body: PriceReportRequest): string => JSON.stringify([body.productId, body.marketId, body.date, body.priceFen]);

/** The open attempt when `body` is the same report, else a new one. */
export function reportAttemptFor(
  current: ReportAttempt | null,
  body: PriceReportRequest,
  makeKey: () => string = () => newIdempotencyKey('price'),
): ReportAttempt {
  const fingerprint = reportFingerprint(body);
  if (current && current.fingerprint === fingerprint) return current;
  return { key: makeKey(), fingerprint };
}

export { isFinalError } from './payment-attempt';
