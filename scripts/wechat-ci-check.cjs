// WeChat's pre-upload checks over a built weapp, offline: `node scripts/wechat-ci-check.cjs [distDir...]`.
// miniprogram-ci (tools/wechat-ci, kept apart from the main install) compiles the project as an upload
// would: app.json and page JSON syntax and schema, pages and components that do not exist, WXML and
// WXSS; `analyseCode` gives the dependency graph (unresolved requires, code shared across subpackages);
// every script is parsed. Then the package size limits WeChat applies at upload
// (2 MB per package, 20 MB in all). Prints one JSON line {dir, ok, errors, packages, totalBytes, ms} per folder and exits
// (miniprogram-ci leaves handles open). No WeChat server is asked: a dummy appid and key, the project
// attributes given locally, and every request sent to a closed local port.
const { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, sep } = require('node:path');
const vm = require('node:vm');

const ROOT = join(__dirname, '..');
const MB = 1024 * 1024;
const PACKAGE_LIMIT = 2 * MB;
const TOTAL_LIMIT = 20 * MB;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Bytes per package as WeChat counts them: each subpackage's root folder, the main package everything else. */
function packageSizes(dist) {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map(({ root }) => root.replace(/\/+$/, ''));
  const sizes = Object.fromEntries([['main', 0], ...roots.map((root) => [root, 0])]);
  for (const file of filesUnder(dist)) {
    const path = relative(dist, file).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.')) || path === 'project.config.json') continue;
    const root = roots.find((r) => path.startsWith(`${r}/`));
    sizes[root ?? 'main'] += statSync(file).size;
  }
  return sizes;
}

async function check(dist) {
  const started = Date.now();
  const errors = [];
  const packages = packageSizes(dist);
  const roots = Object.keys(packages).filter((name) => name !== 'main');
  const ci = require(join(ROOT, 'tools', 'wechat-ci', 'node_modules', 'miniprogram-ci'));
  ci.proxy('http://127.0.0.1:9');
  const keyDir = mkdtempSync(join(tmpdir(), 'wechat-ci-'));
  const privateKeyPath = join(keyDir, 'private.key');
  writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nnot-a-key\n-----END RSA PRIVATE KEY-----\n');
  try {
    const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: dist, privateKeyPath, ignores: ['node_modules/**/*'] });
    project.attr = async () => ({ ...ci.DefaultProjectAttr });
    try {
      await ci.getCompiledResult(
        {
          project,
          version: '0.0.0',
          setting: { es6: false, minify: false, minifyWXSS: false, minifyWXML: false, autoPrefixWXSS: false, codeProtect: false },
        },
        join(keyDir, 'out'),
      );
    } catch (error) {
      errors.push(`compile: ${String(error && error.message ? error.message : error)}`);
    }
    try {
      // The dependency graph the upload builds: a require, import, component or template it cannot resolve
      // carries an `error`; code of one subpackage reached from the main package or another subpackage fails
      // on the phone (WeChat loads a subpackage only when one of its pages opens).
      const analysis = await ci.analyseCode(project, { silent: true });
      const packageOf = (path) => roots.find((root) => path.startsWith(`${root}/`)) ?? 'main';
      // WeChat's cross-package require.async (分包异步化) downloads the other package first: allowed when
      // every mention of the path in the requiring file is such a call (i18n/locale-boot.weapp.ts).
      const onlyAsync = (module, request) => {
        const source = readFileSync(join(dist, module.path), 'utf8');
        const quoted = [JSON.stringify(request), `'${request}'`];
        const mentions = quoted.reduce((sum, text) => sum + source.split(text).length - 1, 0);
        const asyncCalls = quoted.reduce((sum, text) => sum + source.split(`require.async(${text})`).length - 1, 0);
        return mentions > 0 && mentions === asyncCalls;
      };
      for (const module of analysis?.modules ?? []) {
        for (const error of [...(module.errors ?? []), ...(module.buildError ? [module.buildError] : [])])
          errors.push(`${module.id}: ${JSON.stringify(error)}`);
        for (const dep of module.deps ?? []) {
          if (dep.error) errors.push(`unresolved: ${dep.error}`);
          else if (
            dep.path &&
            module.path &&
            module.type === 'Js' &&
            packageOf(dep.path) !== 'main' &&
            packageOf(dep.path) !== packageOf(module.path) &&
            !onlyAsync(module, dep.request)
          ) {
            errors.push(`cross-package: ${module.path} requires ${dep.path} (package ${packageOf(dep.path)})`);
          }
        }
      }
    } catch (error) {
      errors.push(`analyse: ${String(error && error.message ? error.message : error)}`);
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
  // JS syntax (with es6 off, the compile above does not parse scripts; turning it on costs ~40 s here).
  for (const file of filesUnder(dist).filter((path) => path.endsWith('.js'))) {
    try {
      new vm.Script(readFileSync(file, 'utf8'), { filename: relative(dist, file) });
    } catch (error) {
      errors.push(`syntax: ${relative(dist, file)}: ${error.message}`);
    }
  }
  for (const [name, bytes] of Object.entries(packages)) {
    if (bytes > PACKAGE_LIMIT) errors.push(`size: package ${name} is ${(bytes / MB).toFixed(2)} MB, over WeChat's 2 MB per package`);
  }
  const totalBytes = Object.values(packages).reduce((a, b) => a + b, 0);
  if (totalBytes > TOTAL_LIMIT) errors.push(`size: all packages ${(totalBytes / MB).toFixed(2)} MB, over WeChat's 20 MB`);
  return { ok: errors.length === 0, errors, packages, totalBytes, ms: Date.now() - started };
}

// Several folders in one run share the (slow) load of miniprogram-ci: one JSON line per folder, in order.
async function main(dirs) {
  let ok = true;
  for (const dir of dirs) {
    const result = await check(dir).catch((error) => ({ ok: false, errors: [`crashed: ${error && error.stack ? error.stack : error}`] }));
    process.stdout.write(`${JSON.stringify({ dir, ...result })}\n`);
    ok &&= result.ok;
  }
  process.exit(ok ? 0 : 1);
}

main(process.argv.length > 2 ? process.argv.slice(2) : [join(ROOT, 'miniprogram', 'dist', 'weapp')]);
