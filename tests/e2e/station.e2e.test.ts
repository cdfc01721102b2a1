/**
 * @jest-environment node
 *
 * The H5 build in Chromium: scan path replaced by typing the code, the station page, large text, a
 * narrow screen, and an unknown station.
 *
 * Environment (set by the test harness, tests/harness/stack.ts):
 *   E2E_WEB_URL       the web server (scripts/web-server.ts) serving miniprogram/dist/h5, /api proxied
 *   E2E_STATION_CODE  a seeded station's code
 * Without E2E_WEB_URL the test serves the H5 build itself against tests/e2e/fake-api.ts, so it runs
 * without the stack (it still needs `npm run build:h5`).
 *
 * Selectors (Taro H5 renders View/Text/Input as <taro-view-core>/<taro-text-core>/<taro-input-core>;
 * ids and class names are set in miniprogram/src):
 *   #home-page, #home-code-input input, #home-code-input-error, #home-open-button .at-button
 *   #station-loading, #station-details, #station-name, #station-type, #station-village,
 *   #station-township, #station-county, #station-prefecture, #station-province
 *   #service-information|convenience|ecommerce|training  (.service-card--on / .service-card--off)
 *   #station-not-found, #station-invalid-code, #station-error, #state-home-button .at-button
 * Screenshots go to .tmp/e2e/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { StationProfile } from '../../shared/schemas/stations';
import { startWebServer } from '../../scripts/web-server';
import { FAKE_STATION, startFakeApi } from './fake-api';

const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, '.tmp', 'e2e');
const CHROMIUM = '/usr/bin/chromium';
// Playwright refuses --user-data-dir in launch(): it gives every launch a fresh temporary profile
// of its own and deletes it on close, which is what we want.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WIDTH = 375;
const UNKNOWN_CODE = '999999999999'; // well-formed, but 99 is no province

const SERVICE_KEYS = ['information', 'convenience', 'ecommerce', 'training'] as const;

interface Target {
  webUrl: string;
  station: StationProfile;
  close: () => Promise<void>;
}

async function startTarget(): Promise<Target> {
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

const regionName = (station: StationProfile, level: string) =>
  station.regionChain.find((region) => region.level === level)?.name ?? '';

let target: Target;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  target = await startTarget();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await target?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: WIDTH, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterEach(async () => {
  await context?.close();
});

const text = (selector: string) => page.locator(selector).innerText();

async function openStation(code: string) {
  await page.goto(`${target.webUrl}/#/pages/station/index?scene=${encodeURIComponent(code)}`);
}

async function expectStationShown(station: StationProfile) {
  await page.waitForSelector('#station-details');
  expect(await text('#station-name')).toBe(`${station.villageName}益农信息社`);
  expect(await text('#station-village')).toBe(station.villageName);
  expect(await text('#station-township')).toBe(regionName(station, 'township'));
  expect(await text('#station-county')).toBe(regionName(station, 'county'));
  expect(await text('#station-prefecture')).toBe(regionName(station, 'prefecture'));
  expect(await text('#station-type')).not.toBe('');
  for (const key of SERVICE_KEYS) {
    const card = page.locator(`#service-${key}`);
    await card.waitFor({ state: 'visible' });
    const available = station.services.find((service) => service.key === key)?.available === true;
    expect([key, await card.getAttribute('class')]).toEqual([key, expect.stringContaining(available ? 'service-card--on' : 'service-card--off')]);
  }
}

/**
 * A screenshot of the whole page. Taro H5 scrolls inside `.taro_page`, so Playwright's fullPage
 * sees one screen: grow the viewport to the content first. A resize makes Taro recompute the root
 * font size, so a scaled size is put back afterwards.
 */
