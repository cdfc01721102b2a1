/**
 * Sizes of a weapp build by package, and a blank Taro app of the same versions and config to weigh
 * them against. The main package is what a villager downloads on the first scan; WeChat counts the
 * bytes of every file under the build outside the subpackage roots.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runToCompletion } from './child';
import { ROOT } from './table';

export interface PackageSizes {
  /** Bytes outside every subpackage root. */
  main: number;
  /** Bytes per subpackage root (e.g. `packages/officer`). */
  subpackages: Record<string, number>;
  /** Every file of the main package with its size, largest first. */
  mainFiles: Array<{ file: string; bytes: number }>;
}

function filesUnder(dir: string): Array<{ file: string; bytes: number }> {
  const out: Array<{ file: string; bytes: number }> = [];
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (name.startsWith('.')) continue; // the build's .build-hash stamp is not uploaded
      if (statSync(full).isDirectory()) visit(full);
      else out.push({ file: relative(dir, full).split(sep).join('/'), bytes: statSync(full).size });
    }
  };
  visit(dir);
  return out;
}

/** Splits a built weapp (its dist directory) into the main package and its subpackages, from its app.json. */
export function packageSizes(weappDist: string): PackageSizes {
  const appJson = JSON.parse(readFileSync(join(weappDist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((root) => [root, 0]));
  const mainFiles: Array<{ file: string; bytes: number }> = [];
  for (const entry of filesUnder(weappDist)) {
    const root = roots.find((candidate) => entry.file.startsWith(`${candidate}/`));
    if (root) subpackages[root] += entry.bytes;
    else mainFiles.push(entry);
  }
  mainFiles.sort((a, b) => b.bytes - a.bytes);
  return { main: mainFiles.reduce((sum, entry) => sum + entry.bytes, 0), subpackages, mainFiles };
}

const BLANK_APP = {
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'blank' } });\n",
  'src/app.tsx':
    "import type { PropsWithChildren } from 'react';\n\nexport default function App({ children }: PropsWithChildren) {\n  return children;\n}\n",
  'src/pages/index/index.config.ts': "export default definePageConfig({ navigationBarTitleText: 'blank' });\n",
  'src/pages/index/index.tsx':
    "import { Text, View } from '@tarojs/components';\n\nexport default function Index() {\n  return (\n    <View>\n      <Text>Hello</Text>\n    </View>\n  );\n}\n",
};

/** Files under miniprogram/src/ that miniprogram/config/ imports, so the blank app's copy of config/ loads. */
const CONFIG_IMPORTS_FROM_SRC = ['src/services/station-prefetch-global.ts'];

/**
 * Builds a blank one-page Taro app for weapp with this repository's Taro, React and webpack (its
 * node_modules) and the mini-program's own config/, babel and project files, in a temporary
 * directory under .tmp/ (inside the repository so that node_modules resolves). Returns its sizes.
 */
export async function buildBlankWeapp(): Promise<PackageSizes & { ms: number }> {
  const started = Date.now();
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp', 'blank-taro-'));
  try {
    const app = join(dir, 'miniprogram');
    cpSync(join(ROOT, 'miniprogram', 'config'), join(app, 'config'), { recursive: true });
    cpSync(join(ROOT, 'miniprogram', 'types'), join(app, 'types'), { recursive: true });
    for (const file of ['babel.config.js', 'project.config.json', 'tsconfig.json']) cpSync(join(ROOT, 'miniprogram', file), join(app, file));
    cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    // Modules of src/ that the config itself imports (not the app's code: nothing imports them in the blank app).
    for (const file of CONFIG_IMPORTS_FROM_SRC) cpSync(join(ROOT, 'miniprogram', file), join(app, file));
    // The config copies src/assets/ (the app's map marker); an empty file keeps the copy step working and adds nothing.
    mkdirSync(join(app, 'src', 'assets'), { recursive: true });
    writeFileSync(join(app, 'src', 'assets', 'empty.txt'), '');
    for (const [file, text] of Object.entries(BLANK_APP)) {
      mkdirSync(join(app, file, '..'), { recursive: true });
      writeFileSync(join(app, file), text);
    }
    const { code, output } = await runToCompletion(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
      cwd: app,
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: '', TARO_APP_DEV_LOGIN: '' },
    });
    if (code !== 0) throw new Error(`The blank weapp build failed:\n${output.slice(-4000)}`);
    return { ...packageSizes(join(app, 'dist', 'weapp')), ms: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
