/**
 * `npm run bench`: every benchmark in turn. The API and payment benchmarks need `npm start` running;
 * the nearest-station one starts its own DynamoDB Local (China-scale part skipped: --china to add it).
 */
import { spawnSync } from 'node:child_process';

const runs: Array<[string, string[]]> = [
  ['bench/api.ts', []],
  ['bench/payments.ts', []],
  ['bench/nearest.ts', process.argv.includes('--china') ? [] : ['--skip-china']],
];
for (const [script, args] of runs) {
  console.log(`\n=== ${script} ${args.join(' ')}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
