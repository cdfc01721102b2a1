/**
 * Cold starts of the packaged prod functions: each zip's bundle size, and its cold `require` time (median
 * of fresh Node processes, runs interleaved with the baseline) against a handler that only loads the AWS
 * SDK's DynamoDB clients, in wall-clock and CPU time. Targets: bundle <= 300 KB, cold require CPU time
 * <= 1.2x the SDK-only handler's (both asserted by tests/integration/cold-start.test.ts).
 *
 *   npx tsx bench/cold-start.ts [--runs 9]
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { extractFunctions, measureColdStarts } from '../tests/harness/cold-start';
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
  const { baseline, bundles: figures } = measureColdStarts(bundles, runs);
  console.log(
    `SDK-only handler (client-dynamodb + lib-dynamodb)   cold require median ${baseline.wallMs.toFixed(0)} ms wall, ${baseline.cpuMs.toFixed(0)} ms CPU (${runs} runs)`,
  );
  console.log('(zip: all files of the zip, uncompressed; market and questions also carry pinyin-pro, required on their first search spelling)');
  console.log(`${'function'.padEnd(18)} ${'bundle'.padStart(9)}  ${'zip'.padStart(7)}  ${'wall'.padStart(7)}  ratio  ${'CPU'.padStart(6)}  ratio`);
  let missed = 0;
  for (const b of bundles) {
    const f = figures.get(b.name)!;
    const zipBytes = [...pkg.zips.get(`${b.name}.zip`)!.values()].reduce((sum, data) => sum + data.length, 0);
    // The CPU-time ratio decides: the wall time of a loaded machine also counts other processes' turns.
    const ok = f.cpuRatio <= RATIO_TARGET && b.bytes <= BUNDLE_LIMIT_KB * 1024;
    if (!ok) missed++;
    console.log(
      `${b.name.padEnd(18)} ${`${(b.bytes / 1024).toFixed(1)} KB`.padStart(9)}  ${`${(zipBytes / 1024).toFixed(0)} KB`.padStart(7)}  ${`${f.wallMs.toFixed(0)} ms`.padStart(7)}  ${f.wallRatio.toFixed(2)}x  ${`${f.cpuMs.toFixed(0)} ms`.padStart(6)}  ${f.cpuRatio.toFixed(2)}x${ok ? '' : '  MISSES target'}`,
    );
  }
  console.log(
    `\ntargets: bundle <= ${BUNDLE_LIMIT_KB} KB, cold require CPU time <= ${RATIO_TARGET}x the SDK-only handler's: ${missed ? `${missed} of ${bundles.length} miss` : 'all meet them'}`,
  );
}

main();
