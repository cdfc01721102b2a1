/**
 * `osls package --stage <stage>` into a temporary folder, offline (no AWS credentials needed): the zipped
 * bundles and the CloudFormation template a deploy would send.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from './zip';

export const ROOT = join(__dirname, '..', '..');
export const OSLS = join(ROOT, 'node_modules', '.bin', 'osls');
export const NO_CREDENTIALS = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', SLS_TELEMETRY_DISABLED: '1' };

export interface PackagedStage {
  /** Every zip of the package (one per function when packaged individually), by file name. */
  zips: Map<string, Map<string, Buffer>>;
  template: string;
}

export function packageStage(stage: string): PackagedStage {
  const out = mkdtempSync(join(tmpdir(), `yinong-${stage}-`));
  try {
    execFileSync(OSLS, ['package', '--stage', stage, '--package', out], { cwd: ROOT, env: NO_CREDENTIALS, stdio: 'pipe' });
    const zips = new Map(
      readdirSync(out)
        .filter((name) => name.endsWith('.zip'))
        .map((name) => [name, readZip(join(out, name))] as const),
    );
    return { zips, template: readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** All files of all zips (the same path in two zips is the same bundle). */
export function allFiles(pkg: PackagedStage): Map<string, Buffer> {
  return new Map([...pkg.zips.values()].flatMap((files) => [...files]));
}
