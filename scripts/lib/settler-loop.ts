/**
 * `npm start`'s stand-in for the deployed stage's scheduled settler: the same function, every 30 s,
 * in this process, against the local table. One run at a time; a failed run is reported, not fatal.
 */
export function startSettlerLoop(options: { endpoint: string; table: string; intervalMs?: number; say: (line: string) => void }) {
  process.env.DYNAMODB_ENDPOINT = options.endpoint;
  process.env.TABLE_NAME = options.table;
  process.env.STAGE ??= 'local';
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Loaded here so the functions' configuration reads the environment set above.
      const { runSettler } = await import('../../functions/jobs/settler');
      const report = await runSettler();
      if (report.checked > 0) {
        options.say(
          `settler: checked ${report.checked}, succeeded ${report.succeeded}, failed ${report.failed}, still pending ${report.stillPending}`,
        );
      }
    } catch (error) {
      options.say(`settler: run failed (${(error as Error).message}); next try in 30 s`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 30_000);
  return async () => clearInterval(timer);
}
