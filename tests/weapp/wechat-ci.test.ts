/**
 * WeChat's pre-upload checks (miniprogram-ci, offline: scripts/wechat-ci-check.cjs) over the weapp build:
 * app.json and page JSON schema, pages and components that do not exist, unresolved requires, code of a
 * subpackage reached from elsewhere, script syntax, 2 MB per package and 20 MB in all. What the upload
 * would refuse fails here first. Needs `npm run build:weapp` (npm test builds it).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'miniprogram', 'dist', 'weapp');
const CHECK = join(ROOT, 'scripts', 'wechat-ci-check.cjs');

interface CheckResult {
  ok: boolean;
  errors: string[];
  packages: Record<string, number>;
  totalBytes: number;
  ms: number;
}

/** Checks the folders in one process (loading miniprogram-ci takes seconds): one result per folder. */
function check(dirs: string[]): Promise<CheckResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHECK, ...dirs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const results = out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as CheckResult & { dir: string });
      const missing = dirs.filter((dir) => !results.some((result) => result.dir === dir));
      if (missing.length) reject(new Error(`no result from ${CHECK} for ${missing.join(', ')}:\n${out}`));
      else resolve(dirs.map((dir) => results.find((result) => result.dir === dir)!));
    });
  });
}

/** A copy of the build with `damage` done to it. */
function brokenCopy(damage: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'weapp-ci-'));
  cpSync(DIST, dir, { recursive: true });
  damage(dir);
  return dir;
}

const editJson = (path: string, edit: (json: any) => void) => {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json));
};

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  if (!existsSync(join(DIST, 'app.json'))) throw new Error(`No weapp build in ${DIST}: run \`npm run build:weapp\` first`);
  if (!existsSync(join(ROOT, 'tools', 'wechat-ci', 'node_modules', 'miniprogram-ci'))) {
    throw new Error('miniprogram-ci is not installed: `npm install --prefix tools/wechat-ci` (npm test does it)');
  }
});

describe("WeChat's pre-upload checks (miniprogram-ci)", () => {
  it('pass on the weapp build, every package within 2 MB and all within 20 MB', async () => {
    const [result] = await check([DIST]);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(
      `miniprogram-ci: ${result.ms} ms; ${Object.entries(result.packages)
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(', ')}; total ${kb(result.totalBytes)}`,
    );
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.packages).length).toBeGreaterThan(5);
  });

  it('refuse what an upload would refuse: app.json schema, a missing page, a missing component, an unresolved require, a subpackage reached from the main package, bad syntax, an oversized package', async () => {
    const schema = brokenCopy((dir) => editJson(join(dir, 'app.json'), (app) => (app.window.navigationBarTextStyle = 'blue')));
    const missingPage = brokenCopy((dir) => editJson(join(dir, 'app.json'), (app) => app.pages.push('pages/ghost/index')));
    const missingComponent = brokenCopy((dir) =>
      editJson(join(dir, 'pages/station/index.json'), (page) => (page.usingComponents.comp = '../../nope')),
    );
    // These the dependency graph, the parser and the size count find whatever the compile says.
    const code = brokenCopy((dir) => {
      appendFileSync(join(dir, 'pages/station/index.js'), '\nrequire("./does-not-exist.js");\n');
      appendFileSync(join(dir, 'pages/index/index.js'), '\nrequire("../../packages/me/pages/index/index.js");\n');
      // Beside app.js's require.async of the Tibetan catalogue (allowed), a plain require of it is not.
      appendFileSync(join(dir, 'app.js'), '\nrequire("./packages/me/i18n-bo.js");\n');
      appendFileSync(join(dir, 'packages/find/pages/search/index.js'), '\nfunction (\n');
      appendFileSync(join(dir, 'packages/market/pages/index/index.js'), `\n/*${'x'.repeat(2 * 1024 * 1024)}*/\n`);
    });
    copies.push(schema, missingPage, missingComponent, code);
    const [a, b, c, d] = await check([schema, missingPage, missingComponent, code]);
    expect(a.errors.join('\n')).toMatch(/app\.json: window\.navigationBarTextStyle/);
    expect(b.errors.join('\n')).toMatch(/app\.json: \["pages"\]\[\d+\] could not find the corresponding file: "pages\/ghost\/index\.wxml"/);
    expect(c.errors.join('\n')).toMatch(/pages\/station\/index\.json: \["usingComponents"\]\["comp"\]: "\.\.\/\.\.\/nope", component not found/);
    const codeErrors = d.errors.join('\n');
    expect(codeErrors).toMatch(/unresolved: Couldn't resolve the Js file "\.\/does-not-exist\.js"/);
    expect(codeErrors).toMatch(/cross-package: pages\/index\/index\.js requires packages\/me\/pages\/index\/index\.js/);
    expect(codeErrors).toMatch(/cross-package: app\.js requires packages\/me\/i18n-bo\.js/);
    expect(codeErrors).toMatch(/syntax: packages\/find\/pages\/search\/index\.js/);
    expect(codeErrors).toMatch(/size: package packages\/market is 2\.\d\d MB, over WeChat's 2 MB per package/);
    expect([a.ok, b.ok, c.ok, d.ok]).toEqual([false, false, false, false]);
  });
});
