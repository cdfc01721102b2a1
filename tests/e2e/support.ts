/**
 * What the Chromium e2e tests share: the target (the stack's web server from E2E_WEB_URL, or the
 * H5 build served here against tests/e2e/fake-api.ts), the browser, a 375 px phone, screenshots of
 * whole Taro pages, a larger text size, and the check that nothing sticks out to the right.
 * Screenshots go to .tmp/e2e/ (git-ignored); the few kept for people to look at (Tibetan, care mode)
 * are copied to .tmp/screenshots/, or to the committed docs/screenshots/ with YINONG_SCREENSHOTS=docs
 * (`npm run screenshots`), so a plain test run leaves the tree clean.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { StationProfile } from '../../shared/schemas/stations';
import { startWebServer } from '../../scripts/web-server';
import { FAKE_STATION, startFakeApi } from './fake-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';

export const ROOT = join(__dirname, '..', '..');
export const SHOTS = join(ROOT, '.tmp', 'e2e');
export const WIDTH = 375;

/** Where keepScreenshot copies to: the committed docs/screenshots/ only when asked for. */
function keptScreenshotsDir(): string {
  const where = process.env.YINONG_SCREENSHOTS;
  if (where === undefined || where === '' || where === 'tmp') return join(ROOT, '.tmp', 'screenshots');
  if (where === 'docs') return join(ROOT, 'docs', 'screenshots');
  throw new Error(`YINONG_SCREENSHOTS=${where}: expected docs (refresh docs/screenshots/) or tmp (the default, .tmp/screenshots/)`);
}

/**
 * Keeps a screenshot `shoot` took (in .tmp/e2e/) as <kept screenshots>/<folder>/<name>: .tmp/screenshots/
 * by default, docs/screenshots/ under YINONG_SCREENSHOTS=docs (`npm run screenshots`).
 */
export function keepScreenshot(shot: string, folder: string, name: string): void {
  const dir = join(keptScreenshotsDir(), folder);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(SHOTS, shot), join(dir, name));
}

/** Where the tests point the browser, and the station they open. */
export interface Target {
  webUrl: string;
  station: StationProfile;
  close: () => Promise<void>;
}

export async function startTarget(): Promise<Target> {
  const webUrl = process.env.E2E_WEB_URL;
  if (webUrl) {
    const code = process.env.E2E_STATION_CODE;
    if (!code) throw new Error('E2E_WEB_URL is set but E2E_STATION_CODE is not');
    // Through the web server's /api proxy: what the page will show, and proof the proxy works.
    const response = await fetch(`${webUrl}/api/stations/by-code/${encodeURIComponent(code)}`);
    if (response.status !== 200) throw new Error(`station ${code}: HTTP ${response.status} ${await response.text()}`);
    return { webUrl, station: (await response.json()) as StationProfile, close: async () => {} };
  }
  const distDir = join(ROOT, 'miniprogram', 'dist', 'h5');
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`No H5 build in ${distDir}: run \`npm run build:h5\``);
  const api = await startFakeApi();
  const web = await startWebServer({ port: 0, distDir, apiTarget: api.url });
  console.log(`E2E_WEB_URL not set: serving ${distDir} at ${web.url} against the fake API ${api.url}`);
  return {
    webUrl: web.url,
    station: FAKE_STATION,
    close: async () => {
      await web.close();
      await api.close();
    },
  };
}

/**
 * The target of a test file: started before its tests (startTarget) and closed after them. Its fields
 * are read when used, so read them inside a test or a later hook; before the start they throw.
 */
