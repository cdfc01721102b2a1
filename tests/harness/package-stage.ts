/**
 * `osls package --stage <stage>`, offline (no AWS credentials needed): the per-function zips and the
 * CloudFormation template a deploy would send. Packaging a stage takes 10-30 s, so the result is kept in
 * .tmp/package/<stage> and reused while nothing it is built from changed (serverless.yml, the lockfile,
 * scripts/lib/*.cjs, functions/, shared/): the template checks and the cold-start check share one packaging.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readZip } from './zip';

export const ROOT = join(__dirname, '..', '..');
export const OSLS = join(ROOT, 'node_modules', '.bin', 'osls');
export const NO_CREDENTIALS = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', SLS_TELEMETRY_DISABLED: '1' };

export interface PackagedStage {
  /** Where the package lies (zips, templates). */
  dir: string;
  /** Every zip of the package (one per function), by file name. */
  zips: Map<string, Map<string, Buffer>>;
  template: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A hash of everything the package is built from. */
function inputsHash(stage: string): string {
  const hash = createHash('sha256').update(stage);
  const inputs = [
    join(ROOT, 'serverless.yml'),
    join(ROOT, 'package-lock.json'),
    ...filesUnder(join(ROOT, 'scripts', 'lib')).filter((file) => file.endsWith('.cjs')),
    ...filesUnder(join(ROOT, 'functions')),
    ...filesUnder(join(ROOT, 'shared')),
  ].sort();
  for (const file of inputs) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Test files in parallel jest workers package at once: `osls package` shares the repository's build folders
 * (.esbuild, .serverless), so two runs at once stall or clobber each other. One package at a time, across
 * processes: the lock is a folder (mkdir is atomic); a lock older than the slowest packaging is a dead worker's.
 */
function withPackageLock<T>(work: () => T): T {
  const lock = join(ROOT, '.tmp', 'package', '.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(sleeper, 0, 0, 500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const STALE_LOCK_MS = 15 * 60_000;

export function packageStage(stage: string): PackagedStage {
  const dir = join(ROOT, '.tmp', 'package', stage);
  const stampFile = join(dir, '.inputs');
  const stamp = inputsHash(stage);
  withPackageLock(() => {
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync(OSLS, ['package', '--stage', stage, '--package', dir], { cwd: ROOT, env: NO_CREDENTIALS, stdio: 'pipe' });
    writeFileSync(stampFile, stamp);
  });
  const zips = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.zip'))
      .map((name) => [name, readZip(join(dir, name))] as const),
  );
  return { dir, zips, template: readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8') };
}

/** All files of all zips (the same path in two zips is the same bundle). */
export function allFiles(pkg: PackagedStage): Map<string, Buffer> {
  return new Map([...pkg.zips.values()].flatMap((files) => [...files]));
}
