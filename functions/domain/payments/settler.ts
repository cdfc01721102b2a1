/**
 * The settler: for every PROCESSING payment old enough that its own request has given up on the
 * provider, ask the provider for its status (never pay again) and settle what it says, exactly once
 * (the settling transaction is conditional on PROCESSING, so a racing request or a second settler
 * run changes nothing). A payment the provider still does not know about stays pending.
 *
 * Runs on a schedule in a deployed stage (functions/jobs/settler.ts) and every 30 s under `npm start`.
 */
import type { PaymentRepository } from '../../data/payments-repository';
import type { BillProvider, ProviderOutcome } from './bill-provider';
import { applyOutcome } from './create-payment';

export interface SettlerDeps {
  payments: PaymentRepository;
  provider: BillProvider;
  now?: () => Date;
}

export interface SettlerOptions {
  /** Leave younger payments to the request that is still waiting for the provider. */
  minAgeMs: number;
  /** Stop after this many payments (a scheduled run must end before its timeout). */
  maxPayments?: number;
}

export interface SettlerReport {
  checked: number;
  succeeded: number;
  failed: number;
  stillPending: number;
  skippedYoung: number;
}

export async function settlePendingPayments(deps: SettlerDeps, options: SettlerOptions): Promise<SettlerReport> {
  const report: SettlerReport = { checked: 0, succeeded: 0, failed: 0, stillPending: 0, skippedYoung: 0 };
  const now = () => deps.now?.() ?? new Date();
  const maxPayments = options.maxPayments ?? 500;
  let cursor: string | undefined;
  do {
    const page = await deps.payments.listPending({ limit: 50, cursor });
    for (const paymentId of page.paymentIds) {
      if (report.checked >= maxPayments) return report;
      const payment = await deps.payments.get(paymentId);
      if (!payment || payment.status !== 'PROCESSING') continue;
      if (now().getTime() - Date.parse(payment.createdAt) < options.minAgeMs) {
        report.skippedYoung++;
        continue;
      }
      report.checked++;
      let outcome: ProviderOutcome;
      try {
        outcome = await deps.provider.status(paymentId);
      } catch {
        outcome = { outcome: 'UNKNOWN' };
      }
      if (outcome.outcome === 'UNKNOWN') {
        await deps.payments.recordStatusCheck(paymentId, now().toISOString());
        report.stillPending++;
        continue;
      }
      const { payment: settled, changed } = await applyOutcome(deps, payment, outcome);
      if (!changed) {
        if (settled.status === 'PROCESSING') report.stillPending++;
        continue; // settled by someone else meanwhile
      }
      if (settled.status === 'SUCCEEDED') report.succeeded++;
      else report.failed++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return report;
}
