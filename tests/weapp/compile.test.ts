/**
 * The weapp build, compiled by WeChat's own WXML/WXSS compilers (wcc/wcsc from miniprogram-compiler,
 * the binaries WeChat DevTools ships): what DevTools would reject on import fails here first.
 * Needs `npm run build:weapp` (npm test builds it).
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import vm from 'node:vm';
import { BO_CATALOGUE_FILE, BO_MAIN_VERSION } from '../../miniprogram/src/i18n/locale-keys';
import { boErrors, boMessages } from '../../miniprogram/src/i18n/messages/bo';
// CommonJS package without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wxmlToJs, wxssToJs } = require('miniprogram-compiler') as {
  wxmlToJs: (root: string) => string;
  wxssToJs: (root: string) => string;
};

const DIST = join(__dirname, '..', '..', 'miniprogram', 'dist', 'weapp');
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
}

function subPackagesOf(app: AppJson) {
  return app.subPackages ?? app.subpackages ?? [];
}

/** Every page of app.json, subpackage pages with their root: `packages/officer/pages/index/index`. */
function allPages(app: AppJson): string[] {
  const sub = subPackagesOf(app).flatMap(({ root, pages }) => pages.map((page) => `${root.replace(/\/+$/, '')}/${page}`));
  return [...app.pages, ...sub];
}

interface StyleStub {
  path?: string;
  childNodes: Array<{ nodeValue: string }>;
}

/**
 * Runs compiler output in a sandbox that looks enough like the WeChat webview for it to load; the
 * stylesheets it injects are collected in `styles` (path -> CSS text with rpx turned into px).
 */
function evaluate<T>(code: string, styles: Map<string, string> = new Map()): T {
  const injected: StyleStub[] = [];
  const document = {
    head: {
      appendChild: (style: StyleStub) => injected.push(style),
    },
    getElementsByTagName: () => [document.head],
    createElement: (): StyleStub & { setAttribute(name: string, value: string): void; appendChild(node: { nodeValue: string }): void } => {
      const style: StyleStub & { setAttribute(name: string, value: string): void; appendChild(node: { nodeValue: string }): void } = {
        childNodes: [],
        setAttribute: (name, value) => {
          if (name === 'wxss:path') style.path = value;
        },
        appendChild: (node) => {
          style.childNodes.push(node);
          styles.set(style.path ?? '', node.nodeValue);
        },
      };
      return style;
    },
    createTextNode: (text: string) => ({ nodeValue: text }),
  };
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent: 'jest' },
    screen: { width: 375, height: 812 },
    devicePixelRatio: 2,
    document,
  };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  const factory = vm.runInContext(`(function (global) {${code}\n})`, sandbox) as (global: object) => T;
  return factory(sandbox);
}

type Gwx = (path: string) => ((data: object, env: object, root: object) => unknown) | undefined;
/** A page's stylesheet: call it to inject its CSS. */
type WxssLookup = (path: string) => ((suffix?: string, options?: object) => void) | undefined;

function compileWxml(dir: string): Gwx {
  return evaluate<Gwx>(wxmlToJs(dir));
}

function compileWxss(dir: string, styles?: Map<string, string>): WxssLookup {
  let code: string;
  try {
    code = wxssToJs(dir);
  } catch (error) {
    // The wrapper loses wcsc's message (it returns the Error instead of throwing it, then fails
    // reading it): ask wcsc again for the real diagnosis.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wcsc = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[]) => unknown;
    const files = filesUnder(dir)
      .filter((file) => file.endsWith('.wxss'))
      .map((file) => relative(dir, file).slice(0, -'.wxss'.length));
    const diagnosis = wcsc(dir, files);
    throw new Error(diagnosis instanceof Error ? diagnosis.message : String(error));
  }
  return evaluate<WxssLookup>(code, styles);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'app.json'))) {
    throw new Error(`No weapp build in ${DIST}: run \`npm run build:weapp\` first`);
  }
});

