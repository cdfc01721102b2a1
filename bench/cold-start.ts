/**
 * Cold starts of the packaged prod functions: each zip's bundle size, and its cold `require` time (median
 * of fresh Node processes, runs interleaved with the baseline) against a handler that only loads the AWS
 * SDK's DynamoDB clients. Targets: bundle <= 300 KB (asserted by tests/integration/cold-start.test.ts),
 * cold require <= 1.2x the SDK-only handler (reported here).
 *
 *   npx tsx bench/cold-start.ts [--runs 9]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { baselineHandler, coldRequireMs, extractFunctions, median } from '../tests/harness/cold-start';
import { packageStage } from '../tests/harness/package-stage';

const RATIO_TARGET = 1.2;
const BUNDLE_LIMIT_KB = 300;
const runs = process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 9;

function main() {
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg()[0].toFixed(1)}`,
  );
  const started = Date.now();
  const pkg = packageStage('prod');
  console.log(`prod package: ${((Date.now() - started) / 1000).toFixed(1)} s (reused when its inputs did not change), ${pkg.zips.size} zips\n`);
  const bundles = extractFunctions(pkg);
  const baselineFile = baselineHandler();
  const baseline: number[] = [];
  const times = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
  for (let run = 0; run < runs; run++) {
    baseline.push(coldRequireMs(baselineFile));
    for (const b of bundles) times.get(b.name)!.push(coldRequireMs(join(b.dir, b.bundle)));
  }
  const base = median(baseline);
  console.log(`SDK-only handler (client-dynamodb + lib-dynamodb)   cold require median ${base.toFixed(0)} ms (${runs} runs)`);
  console.log(`${'function'.padEnd(18)} ${'bundle'.padStart(9)}  ${'zip'.padStart(9)}  ${'require'.padStart(8)}  ratio`);
  let missed = 0;
  for (const b of bundles) {
    const ms = median(times.get(b.name)!);
    const ratio = ms / base;
    const zipBytes = [...pkg.zips.get(`${b.name}.zip`)!.values()].reduce((sum, data) => sum + data.length, 0);
    const ok = ratio <= RATIO_TARGET && b.bytes <= BUNDLE_LIMIT_KB * 1024;
    if (!ok) missed++;
    console.log(
      `${b.name.padEnd(18)} ${`${(b.bytes / 1024).toFixed(1)} KB`.padStart(9)}  ${`${(zipBytes / 1024).toFixed(0)} KB`.padStart(9)}  ${`${ms.toFixed(0)} ms`.padStart(8)}  ${ratio.toFixed(2)}x${ok ? '' : '  MISSES target'}`,
    );
  }
  console.log(
    `\ntargets: bundle <= ${BUNDLE_LIMIT_KB} KB, cold require <= ${RATIO_TARGET}x the SDK-only handler: ${missed ? `${missed} of ${bundles.length} miss` : 'all meet them'}`,
  );
}

main();
