/**
 * FA3 (reliability.md): the API and DynamoDB Local (data on disk) are killed with SIGKILL in the middle of
 * a mixed load of reads, payments, orders, WeChat Pay callbacks and the settler and expiry jobs, restarted
 * on the same data folder, and the load finished with every unanswered write retried under its own
 * Idempotency-Key. Counted in the table afterwards: every 2xx is present, nothing is duplicated or lost,
 * stock and ledgers add up, nothing is left in flight (tests/harness/crash-load.ts lists each check).
 * `npm run bench` runs it bigger (bench/crash-load.ts).
 */
import { runCrashLoad, SMALL } from '../harness/crash-load';

describe('crash under load (FA3)', () => {
  it('SIGKILL of the API and DynamoDB Local mid-load, restart on the same data: every 2xx kept, no duplicate, invariants hold', async () => {
    const report = await runCrashLoad(SMALL);
    expect(report.violations).toEqual([]);
    // The kill really cut requests (else this proves nothing), and the retries brought each to a final answer.
    expect(report.counts['writes cut by the kill (no answer or 5xx)']).toBeGreaterThan(0);
    expect(report.counts['payments 2xx']).toBeGreaterThan(0);
    expect(report.counts['orders 2xx']).toBeGreaterThan(0);
    expect(report.counts['callbacks delivered (2xx)']).toBeGreaterThan(0);
    expect(report.counts['payments settled by the settler (in flight when answered)']).toBeGreaterThan(0);
  }, 240_000);
});