export function targetForSuite(): Target {
  let started: Target | undefined;
  beforeAll(async () => {
    started = await startTarget();
  });
  afterAll(async () => {
    await started?.close();
  });
  const now = () => {
    if (!started) throw new Error('targetForSuite(): the target is not started yet (read it inside a test)');
    return started;
  };
  return {
    get webUrl() {
      return now().webUrl;
    },
    get station() {
      return now().station;
    },
    close: () => now().close(),
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A phone: 375 px wide, 2x pixels, Chinese locale; its own storage (so its own session). `options`
 * adds e.g. a position: `{ geolocation: { latitude, longitude }, permissions: ['geolocation'] }`.
 */
export async function newPhone(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * A screenshot of the whole page. Taro H5 scrolls inside `.taro_page`, so Playwright's fullPage
 * sees one screen: grow the viewport to the content first. A resize makes Taro recompute the root
 * font size, so a scaled size is put back afterwards. The viewport is restored after the shot.
 */
export async function shoot(page: Page, name: string, rootFontPx?: number) {
  const before = page.viewportSize() ?? { width: WIDTH, height: 812 };
  const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.taro_page_show, body')).map((el) => el.scrollHeight)));
  await page.setViewportSize({ width: WIDTH, height: Math.max(height, 640) });
  await page.waitForTimeout(600); // Taro's resize handler runs again after 500 ms
  if (rootFontPx) await page.evaluate((px) => (document.documentElement.style.fontSize = `${px}px`), rootFontPx);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
  await page.setViewportSize(before);
  await page.waitForTimeout(600);
  if (rootFontPx) await page.evaluate((px) => (document.documentElement.style.fontSize = `${px}px`), rootFontPx);
}

/** Scales the root font size (Taro's rem base) like a user's larger text setting. */
export async function scaleRootFont(page: Page, factor: number): Promise<{ before: number; after: number }> {
  return page.evaluate((f) => {
    const root = document.documentElement;
    const before = parseFloat(getComputedStyle(root).fontSize);
    root.style.fontSize = `${before * f}px`;
    return { before, after: parseFloat(getComputedStyle(root).fontSize) };
  }, factor);
}

export interface Extent {
  scrollWidth: number;
  widest: number;
  culprit: string;
}

/**
 * How far right anything reaches: element boxes and the text inside them (text can spill out of a
 * box that does not grow, e.g. a nowrap line in a flex item), and the document's scroll width. With
 * `skipInsideScrollers`, what sits inside a horizontal scroller (the feed's category tabs) may reach past
 * the screen: the scroller itself must not.
 */
export async function horizontalExtent(page: Page, { skipInsideScrollers = false } = {}): Promise<Extent> {
  return page.evaluate((skip) => {
    let widest = 0;
    let culprit = '';
    // Only the page on screen: Taro H5 keeps pages below in the stack, hidden.
    const scope = document.querySelector('.taro_page_show') ?? document.body;
    const inScroller = (element: Element) => {
      for (let up = element.parentElement; up && up !== scope; up = up.parentElement) {
        if (/(auto|scroll)/.test(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    const describe = (element: Element | null) =>
      element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ').join('.')}` : '';
    const consider = (right: number, element: Element | null) => {
      if (right <= widest || (skip && element && inScroller(element))) return;
      widest = right;
      culprit = describe(element);
    };
    for (const element of Array.from(scope.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) consider(rect.right, element);
    }
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) consider(rect.right, node.parentElement);
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest: Math.ceil(widest - 0.5), culprit };
  }, skipInsideScrollers);
}

/**
 * scrollWidth alone cannot fail under Taro H5: its router gives `.taro_page` and body
 * `overflow: hidden`, so anything too wide is clipped (unreadable) rather than scrolled. Hence the
 * check of every box and line of text as well.
 */
export function expectWithin(extent: Extent) {
  expect(extent.scrollWidth).toBeLessThanOrEqual(WIDTH);
  // Named in the failure: which element sticks out.
  expect({ widest: Math.min(extent.widest, WIDTH), culprit: extent.culprit }).toEqual({ widest: extent.widest, culprit: extent.culprit });
}

/** A fresh dev openid: a new user on every run. */
export const freshOpenid = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;
/** Our buttons: AtButton's <button> inside the wrapper that carries the id. */
export const click = (page: Page, id: string) => page.locator(`#${id} .at-button`).click();
export const text = (page: Page, selector: string) => page.locator(selector).innerText();
/** Waits until the element shows that text (it may be there already with an older one). */
export const waitForText = (page: Page, selector: string, hasText: string | RegExp) => page.locator(selector, { hasText }).waitFor();

/** A fresh load of a page (hash route), as when the mini-program is opened again. */
export async function openRoute(page: Page, webUrl: string, route: string) {
  await page.goto('about:blank');
  await page.goto(`${webUrl}/#/${route}`);
}

/** Signs in on the "me" page through the dev field (`dev:<openid>`, local stages only). */
export async function signInAs(page: Page, webUrl: string, openid: string) {
  await openRoute(page, webUrl, 'packages/me/pages/index/index');
  await page.waitForSelector('#me-signed-out');
  await page.locator('#me-dev-openid input').fill(openid);
  await click(page, 'me-dev-login-button');
  await page.waitForSelector('#me-signed-in');
}

/** The page's content is within a 375 px screen at 1.5x text size; a screenshot of it. */
export async function expectTidyAtLargeText(page: Page, shot: string) {
  const { after } = await scaleRootFont(page, 1.5);
  const extent = await horizontalExtent(page);
  await shoot(page, shot, after);
  expectWithin(extent);
}

/** The tests that need the real stack (regions, search, nearest, edits): the fake API has none of it. */
export function requireStack(): string {
  const webUrl = process.env.E2E_WEB_URL;
  if (!webUrl)
    throw new Error('These end-to-end tests need the real stack: run them through jest (its global setup starts it) after `npm run build:h5`');
  return webUrl;
}

/**
 * The browser of a test file (launched before its tests, closed after them) and `phone()`, a fresh
 * phone whose context is closed after each test.
 */
export function phonesForSuite(): (options?: BrowserContextOptions) => Promise<Page> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  return async (options) => {
    if (!browser) throw new Error('phonesForSuite(): the browser is not launched yet (call phone() inside a test)');
    const { context, page } = await newPhone(browser, options);
    contexts.push(context);
    return page;
  };
}

/**
 * The stack's API through the web server's `/api` proxy, for a suite's setup: JSON in and out, a
 * failure throws with the answer. `webUrl` is read on each call (suites learn it in beforeAll).
 */
export function stackApi(webUrl: () => string) {
  async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
    const response = await fetch(`${webUrl()}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const json = (await response.json()) as T;
    if (response.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return json;
  }
  /** A session token for a dev openid (local and test stages only). */
  const login = async (openid: string) => (await api<{ token: string }>('/auth/login', { method: 'POST', body: { code: `dev:${openid}` } })).token;
  return { api, login };
}
