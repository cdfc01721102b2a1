/**
 * The settler: for every PROCESSING payment old enough that its own request has given up on the
 * provider, ask the provider for its status (never pay again) and settle what it says, exactly once
 * (the settling transaction is conditional on PROCESSING, so a racing request or a second settler
 * run changes nothing). A payment the provider still does not know about stays pending.
 *
 * It also finishes voids whose request died after asking the provider to cancel (VOIDING).
 *
 * Runs on a schedule in a deployed stage (functions/jobs/settler.ts) and every 30 s under `npm start`.
 */
import type { BillProvider, ProviderOutcome } from './bill-provider';
import { applyOutcome } from './create-payment';
import type { PaymentRepository } from './payment';
import { finishVoid } from './void-payment';

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
  /** Voids interrupted after asking the provider, finished now. */
  voidsFinished: number;
}

export async function settlePendingPayments(deps: SettlerDeps, options: SettlerOptions): Promise<SettlerReport> {
  const report: SettlerReport = { checked: 0, succeeded: 0, failed: 0, stillPending: 0, skippedYoung: 0, voidsFinished: 0 };
  const now = () => deps.now?.() ?? new Date();
  const maxPayments = options.maxPayments ?? 500;
  for (let shard = 0; shard < deps.payments.pendingShards; shard++) {
    let cursor: string | undefined;
    do {
      const page = await deps.payments.listPending({ shard, limit: 50, cursor });
      for (const paymentId of page.paymentIds) {
        if (report.checked >= maxPayments) return report;
        const payment = await deps.payments.get(paymentId);
        if (!payment || (payment.status !== 'PROCESSING' && payment.status !== 'VOIDING')) continue;
        const since = payment.status === 'VOIDING' ? payment.voidRequest!.at : payment.createdAt;
        if (now().getTime() - Date.parse(since) < options.minAgeMs) {
          report.skippedYoung++;
          continue;
        }
        report.checked++;
        if (payment.status === 'VOIDING') {
          // A void whose request died after asking the provider: ask again (cancel is idempotent).
          const finished = await finishVoid(deps, payment).catch(() => payment);
          if (finished.status === 'VOIDING') report.stillPending++;
          else report.voidsFinished++;
          continue;
        }
        let outcome: ProviderOutcome;
        try {
          outcome = await deps.provider.status(paymentId);
          // "Never received" becomes final only once the provider has cancelled the id: a pay() that
          // is still on its way to it would otherwise charge after we told the officer it did not.
          if (outcome.outcome === 'NOT_CHARGED' && (await deps.provider.cancel(paymentId)).outcome !== 'CANCELLED') outcome = { outcome: 'UNKNOWN' };
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
  }
  return report;
}
