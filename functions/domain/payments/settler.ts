/**
 * The settler: for every PROCESSING payment old enough that its own request has given up on the
 * provider, ask the provider for its status (never pay again) and settle what it says, exactly once
 * (the settling transaction is conditional on PROCESSING, so a racing request or a second settler
 * run changes nothing). A payment the provider still does not know about stays pending.
 *
 * It also finishes voids whose request died after asking the provider to cancel (VOIDING).
 *
 * Fairness: the pending markers are spread over 16 shards. Each run visits them round-robin, taking
 * at most `perShardQuota` payments from a shard per visit, starting at a shard that rotates from run
 * to run; so 500 payments stuck in shard 0 cannot starve one waiting in shard 15:
 *
 *   round 1: s(start) q items, s(start+1) q items, ... s(start+15) q items
 *   round 2: the shards with more, q items each, ...   until the cap, the time budget or no more
 *
 * Every provider call has a timeout, and the run starts no new payment once its time budget is
 * spent, so a hanging provider cannot keep the run past its Lambda timeout. Payments still
 * unresolved past `stuckAfterMs` are counted and logged (one JSON line per run) for a human to chase.
 *
 * Runs on a schedule in a deployed stage (functions/jobs/settler.ts) and every 30 s under `npm start`.
 */
import type { Logger } from '../../logging/logger';
import type { BillProvider, ProviderOutcome } from './bill-provider';
import { applyOutcome } from './create-payment';
import type { PaymentRecord, PaymentRepository } from './payment';
import { PROVIDER_TIMEOUT_MS, withTimeout } from './provider-timeout';
import { finishVoid } from './void-payment';

export interface SettlerDeps {
  payments: PaymentRepository;
  provider: BillProvider;
  /** Where the "still unresolved" line goes (functions/logging in the job). */
  log?: Pick<Logger, 'warn'>;
  now?: () => Date;
}

export interface SettlerOptions {
  /** Leave younger payments to the request that is still waiting for the provider. */
  minAgeMs: number;
  /** Stop after this many payments (a scheduled run must end before its timeout). */
  maxPayments?: number;
  /** At most this many payments from one shard per visit, before the next shard's turn. */
  perShardQuota?: number;
  /** Each provider call (status, cancel) gets this long; no answer counts as UNKNOWN. */
  providerTimeoutMs?: number;
  /** No new payment is taken up after this long; with one provider timeout more, the run's bound. */
  budgetMs?: number;
  /** A payment pending longer than this is counted and logged as stuck. */
  stuckAfterMs?: number;
  /** The shard to visit first; by default it moves on with the clock (one shard a minute). */
  startShard?: number;
}

export interface SettlerReport {
  checked: number;
  succeeded: number;
  failed: number;
  stillPending: number;
  skippedYoung: number;
  /** Voids interrupted after asking the provider, finished now. */
  voidsFinished: number;
  /** Provider calls that did not answer in time. */
  timedOut: number;
  /** Still unresolved and older than `stuckAfterMs`. */
  stuck: number;
  /** True when the run stopped on its cap or time budget with shards left to read. */
  cutShort: boolean;
}

export const SETTLER_DEFAULTS = {
  maxPayments: 500,
  perShardQuota: 8,
  budgetMs: 40_000,
  stuckAfterMs: 30 * 60_000,
};

/** How many stuck payment ids the log line names (the count is always complete). */
const STUCK_IDS_LOGGED = 20;