describe('weapp build compiled by WeChat wcc/wcsc', () => {
  it('compiles the WXML of every page in app.json', () => {
    const app = readAppJson(DIST);
    const pages = allPages(app);
    expect(pages).toEqual(
      expect.arrayContaining([
        'pages/index/index',
        'pages/station/index',
        'packages/me/pages/index/index',
        'packages/station/pages/about/index',
        'packages/find/pages/browse/index',
        'packages/find/pages/search/index',
        'packages/find/pages/nearest/index',
        'packages/officer/pages/index/index',
        'packages/officer/pages/station/index',
        'packages/admin/pages/index/index',
        'packages/admin/pages/station/index',
      ]),
    );
    const started = Date.now();
    const gwx = compileWxml(DIST);
    const ms = Date.now() - started;
    for (const page of pages) {
      for (const ext of ['.js', '.json', '.wxml']) expect([page, existsSync(join(DIST, page + ext))]).toEqual([page, true]);
      expect([page, typeof gwx(`${page}.wxml`)]).toEqual([page, 'function']);
    }
    expect(gwx('pages/does-not-exist.wxml')).toBeUndefined();
    console.log(`wcc: ${pages.length} pages in ${ms} ms`);
  });

  it('renders the station page template with empty data', () => {
    const render = compileWxml(DIST)('pages/station/index.wxml');
    expect(render).toBeDefined();
    // Taro pages are one template driven by `root`; an empty tree still gives the page node.
    expect(render!({ root: { cn: [] } }, {}, {})).toMatchObject({ tag: 'wx-page' });
  });

  it('compiles the WXSS of the app (with its imports) and of every page', () => {
    const app = readAppJson(DIST);
    const styles = new Map<string, string>();
    const started = Date.now();
    const stylesheetOf = compileWxss(DIST, styles);
    const ms = Date.now() - started;
    for (const page of allPages(app)) {
      const inject = stylesheetOf(`${page}.wxss`);
      expect([page, typeof inject]).toEqual([page, 'function']);
      inject!('', { deviceWidth: 375 });
    }
    // The station page's own rules came through, rpx already turned into px for a 375 px screen.
    const station = [...styles.entries()].find(([path]) => path.includes('pages/station/index'))?.[1] ?? '';
    expect(station).toContain('.station__footer');
    expect(station).toMatch(/\d+px/);
    console.log(`wcsc: compiled in ${ms} ms`);
  });

  it('keeps the main package under 2 MB', () => {
    const app = readAppJson(DIST);
    const subRoots = subPackagesOf(app).map(({ root }) => join(DIST, root.replace(/\/+$/, '')) + sep);
    let mainBytes = 0;
    let subBytes = 0;
    for (const file of filesUnder(DIST)) {
      if (
        relative(DIST, file)
          .split(sep)
          .some((part) => part.startsWith('.'))
      )
        continue; // build stamps
      const size = statSync(file).size;
      if (subRoots.some((root) => file.startsWith(root))) subBytes += size;
      else mainBytes += size;
    }
    console.log(`weapp main package ${(mainBytes / 1024).toFixed(1)} KB, subpackages ${(subBytes / 1024).toFixed(1)} KB`);
    expect(mainBytes).toBeGreaterThan(0);
    expect(mainBytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
  });
});

describe('the Tibetan main catalogue for a first visit (i18n/locale-boot.weapp.ts)', () => {
  it('is a plain CommonJS module in packages/me holding this build catalogue, and app.js loads it with require.async by that path', () => {
    const file = join(DIST, BO_CATALOGUE_FILE);
    expect(BO_CATALOGUE_FILE.startsWith(`${subPackagesOf(readAppJson(DIST)).find(({ root }) => root === 'packages/me')?.root}/`)).toBe(true);
    const loaded = { exports: {} as unknown };
    vm.runInNewContext(readFileSync(file, 'utf8'), { module: loaded, exports: loaded.exports });
    expect(loaded.exports).toEqual({ version: BO_MAIN_VERSION, messages: boMessages, errors: boErrors });
    // The path as written (a literal, relative to app.js at the package root), which WeChat resolves.
    expect(readFileSync(join(DIST, 'app.js'), 'utf8')).toContain(`require.async("./${BO_CATALOGUE_FILE}")`);
  });
});

describe('the check can fail', () => {
  let broken: string;

  beforeEach(() => {
    broken = mkdtempSync(join(tmpdir(), 'weapp-broken-'));
    cpSync(DIST, broken, { recursive: true });
  });

  afterEach(() => {
    rmSync(broken, { recursive: true, force: true });
  });

  it('rejects a WXML expression WeChat cannot parse', () => {
    appendFileSync(join(broken, 'pages/station/index.wxml'), '\n<view>{{ a + }}</view>\n');
    expect(() => wxmlToJs(broken)).toThrow(/pages\/station\/index\.wxml/);
  });

  it('rejects WXSS WeChat cannot parse, in a page or in a stylesheet the app imports', () => {
    appendFileSync(join(broken, 'pages/station/index.wxss'), '\n.broken{color:red\n');
    expect(() => compileWxss(broken)).toThrow(/pages\/station\/index\.wxss/);
    cpSync(join(DIST, 'pages/station/index.wxss'), join(broken, 'pages/station/index.wxss'));
    appendFileSync(join(broken, 'common.wxss'), '\n.broken{color:red\n');
    expect(() => compileWxss(broken)).toThrow(/common\.wxss/);
  });
});
