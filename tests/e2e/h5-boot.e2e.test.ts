/**
 * index.html's boot script (miniprogram/config/h5-boot.ts) on a station link, in Chromium, with the
 * app's JavaScript held back the way a slow link holds it: what the page shows before the app has
 * run, and what it has already asked for. No timings: the order of events is what is checked.
 * Needs a fresh `npm run build:h5`.
 *
 * Selectors: #boot-skeleton (the boot script's placeholder), .boot-title (its station name),
 * #station-details (the app's station page).
 */
import type { Page, Route } from 'playwright-core';
import { phonesForSuite, targetForSuite } from './support';

const target = targetForSuite();
const phone = phonesForSuite();

const APP_SCRIPT = /\/js\/app\.[0-9a-f]+\.js$/;

/** Holds every request for app.js until `release()`; notes the path of every script and stylesheet asked for. */
async function holdAppScript(page: Page) {
  const requested: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/^\/(js|css)\//.test(pathname)) requested.push(pathname);
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(APP_SCRIPT, async (route: Route) => {
    await held;
    await route.continue();
  });
  return { requested, release };
}

const stationUrl = () => `${target.webUrl}/#/pages/station/index?scene=${encodeURIComponent(target.station.code)}`;

describe('H5 boot script on a station link', () => {
  it("shows the station's name from its early request before the app has run, then hands over to the page", async () => {
    const page = await phone();
    const { release } = await holdAppScript(page);
    // Not until 'load': that waits for the held app.js.
    await page.goto(stationUrl(), { waitUntil: 'commit' });
    await page.waitForSelector('#boot-skeleton .boot-title', { timeout: 20_000 });
    expect(await page.locator('#boot-skeleton .boot-title').innerText()).toBe(`${target.station.villageName}益农信息社`);
    expect(await page.locator('#boot-skeleton').innerText()).toContain(`站点编码 ${target.station.code}`);
    // Still index.html alone: the app has not rendered anything.
    expect((await page.locator('#app').innerText()).trim()).toBe('');

    release();
    await page.waitForSelector('#station-details');
    expect(await page.locator('#station-name').innerText()).toBe(`${target.station.villageName}益农信息社`);
    expect(await page.locator('#boot-skeleton').count()).toBe(0);
  });

  it("asks for the station page's scripts and stylesheets beside app.js, not after it has run", async () => {
    const page = await phone();
    const { requested, release } = await holdAppScript(page);
    // Not until 'load': that waits for the held app.js.
    await page.goto(stationUrl(), { waitUntil: 'commit' });
    // The boot script asks for the station's data, then for the page's files, in one go.
    await page.waitForResponse((response) => response.url().includes('/stations/by-code/'), { timeout: 20_000 });
    const whileAppHeld = [...requested];
    expect(whileAppHeld.some((path) => APP_SCRIPT.test(path))).toBe(true);

    release();
    await page.waitForSelector('#station-details');
    // Every file the station page needed was already on its way while app.js was held.
    expect(requested.filter((path) => !whileAppHeld.includes(path))).toEqual([]);
    expect(whileAppHeld.filter((path) => /^\/css\//.test(path)).length).toBeGreaterThan(1);
  });
});