export async function settlePendingPayments(deps: SettlerDeps, options: SettlerOptions): Promise<SettlerReport> {
  const report: SettlerReport = {
    checked: 0,
    succeeded: 0,
    failed: 0,
    stillPending: 0,
    skippedYoung: 0,
    voidsFinished: 0,
    timedOut: 0,
    stuck: 0,
    cutShort: false,
  };
  const now = () => deps.now?.() ?? new Date();
  const maxPayments = options.maxPayments ?? SETTLER_DEFAULTS.maxPayments;
  const quota = options.perShardQuota ?? SETTLER_DEFAULTS.perShardQuota;
  const deadline = Date.now() + (options.budgetMs ?? SETTLER_DEFAULTS.budgetMs);
  const stuckAfterMs = options.stuckAfterMs ?? SETTLER_DEFAULTS.stuckAfterMs;
  const shards = deps.payments.pendingShards;
  const start = options.startShard ?? Math.floor(now().getTime() / 60_000) % shards;
  const stuckIds: string[] = [];

  // Per shard: where its next visit goes on (undefined before the first), or 'done'.
  const cursors = new Map<number, string | undefined | 'done'>();
  const order = Array.from({ length: shards }, (_, i) => (start + i) % shards);
  const timeLeft = () => Date.now() < deadline;

  while (order.some((shard) => cursors.get(shard) !== 'done')) {
    for (const shard of order) {
      const cursor = cursors.get(shard);
      if (cursor === 'done') continue;
      if (report.checked >= maxPayments || !timeLeft()) {
        report.cutShort = true;
        return finish();
      }
      const page = await deps.payments.listPending({ shard, limit: quota, cursor });
      cursors.set(shard, page.nextCursor ?? 'done');
      for (const paymentId of page.paymentIds) {
        if (report.checked >= maxPayments || !timeLeft()) {
          report.cutShort = true;
          return finish();
        }
        await settleOne(paymentId);
      }
    }
  }
  return finish();

  function finish(): SettlerReport {
    if (report.stuck > 0) {
      deps.log?.warn('settler: payments unresolved past the threshold', {
        stuck: report.stuck,
        stuckAfterMs,
        paymentIds: stuckIds.slice(0, STUCK_IDS_LOGGED),
      });
    }
    return report;
  }

  async function settleOne(paymentId: string) {
    const payment = await deps.payments.get(paymentId);
    if (!payment || (payment.status !== 'PROCESSING' && payment.status !== 'VOIDING')) return;
    const since = pendingSince(payment);
    if (now().getTime() - since < options.minAgeMs) {
      report.skippedYoung++;
      return;
    }
    report.checked++;
    const stillPending = () => {
      report.stillPending++;
      if (now().getTime() - since > stuckAfterMs) {
        report.stuck++;
        stuckIds.push(paymentId);
      }
    };
    if (payment.status === 'VOIDING') {
      // A void whose request died after asking the provider: ask again (cancel is idempotent).
      const finished = await finishVoid({ ...deps, providerTimeoutMs: options.providerTimeoutMs }, payment).catch(() => payment);
      if (finished.status === 'VOIDING') stillPending();
      else report.voidsFinished++;
      return;
    }
    const outcome = await askProvider(paymentId);
    if (outcome.outcome === 'UNKNOWN') {
      await deps.payments.recordStatusCheck(paymentId, now().toISOString());
      stillPending();
      return;
    }
    const { payment: settled, changed } = await applyOutcome(deps, payment, outcome);
    if (!changed) {
      if (settled.status === 'PROCESSING') stillPending();
      return; // settled by someone else meanwhile
    }
    if (settled.status === 'SUCCEEDED') report.succeeded++;
    else report.failed++;
  }

  /** The provider's status, each call bounded in time; no answer (or an error) is UNKNOWN. */
  async function askProvider(paymentId: string): Promise<ProviderOutcome> {
    const timeoutMs = options.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS;
    const unknown = (): ProviderOutcome => ({ outcome: 'UNKNOWN' });
    const timedOut = () => {
      report.timedOut++;
      return null;
    };
    try {
      const outcome = (await withTimeout(deps.provider.status(paymentId), timeoutMs, timedOut)) ?? unknown();
      // "Never received" becomes final only once the provider has cancelled the id: a pay() that
      // is still on its way to it would otherwise charge after we told the officer it did not.
      if (outcome.outcome !== 'NOT_CHARGED') return outcome;
      const cancelled = await withTimeout(deps.provider.cancel(paymentId), timeoutMs, timedOut);
      return cancelled?.outcome === 'CANCELLED' ? outcome : unknown();
    } catch {
      return unknown();
    }
  }
}

/** Since when a payment has been waiting on the provider: its creation, or the void's request. */
const pendingSince = (payment: PaymentRecord) => Date.parse(payment.status === 'VOIDING' ? payment.voidRequest!.at : payment.createdAt);
