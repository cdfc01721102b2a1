/**
 * Builds the mini-program for one platform, skipping the build when nothing it depends on changed
 * since the last one (a hash of sources, config, shared code and the lockfile).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runToCompletion } from './child';
import { ROOT } from './table';

export type Platform = 'h5' | 'weapp';

const INPUTS = [
  'miniprogram/src',
  'miniprogram/config',
  'miniprogram/babel.config.js',
  'miniprogram/project.config.json',
  'shared',
  'package-lock.json',
];

export const distDir = (platform: Platform) => join(ROOT, 'miniprogram', 'dist', platform);

function hashInputs(platform: Platform, env: Record<string, string>): string {
  const hash = createHash('sha256').update(platform).update(JSON.stringify(env));
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  for (const input of INPUTS) visit(join(ROOT, input));
  return hash.digest('hex');
}

export async function buildMiniprogram(
  platform: Platform,
  options: { force?: boolean; env?: Record<string, string> } = {},
): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  // TARO_APP_* variables from the shell change what the build contains (API base, dev login).
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('TARO_APP_')) as Array<[string, string]>),
    ...options.env,
  };
  const stamp = join(distDir(platform), '.build-hash');
  const hash = hashInputs(platform, env);
  if (!options.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { built: false, ms: 0 };
  const { code, output } = await runToCompletion(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', platform], {
    cwd: join(ROOT, 'miniprogram'),
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  if (code !== 0 || !existsSync(distDir(platform))) {
    throw new Error(`The ${platform} build failed:\n${output.slice(-4000)}`);
  }
  writeFileSync(stamp, hash);
  return { built: true, ms: Date.now() - started };
}
