/**
 * Cold `require` of packaged Lambda bundles, each in a fresh Node process as a new Lambda instance would
 * load it, against a handler that only loads the AWS SDK's DynamoDB clients (what every function needs
 * anyway). The SDK is not in the zips (the Lambda runtime ships it): it is resolved from this repository's
 * node_modules. Used by tests/integration/cold-start.test.ts (reports) and bench/cold-start.ts (medians).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, type PackagedStage } from './package-stage';

export const SDK_ONLY_HANDLER = `require('@aws-sdk/client-dynamodb'); require('@aws-sdk/lib-dynamodb');
exports.handler = async () => ({ statusCode: 200 });
`;

export interface FunctionBundle {
  /** The function's name (its zip), or the bundle's path when several share a zip. */
  name: string;
  /** The handler bundle inside the zip: `functions/handlers/market.js`. */
  bundle: string;
  bytes: number;
  /** The extracted zip's folder: the bundle is `join(dir, bundle)`. */
  dir: string;
}

/** Unzips every zip of the package into a temporary folder; one entry per handler bundle found in them. */
export function extractFunctions(pkg: PackagedStage): FunctionBundle[] {
  const root = mkdtempSync(join(tmpdir(), 'yinong-cold-'));
  return [...pkg.zips].flatMap(([zip, files]) => {
    const dir = join(root, zip.replace(/\.zip$/, ''));
    for (const [path, data] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    const bundles = [...files.keys()].filter((path) => path.startsWith('functions/') && path.endsWith('.js'));
    // One zip per function names the function; a shared zip (not packaged individually) names each bundle.
    const nameOf = (bundle: string) => (bundles.length === 1 ? zip.replace(/\.zip$/, '') : bundle);
    return bundles.map((bundle) => ({ name: nameOf(bundle), bundle, bytes: files.get(bundle)!.length, dir }));
  });
}

/** Writes the SDK-only handler beside the bundles: the baseline of every ratio. */
export function baselineHandler(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yinong-cold-baseline-'));
  const file = join(dir, 'sdk-only.js');
  writeFileSync(file, SDK_ONLY_HANDLER);
  return file;
}

export interface ColdRequire {
  /** Wall-clock milliseconds, as a Lambda instance with its own CPU would wait. */
  wallMs: number;
  /**
   * CPU milliseconds the process spent on it (user + system). On a loaded machine the wall time also counts
   * the time other processes held the CPU; the CPU time does not, so ratios of it stay meaningful there.
   */
  cpuMs: number;
}

/** `require` of the file in a fresh Node process (prod-like environment, no network touched). */
export function coldRequire(file: string): ColdRequire {
  const script = `const c = process.cpuUsage(); const t = process.hrtime.bigint(); const m = require(${JSON.stringify(file)});
const wallMs = Number(process.hrtime.bigint() - t) / 1e6; const u = process.cpuUsage(c);
if (typeof m.handler !== 'function') throw new Error('no handler');
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (u.user + u.system) / 1000 }));`;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: {
      PATH: process.env.PATH,
      NODE_PATH: join(ROOT, 'node_modules'),
      STAGE: 'prod',
      TABLE_NAME: 'yinong-prod',
      AWS_REGION: 'cn-northwest-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return JSON.parse(out) as ColdRequire;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface ColdStartFigures {
  baseline: ColdRequire;
  /** Medians per bundle (by FunctionBundle.name), with their ratios to the baseline's medians. */
  bundles: Map<string, ColdRequire & { wallRatio: number; cpuRatio: number }>;
}

/**
 * Medians of `runs` cold requires of the baseline and of every bundle, interleaved (each run loads the
 * baseline, then every bundle), so a burst of load on the machine weighs on both sides of each ratio alike.
 */
export function measureColdStarts(bundles: FunctionBundle[], runs: number): ColdStartFigures {
  const baselineFile = baselineHandler();
  const samples = new Map<string, ColdRequire[]>([['', []], ...bundles.map((b) => [b.name, []] as [string, ColdRequire[]])]);
  for (let run = 0; run < runs; run++) {
    samples.get('')!.push(coldRequire(baselineFile));
    for (const b of bundles) samples.get(b.name)!.push(coldRequire(join(b.dir, b.bundle)));
  }
  const medians = (of: ColdRequire[]): ColdRequire => ({ wallMs: median(of.map((s) => s.wallMs)), cpuMs: median(of.map((s) => s.cpuMs)) });
  const baseline = medians(samples.get('')!);
  return {
    baseline,
    bundles: new Map(
      bundles.map((b) => {
        const m = medians(samples.get(b.name)!);
        return [b.name, { ...m, wallRatio: m.wallMs / baseline.wallMs, cpuRatio: m.cpuMs / baseline.cpuMs }];
      }),
    ),
  };
}
