/**
 * `npm start`'s stand-ins for the deployed stage's scheduled functions: the same job functions, in
 * this process, against the local table, each on its own timer. One run of a job at a time; a failed
 * run is reported, not fatal. Jobs are loaded on their first run, so the functions' configuration
 * reads the environment set here.
 */
interface LocalJob {
  name: string;
  everyMs: number;
  /** One run; answers the lines worth printing (none when it found nothing to do). */
  run: () => Promise<string[]>;
}

const LOCAL_JOBS: LocalJob[] = [
  {
    // Deployed: every minute (serverless.yml `settler`).
    name: 'settler',
    everyMs: 30_000,
    async run() {
      const { runSettler, runPayLinkSettler } = await import('../../functions/jobs/settler');
      const report = await runSettler();
      const links = await runPayLinkSettler();
      return [
        ...(report.checked > 0
          ? [`checked ${report.checked}, succeeded ${report.succeeded}, failed ${report.failed}, still pending ${report.stillPending}`]
          : []),
        ...(links.checked > 0
          ? [`pay links: checked ${links.checked}, paid ${links.paid}, expired ${links.expired}, still pending ${links.stillPending}`]
          : []),
      ];
    },
  },
  {
    // Deployed: invoked after each alert's publish and every minute; the local adapter records each
    // subscribe message instead of sending it (`npm run sent-messages` lists them).
    name: 'notifier',
    everyMs: 5_000,
    async run() {
      const { runNotifier } = await import('../../functions/jobs/notifier');
      return (await runNotifier()).map(
        (report) => `alert ${report.feedId}: sent ${report.sent}, refused ${report.refused}, failed ${report.failed}, skipped ${report.skipped}`,
      );
    },
  },
  {
    // Deployed: every 15 minutes; unanswered questions reach the prefecture's, then the province's experts.
    name: 'question escalator',
    everyMs: 60_000,
    async run() {
      const { runEscalation } = await import('../../functions/jobs/question-escalator');
      const escalated = await runEscalation();
      return escalated > 0 ? [`escalated ${escalated} unanswered question(s)`] : [];
    },
  },
  {
    // Deployed: every minute. Reading an order makes the same check, so a hold never outlives its
    // 15 minutes by more than a run.
    name: 'order releaser',
    everyMs: 30_000,
    async run() {
      const { runOrderReleaser } = await import('../../functions/jobs/order-releaser');
      const report = await runOrderReleaser();
      return report.released > 0 ? [`${report.released} unpaid orders past their hold released, stock returned`] : [];
    },
  },
  {
    // Deployed: every minute. Service ledger entries applied to their regions' figures, each once.
    name: 'service roll-up',
    everyMs: 10_000,
    async run() {
      const { runServiceRollup } = await import('../../functions/jobs/service-rollup');
      const report = await runServiceRollup();
      return report.applied > 0 ? [`${report.applied} service records rolled up into their regions`] : [];
    },
  },
  {
    // Deployed: every minute. Pending orders older than a minute are queried at the WeChat Pay stub:
    // one paid there whose notification never arrived is marked paid (opening the order does the same).
    name: 'payment recoverer',
    everyMs: 30_000,
    async run() {
      const { runPaymentRecoverer } = await import('../../functions/jobs/payment-recoverer');
      const report = await runPaymentRecoverer();
      return report.recovered > 0 ? [`${report.recovered} paid orders whose notification was missed marked paid`] : [];
    },
  },
];

export function startLocalJobs(options: { endpoint: string; table: string; say: (line: string) => void }): () => Promise<void> {
  process.env.DYNAMODB_ENDPOINT = options.endpoint;
  process.env.TABLE_NAME = options.table;
  process.env.STAGE ??= 'local';
  const timers = LOCAL_JOBS.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        for (const line of await job.run()) options.say(`${job.name}: ${line}`);
      } catch (error) {
        options.say(`${job.name}: run failed (${(error as Error).message}); next try in ${job.everyMs / 1000} s`);
      } finally {
        running = false;
      }
    };
    return setInterval(() => void tick(), job.everyMs);
  });
  return async () => timers.forEach((timer) => clearInterval(timer));
}
