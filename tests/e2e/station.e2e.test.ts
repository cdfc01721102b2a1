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
 *   #station-loading, #station-details, #station-name, #station-type, #station-about-link
 *   details (packages/station): #station-about, #station-village, #station-township, #station-county,
 *   #station-prefecture, #station-province
 *   #service-information|convenience|ecommerce|training  (.service-card--on / .service-card--off)
 *   #station-not-found, #station-invalid-code, #station-error, #state-home-button .at-button
 * Screenshots go to .tmp/e2e/ (git-ignored); shared helpers in ./support.ts.
 */
import type { Page } from 'playwright-core';
import type { StationProfile } from '../../shared/schemas/stations';
import { expectWithin, horizontalExtent, phonesForSuite, scaleRootFont, shoot as shootPage, targetForSuite } from './support';

const UNKNOWN_CODE = '999999999999'; // well-formed, but 99 is no province

const SERVICE_KEYS = ['information', 'convenience', 'ecommerce', 'training'] as const;

const regionName = (station: StationProfile, level: string) => station.regionChain.find((region) => region.level === level)?.name ?? '';

const target = targetForSuite();
let page: Page;
const phone = phonesForSuite();

beforeEach(async () => {
  page = await phone();
});

const text = (selector: string) => page.locator(selector).innerText();

async function openStation(code: string) {
  await page.goto(`${target.webUrl}/#/pages/station/index?scene=${encodeURIComponent(code)}`);
}

async function expectStationShown(station: StationProfile) {
  await page.waitForSelector('#station-details');
  expect(await text('#station-name')).toBe(`${station.villageName}益农信息社`);
  expect(await text('#station-type')).not.toBe('');
  for (const key of SERVICE_KEYS) {
    const card = page.locator(`#service-${key}`);
    await card.waitFor({ state: 'visible' });
    const available = station.services.find((service) => service.key === key)?.available === true;
    expect([key, await card.getAttribute('class')]).toEqual([key, expect.stringContaining(available ? 'service-card--on' : 'service-card--off')]);
  }
}

/** Where it is: one tap from the station page, on its details page (packages/station); Back returns. */
async function expectPlaceShown(station: StationProfile) {
  await page.locator('#station-about-link').click();
  await page.waitForSelector('#station-about');
  expect(page.url()).toContain(`#/packages/station/pages/about/index?code=${station.code}`);
  expect(await text('#station-village')).toBe(station.villageName);
  expect(await text('#station-township')).toBe(regionName(station, 'township'));
  expect(await text('#station-county')).toBe(regionName(station, 'county'));
  expect(await text('#station-prefecture')).toBe(regionName(station, 'prefecture'));
}

const shoot = (name: string, rootFontPx?: number) => shootPage(page, name, rootFontPx);

describe('H5 station page', () => {
  it('opens a station from the home page by its code', async () => {
    await page.goto(`${target.webUrl}/`);
    await page.waitForSelector('#home-page');
    await page.locator('#home-code-input input').fill(target.station.code);
    await page.locator('#home-open-button .at-button').click();
    await expectStationShown(target.station);
    expect(page.url()).toContain(`#/pages/station/index?scene=${target.station.code}`);
    await shoot('station-375.png');
    await expectPlaceShown(target.station);
    await shoot('station-about-375.png');
    await page.goBack();
    await page.waitForSelector('#station-details');
  });

  it('shows an inline error for a malformed code and stays on the home page', async () => {
    await page.goto(`${target.webUrl}/`);
    await page.waitForSelector('#home-page');
    await page.locator('#home-code-input input').fill('土桥!');
    await page.locator('#home-open-button .at-button').click();
    expect(await text('#home-code-input-error')).toBe('服务站编码是二维码下方印的一串数字，如 6302 0200 2214，请核对后再输入。');
    expect(await page.locator('#station-details').count()).toBe(0);
  });

  it('is readable at 1.5x text size on a 375px screen without horizontal overflow', async () => {
    await openStation(target.station.code);
    await page.waitForSelector('#station-details');
    const nameSize = () => page.locator('#station-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const normalNameSize = await nameSize();
    const { before, after } = await scaleRootFont(page, 1.5);
    expect(after).toBeCloseTo(before * 1.5, 1);
    // Text follows the root size (rem), so a larger setting really enlarges it.
    expect(await nameSize()).toBeCloseTo(normalNameSize * 1.5, 0);
    await expectStationShown(target.station);
    const extent = await horizontalExtent(page);
    await shoot('station-375-1.5x.png', after);
    expectWithin(extent);
    await expectPlaceShown(target.station);
    const aboutExtent = await horizontalExtent(page);
    await shoot('station-about-375-1.5x.png', after);
    expectWithin(aboutExtent);
  });

  it('keeps the home page within 375px at 1.5x text size', async () => {
    await page.goto(`${target.webUrl}/`);
    await page.waitForSelector('#home-page');
    const { after } = await scaleRootFont(page, 1.5);
    await page.locator('#home-code-input input').fill('x!');
    await page.locator('#home-open-button .at-button').click();
    await page.waitForSelector('#home-code-input-error');
    const extent = await horizontalExtent(page);
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
