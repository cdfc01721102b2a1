/**
 * `npm run bench`: every figure of the README's performance tables, one benchmark after another, the
 * machine stated first and a summary table of every figure line at the end (each row names its
 * benchmark: the source of a README figure). Nothing needs to be running: the API and payment
 * benchmarks get a stack started here (in-memory DynamoDB Local seeded with Qinghai, the API as the
 * local stage, free ports) unless API_URL names one (`npm start`); every other benchmark starts its own
 * (nearest, feeds, prices, notify, supervision: DynamoDB Local; market, load, crash-load, h5-slow-link:
 * DynamoDB Local and the API; h5-slow-link also a web server and Chromium), weapp-size builds the app
 * and a blank Taro app, cold-start packages the prod stage (offline).
 *
 *   npm run bench [-- --only <name>] [-- --china]   (--china adds the China-scale nearest run)
 *
 * Not measured here: `npm install`, `npm start` and `npm test` times (the README takes them from a
 * clean-clone `.ci/run`).
 */
import '../scripts/lib/env';
import { spawn } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { withSeededStack } from './lib/stack';

const runs: Array<{ script: string; args: string[]; needsStack?: boolean }> = [
  { script: 'bench/api.ts', args: [], needsStack: true },
  { script: 'bench/payments.ts', args: [], needsStack: true },
  { script: 'bench/market.ts', args: [] },
  { script: 'bench/load.ts', args: [] },
  { script: 'bench/crash-load.ts', args: [] },
  { script: 'bench/supervision.ts', args: [] },
  { script: 'bench/nearest.ts', args: process.argv.includes('--china') ? [] : ['--skip-china'] },
  { script: 'bench/feeds.ts', args: [] },
  { script: 'bench/notify.ts', args: [] },
  { script: 'bench/prices.ts', args: [] },
  { script: 'bench/offline-replay.ts', args: [] },
  { script: 'bench/h5-slow-link.ts', args: [] },
  { script: 'bench/weapp-size.ts', args: [] },
  { script: 'bench/cold-start.ts', args: [] },
];

/** A line that states a measured figure (a time, a rate, a size, a count of calls or of broken invariants). */
const FIGURE =
  /\d[\d,.]*\s?(ms|s|req\/s|orders\/s|payments\/s|requests\/s|B|KB|KiB|MB|x)\b|\s\d+ \(HTTP \d{3}\)|: \d|DynamoDB calls|Queries|oversells|violations|VIOLATION|stored|2xx|settled/;
const NOT_A_FIGURE =
  /:$|^(Machine|stack|load:|API |H5 build|weapp build|Page:|prod package|Crash under load on|Load benchmark|Marketplace benchmark)/;

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, Linux ${release()}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`;
}

function runBench(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ status: code ?? 1, lines: output.split('\n') }));
  });
}

async function main() {
  const where = machine();
  console.log(`Machine: ${where}`);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const chosen = runs.filter((r) => !only || r.script.includes(only));
  const summary: Array<[string, string]> = [];
  const failed: string[] = [];
  const runAll = async (stackEnv: Record<string, string> = {}) => {
    for (const { script, args, needsStack } of chosen) {
      console.log(`\n=== ${script} ${args.join(' ')}`);
      const env = { ...process.env, ...(needsStack ? stackEnv : {}) };
      const { status, lines } = await runBench(script, args, env);
      if (status !== 0) failed.push(`${script} (exit ${status})`);
      for (const line of lines) if (FIGURE.test(line) && !NOT_A_FIGURE.test(line.trim())) summary.push([script.replace(/^bench\//, ''), line.trim()]);
    }
  };
  if (!process.env.API_URL && chosen.some((r) => r.needsStack)) {
    const label = 'stack for api.ts and payments.ts';
    await withSeededStack({ stage: 'local', label }, ({ apiUrl, dynamodbPort }) => runAll({ API_URL: apiUrl, DYNAMODB_PORT: String(dynamodbPort) }));
  } else {
    await runAll();
  }
  console.log(`\n=== summary: every figure line above, by benchmark (${where})\n`);
  const width = Math.max(...summary.map(([b]) => b.length), 'bench'.length);
  console.log(`| ${'bench'.padEnd(width)} | figure |`);
  console.log(`| ${'-'.repeat(width)} | ------ |`);
  for (const [bench, line] of summary) console.log(`| ${bench.padEnd(width)} | ${line.replace(/\|/g, '\\|')} |`);
  if (failed.length) {
    console.log(`\nfailed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