async function shoot(name: string, rootFontPx?: number) {
  const height = await page.evaluate(() =>
    Math.max(...Array.from(document.querySelectorAll('.taro_page_show, body')).map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: WIDTH, height: Math.max(height, 640) });
  await page.waitForTimeout(600); // Taro's resize handler runs again after 500 ms
  if (rootFontPx) await page.evaluate((px) => (document.documentElement.style.fontSize = `${px}px`), rootFontPx);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

/** Scales the root font size (Taro's rem base) like a user's larger text setting. */
async function scaleRootFont(factor: number): Promise<{ before: number; after: number }> {
  return page.evaluate((f) => {
    const root = document.documentElement;
    const before = parseFloat(getComputedStyle(root).fontSize);
    root.style.fontSize = `${before * f}px`;
    return { before, after: parseFloat(getComputedStyle(root).fontSize) };
  }, factor);
}

/**
 * How far right anything reaches: element boxes and the text inside them (text can spill out of a
 * box that does not grow, e.g. a nowrap line in a flex item), and the document's scroll width.
 */
async function horizontalExtent() {
  return page.evaluate(() => {
    let widest = 0;
    let culprit = '';
    const describe = (element: Element | null) =>
      element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ').join('.')}` : '';
    const consider = (right: number, element: Element | null) => {
      if (right > widest) {
        widest = right;
        culprit = describe(element);
      }
    };
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) consider(rect.right, element);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) consider(rect.right, node.parentElement);
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest: Math.ceil(widest - 0.5), culprit };
  });
}

/**
 * scrollWidth alone cannot fail under Taro H5: its router gives `.taro_page` and body
 * `overflow: hidden`, so anything too wide is clipped (unreadable) rather than scrolled. Hence the
 * check of every box and line of text as well.
 */
function expectWithin(extent: { scrollWidth: number; widest: number; culprit: string }) {
  expect(extent.scrollWidth).toBeLessThanOrEqual(WIDTH);
  // Named in the failure: which element sticks out.
  expect({ widest: Math.min(extent.widest, WIDTH), culprit: extent.culprit }).toEqual({ widest: extent.widest, culprit: extent.culprit });
}

describe('H5 station page', () => {
  it('opens a station from the home page by its code', async () => {
    await page.goto(`${target.webUrl}/`);
    await page.waitForSelector('#home-page');
    await page.locator('#home-code-input input').fill(target.station.code);
    await page.locator('#home-open-button .at-button').click();
    await expectStationShown(target.station);
    expect(page.url()).toContain(`#/pages/station/index?scene=${target.station.code}`);
    await shoot('station-375.png');
  });

  it('shows an inline error for a malformed code and stays on the home page', async () => {
    await page.goto(`${target.webUrl}/`);
    await page.waitForSelector('#home-page');
    await page.locator('#home-code-input input').fill('6327-01');
    await page.locator('#home-open-button .at-button').click();
    expect(await text('#home-code-input-error')).toBe('编码只能是 1 到 32 位字母或数字。');
    expect(await page.locator('#station-details').count()).toBe(0);
  });

  it('is readable at 1.5x text size on a 375px screen without horizontal overflow', async () => {
    await openStation(target.station.code);
    await page.waitForSelector('#station-details');
    const nameSize = () => page.locator('#station-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normalNameSize = await nameSize();
    const { before, after } = await scaleRootFont(1.5);
    expect(after).toBeCloseTo(before * 1.5, 1);
    // Text follows the root size (rem), so a larger setting really enlarges it.
    expect(await nameSize()).toBeCloseTo(normalNameSize * 1.5, 0);
    await expectStationShown(target.station);
    const extent = await horizontalExtent();
    await shoot('station-375-1.5x.png', after);
    expectWithin(extent);
  });

  it('keeps the home page within 375px at 1.5x text size', async () => {
    await page.goto(`${target.webUrl}/`);
    await page.waitForSelector('#home-page');
    const { after } = await scaleRootFont(1.5);
    await page.locator('#home-code-input input').fill('x!');
    await page.locator('#home-open-button .at-button').click();
    await page.waitForSelector('#home-code-input-error');
    const extent = await horizontalExtent();
    await shoot('home-375-1.5x.png', after);
    expectWithin(extent);
  });

  it('says an unknown station was not found and leads back home', async () => {
    await openStation(UNKNOWN_CODE);
    await page.waitForSelector('#station-not-found');
    expect(await text('#station-not-found')).toContain('没有找到这个服务站');
    await shoot('station-not-found.png');
    await page.locator('#state-home-button .at-button').click();
    await page.waitForSelector('#home-page');
  });
});
