/**
 * Crash under load (reliability.md FA3), bigger than in `npm test`: its own stack (DynamoDB Local with its
 * data on disk in a temporary folder, the API under serverless-offline), a mixed load, SIGKILL of both in
 * the middle, restart on the same data, the load finished and every cut write retried with its key.
 * Prints the counts and every broken invariant (exit 1 if any). tests/harness/crash-load.ts does the work.
 *
 *   npx tsx bench/crash-load.ts [--payments 120] [--orders 120] [--reads 120] [--concurrency 8]
 */
import '../scripts/lib/env';
import { cpus, totalmem } from 'node:os';
import { runCrashLoad } from '../tests/harness/crash-load';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

// The in-process jobs (settler, hold expiry) run as the test stage, like the API child.
Object.assign(process.env, {
  STAGE: 'test',
  TOKEN_SECRET: 'test-token-secret',
  CURSOR_SECRET: 'test-cursor-secret',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
process.env.AWS_REGION ??= 'cn-northwest-1';

async function main() {
  const size = {
    payments: option('payments', 120),
    orders: option('orders', 120),
    reads: option('reads', 120),
    concurrency: option('concurrency', 8),
  };
  console.log(
    `Crash under load on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(
    `load: ${size.payments} payments, ${size.orders} orders (half paid through the WeChat Pay stub's callback), ${size.reads} reads, ${size.concurrency} in flight\n`,
  );
  const report = await runCrashLoad(size, (line) => console.log(`  ${line}`));
  console.log('\ncounts:');
  for (const [name, value] of Object.entries(report.counts)) console.log(`  ${name}: ${value}`);
  for (const violation of report.violations) console.log(`  VIOLATION ${violation}`);
  if (report.violations.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
