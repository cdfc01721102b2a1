/**
 * esbuild plugins of the Lambda bundles (serverless.yml custom.esbuild.plugins), for cold starts (issue 17):
 * building the zod schemas is most of what a bundle does when it loads, so a bundle builds only those it uses.
 *
 * - shared/ (route table, zod schemas, constants) runs no code for its effects: its modules only define
 *   exports. Saying so lets esbuild leave out every shared module whose exports a bundle never uses (as for
 *   a package with `"sideEffects": false`): a job reading one constant through the `shared` index no longer
 *   builds the whole route table and every schema.
 * - An HTTP function's bundle keeps only its own entries of the route table (shared/routes.ts), so only its
 *   routes' schemas are built. The pipeline answers 404 to a route of another function either way (it never
 *   reaches it through API Gateway). The OpenAPI document (functions/http/openapi.ts, which `system` imports
 *   on its first request for it) reads a whole copy of the table of its own.
 *
 * The tests and the mini-program's build do not use these plugins; the HTTP integration suites run on
 * bundles built with them (serverless-offline), and tests/integration/cold-start.test.ts checks the result.
 */
const { readFileSync } = require('node:fs');
const { join, resolve, sep } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..', '..');
const SHARED = join(ROOT, 'shared') + sep;
const ROUTES = join(ROOT, 'shared', 'routes.ts');
/** The one module that reads every route (the OpenAPI document lists them all). */
const OPENAPI = join(ROOT, 'functions', 'http', 'openapi.ts');

/** @type {import('esbuild').Plugin} */
const sharedHasNoSideEffects = {
  name: 'shared-has-no-side-effects',
  setup(build) {
    build.onResolve({ filter: /shared/ }, async (args) => {
      if (args.pluginData?.sharedResolved) return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { sharedResolved: true },
      });
      if (result.errors.length > 0 || !result.path.startsWith(SHARED)) return undefined;
      return { ...result, sideEffects: false };
    });
  },
};

/**
 * `source` (a shared/ module) with each top-level `const X = <call>` built through a call marked pure,
 * `const X = /* @__PURE__ *\/ (() => <call>)()`: the same value in the same order, but esbuild may leave a
 * schema out when the bundle never reads it (a zod chain such as `z.string().check(...)` is otherwise kept
 * for fear its method calls act on something), so a module read for one constant builds only what is read.
 */
function pureTopLevelConsts(path, source) {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const cuts = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      let value = declaration.initializer;
      while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value))) value = value.expression;
      if (value && (ts.isCallExpression(value) || ts.isNewExpression(value)))
        cuts.push([declaration.initializer.getStart(file), declaration.initializer.end]);
    }
  }
  let out = source;
  for (const [start, end] of cuts.reverse()) out = `${out.slice(0, start)}/* @__PURE__ */ (() => ${out.slice(start, end)})()${out.slice(end)}`;
  return out;
}

/** @type {import('esbuild').Plugin} */
const sharedConstsArePure = {
  name: 'shared-consts-are-pure',
  setup(build) {
    build.onLoad({ filter: /[\\/]shared[\\/].*\.ts$/ }, (args) => {
      if (!args.path.startsWith(SHARED) || args.path === ROUTES) return undefined;
      return { contents: pureTopLevelConsts(args.path, readFileSync(args.path, 'utf8')), loader: 'ts' };
    });
  },
};

/** The function an HTTP handler serves: `createHttpHandler('prices', ...)` in its entry file; null for jobs. */
function httpFunctionOf(entry) {
  const match = /createHttpHandler\('(\w+)'/.exec(readFileSync(entry, 'utf8'));
  return match ? match[1] : null;
}

/** shared/routes.ts with only `functionName`'s entries in `routes = defineRoutes({...})`. */
function routesOf(source, functionName) {
  const file = ts.createSourceFile(ROUTES, source, ts.ScriptTarget.Latest, true);
  let table;
  file.forEachChild(function find(node) {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === 'routes' && node.initializer && ts.isCallExpression(node.initializer))
      table = node.initializer.arguments[0];
    else node.forEachChild(find);
  });
  if (!table || !ts.isObjectLiteralExpression(table)) throw new Error('shared/routes.ts: no `routes = defineRoutes({...})` table found');
  const functionOf = (entry) => {
    const prop =
      ts.isPropertyAssignment(entry) && ts.isObjectLiteralExpression(entry.initializer)
        ? entry.initializer.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(file) === 'function')
        : undefined;
    if (!prop || !ts.isStringLiteral(prop.initializer)) throw new Error(`shared/routes.ts: route ${entry.name?.getText(file)} names no function`);
    return prop.initializer.text;
  };
  const dropped = table.properties.filter((entry) => functionOf(entry) !== functionName);
  // Cut from the end so earlier positions stay valid; each entry goes with its trailing comma.
  let out = source;
  for (const entry of [...dropped].reverse()) {
    const end = source[entry.end] === ',' ? entry.end + 1 : entry.end;
    out = out.slice(0, entry.getFullStart()) + out.slice(end);
  }
  return out;
}

/** @type {import('esbuild').Plugin} */
const ownRoutesOnly = {
  name: 'own-routes-only',
  setup(build) {
    const entries = Object.values(build.initialOptions.entryPoints ?? {}).map((entry) => (typeof entry === 'string' ? entry : entry.in));
    const functionName = entries.length === 1 ? httpFunctionOf(resolve(build.initialOptions.absWorkingDir ?? ROOT, entries[0])) : null;
    if (!functionName) return;
    // The OpenAPI document's import of the table gets the whole table, as a module apart from the filtered one.
    build.onResolve({ filter: /shared[\\/]routes$/ }, (args) =>
      args.importer === OPENAPI ? { path: ROUTES, namespace: 'whole-route-table' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'whole-route-table' }, () => ({
      contents: readFileSync(ROUTES, 'utf8'),
      loader: 'ts',
      resolveDir: join(ROOT, 'shared'),
    }));
    build.onLoad({ filter: /[\\/]shared[\\/]routes\.ts$/ }, (args) => {
      if (args.path !== ROUTES) return undefined;
      return { contents: routesOf(readFileSync(ROUTES, 'utf8'), functionName), loader: 'ts' };
    });
  },
};

module.exports = [sharedHasNoSideEffects, sharedConstsArePure, ownRoutesOnly];
