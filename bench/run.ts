/**
 * `npm run bench`: every benchmark in turn. The API and payment benchmarks need `npm start` running;
 * the nearest-station, feed and price ones start their own DynamoDB Local (China-scale part skipped: --china to add it);
 * the marketplace and offline-replay ones start their own stack (DynamoDB Local and the API);
 * the slow-link one starts its own stack (DynamoDB Local, API, web server) and Chromium; the weapp
 * size one builds the app and a blank Taro app; the cold-start one packages the prod stage (offline). `npm run bench -- --only h5-slow-link` runs one.
 */
import { spawnSync } from 'node:child_process';

const runs: Array<[string, string[]]> = [
  ['bench/api.ts', []],
  ['bench/payments.ts', []],
  ['bench/market.ts', []],
  ['bench/supervision.ts', []],
  ['bench/nearest.ts', process.argv.includes('--china') ? [] : ['--skip-china']],
  ['bench/feeds.ts', []],
  ['bench/notify.ts', []],
  ['bench/prices.ts', []],
  ['bench/offline-replay.ts', []],
  ['bench/h5-slow-link.ts', []],
  ['bench/weapp-size.ts', []],
  ['bench/cold-start.ts', []],
];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
for (const [script, args] of runs) {
  if (only && !script.includes(only)) continue;
  console.log(`\n=== ${script} ${args.join(' ')}`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
