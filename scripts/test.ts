/**
 * `npm test`: prerequisites -> typecheck -> weapp and H5 builds -> one jest run (unit, ui,
 * integration on DynamoDB Local, e2e in Chromium, weapp compiled by WeChat's compilers), then a
 * closing line "N passed, N failed". Extra arguments go to jest (`npm test -- tests/unit`).
 */
import './lib/env';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMiniprogram } from './lib/miniprogram-build';
import { ensurePrerequisites, thisMachine } from './lib/prerequisites';
import { ROOT } from './lib/table';

const step = (name: string) => process.stdout.write(`\n[test] ${name}\n`);
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = ROOT): number {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  return result.status ?? 1;
}

async function main() {
  const started = Date.now();
  const jestArgs = process.argv.slice(2);
  const timings: string[] = [];
  const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
    const t = Date.now();
    const result = await work();
    timings.push(`${label} ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };

  step('prerequisites');
  if (!ensurePrerequisites('test', thisMachine, (line) => process.stdout.write(`[test] ${line}\n`))) {
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  }

  // Lint and format first: they take seconds and name the line, where a build or a test would not.
  step('lint (ESLint) and format (Prettier --check)');
  const lintCache = ['--cache', '--cache-location', join(ROOT, '.tmp', 'eslintcache')];
  const lintStatus = await time(
    'lint',
    () => run(bin('eslint'), [...lintCache, '.']) || run(bin('prettier'), ['--check', '--log-level', 'warn', '.']),
  );
  if (lintStatus !== 0) {
    process.stdout.write('\n[test] fix with `npm run format` (Prettier, then ESLint --fix), then what remains by hand\n0 passed, 1 failed\n');
    process.exit(1);
  }

  step('typecheck (tsc --noEmit)');
  if ((await time('typecheck', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']))) !== 0) {
    process.stdout.write('\n0 passed, 1 failed\n');
    process.exit(1);
  }

  // WeChat's pre-upload checks (tests/weapp/wechat-ci.test.ts) use miniprogram-ci: ~650 packages kept
  // out of the main install, in their own folder with their own lockfile.
  if (!existsSync(join(ROOT, 'tools', 'wechat-ci', 'node_modules', 'miniprogram-ci'))) {
    step('installing miniprogram-ci (tools/wechat-ci)');
    if (
      (await time('wechat-ci install', () => run('npm', ['install', '--no-audit', '--no-fund'], process.env, join(ROOT, 'tools', 'wechat-ci')))) !== 0
    ) {
      process.stdout.write('\n0 passed, 1 failed\n');
      process.exit(1);
    }
  }

  step('mini-program builds (weapp, H5)');
  for (const platform of ['weapp', 'h5'] as const) {
    const result = await time(`build ${platform}`, () => buildMiniprogram(platform));
    process.stdout.write(`[test] ${platform}: ${result.built ? `built in ${(result.ms / 1000).toFixed(1)} s` : 'up to date'}\n`);
  }

  step('jest');
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const resultsFile = join(ROOT, '.tmp', 'jest-results.json');
  const status = await time('jest', () =>
    run(bin('jest'), ['--runInBand', '--json', `--outputFile=${resultsFile}`, ...jestArgs], { ...process.env, CI: process.env.CI ?? '' }),
  );

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numRuntimeErrorTestSuites: number;
    };
    passed = results.numPassedTests;
    failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    skipped = results.numPendingTests + results.numTodoTests;
  } catch {
    failed = Math.max(failed, 1);
  }
  // Nothing is skipped in CI: a skipped test there is a failure.
  if (process.env.CI && skipped > 0) {
    process.stdout.write(`[test] ${skipped} test(s) skipped under CI=true: not allowed\n`);
    failed += skipped;
  }
  timings.push(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`\n[test] ${timings.join(', ')}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(status === 0 && failed === 0 ? 0 : 1);
}

main().catch((error) => {
  process.stderr.write(`[test] ${(error as Error).message}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
