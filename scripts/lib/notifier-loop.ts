/**
 * `npm start`'s stand-in for the deployed stage's notifier (invoked after each publish and every
 * minute): the same function every 5 s, in this process, against the local table, where the local
 * adapter records each subscribe message instead of sending it (`npm run sent-messages` lists them).
 */
export function startNotifierLoop(options: { endpoint: string; table: string; intervalMs?: number; say: (line: string) => void }) {
  process.env.DYNAMODB_ENDPOINT = options.endpoint;
  process.env.TABLE_NAME = options.table;
  process.env.STAGE ??= 'local';
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Loaded here so the functions' configuration reads the environment set above.
      const { runNotifier } = await import('../../functions/jobs/notifier');
      for (const report of await runNotifier()) {
        options.say(
          `notifier: alert ${report.feedId}: sent ${report.sent}, refused ${report.refused}, failed ${report.failed}, skipped ${report.skipped}`,
        );
      }
    } catch (error) {
      options.say(`notifier: run failed (${(error as Error).message}); next try in 5 s`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5_000);
  return async () => clearInterval(timer);
}
