/**
 * `npm start`'s stand-in for the deployed stage's scheduled order releaser (functions/jobs/order-releaser.ts):
 * every 30 s, in this process, against the local table. One run at a time; a failed run is reported, not fatal.
 * Reading an order makes the same check, so a hold never outlives its 15 minutes by more than a run.
 */
export function startOrderReleaserLoop(options: { endpoint: string; table: string; intervalMs?: number; say: (line: string) => void }) {
  process.env.DYNAMODB_ENDPOINT = options.endpoint;
  process.env.TABLE_NAME = options.table;
  process.env.STAGE ??= 'local';
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Loaded here so the functions' configuration reads the environment set above.
      const { runOrderReleaser } = await import('../../functions/jobs/order-releaser');
      const report = await runOrderReleaser();
      if (report.released > 0) options.say(`order releaser: ${report.released} unpaid orders past their hold released, stock returned`);
    } catch (error) {
      options.say(`order releaser: run failed (${(error as Error).message}); next try in 30 s`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 30_000);
  return async () => clearInterval(timer);
}
