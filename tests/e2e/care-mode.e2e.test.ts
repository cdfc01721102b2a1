/**
 * Care mode (WeChat's large fonts), in Chromium on the H5 build at 1.5x font scale, read the way the
 * app reads it (localStorage `yinong.fontScale`, as `?fontScale=1.5` leaves it; config/h5-care.ts):
 * on the station page, the feed and the officer workbench every visible button, link, tab and row
 * is at least 44 px high, nothing is wider than the page, and the four services carry their icons.
 * Screenshots: .tmp/screenshots/care/*-1.5x.png (docs/screenshots/care/ under `npm run screenshots`). Also
 * weapp's mechanism (`--fs` on the page root, read from WeChat's font setting) in the same stylesheets: text
 * 1.5x with targets and width holding.
 */
import type { Page } from 'playwright-core';
import { expectWithin, horizontalExtent, keepScreenshot, openRoute, phonesForSuite, requireStack, shoot, signInAs } from './support';

const TUQIAO = '630202002214';
const TAP_TARGETS = ['.at-button', '[id$="-link"]', '[id$="-button"]', '.list-row--tappable', '.tile--tappable', '.feed-tab', '.station__link'];

let webUrl: string;
const phone = phonesForSuite();

beforeAll(() => {
  webUrl = requireStack();
});

/** A phone whose reader chose 1.5x text (WeChat's care mode is about 1.4x). */
async function carePhone(): Promise<Page> {
  const page = await phone();
  await page.addInitScript(() => localStorage.setItem('yinong.fontScale', '1.5'));
  return page;
}

/** Every visible tap target on the page on screen that is under 44 px high, named. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const scope = document.querySelector('.taro_page_show') ?? document.body;
    const small: string[] = [];
    for (const element of Array.from(scope.querySelectorAll(selectors.join(',')))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (rect.height < 44) small.push(`${element.id || element.className}: ${Math.round(rect.height)} px`);
    }
    return small;
  }, TAP_TARGETS);
}

async function countTargets(page: Page): Promise<number> {
  return page.locator(TAP_TARGETS.map((selector) => `.taro_page_show ${selector}`).join(',')).count();
}

/** Root font 1.5x of Taro's 20 px at 375 px; targets, overflow; a screenshot kept (screenshots/care/). */
async function expectCareLayout(page: Page, name: string, scrollsSideways?: string) {
  const root = await page.evaluate(() => ({
    px: parseFloat(getComputedStyle(document.documentElement).fontSize),
    scale: document.documentElement.dataset.fontScale,
  }));
  expect(root).toEqual({ px: 30, scale: '1.5' });
  expect(await countTargets(page)).toBeGreaterThan(0);
  expect(await smallTargets(page)).toEqual([]);
  const overflow = await page.evaluate(() => {
    const scope = document.querySelector('.taro_page_show') ?? document.documentElement;
    return { scrollWidth: scope.scrollWidth, clientWidth: scope.clientWidth };
  });
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  if (scrollsSideways) {
    // A row meant to scroll sideways (the feed's category tabs): the row itself fits the screen.
    const box = await page.locator(scrollsSideways).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(375);
  } else {
    expectWithin(await horizontalExtent(page));
  }
  await shoot(page, `care-${name}-1.5x.png`, root.px);
  keepScreenshot(`care-${name}-1.5x.png`, 'care', `${name}-1.5x.png`);
}

describe('H5 care mode at 1.5x font scale', () => {
  it('the station page: 44 px targets, no overflow, the four services with icons', async () => {
    const page = await carePhone();
    await openRoute(page, webUrl, `pages/station/index?scene=${TUQIAO}`);
    await page.waitForSelector('#station-details');
    const icons = await page.evaluate(() =>
      ['information', 'convenience', 'ecommerce', 'training'].map((key) => {
        const name = document.querySelector(`#service-${key} .tile__name`);
        return name ? getComputedStyle(name, '::before').content : 'none';
      }),
    );
    expect(icons).toEqual(['"ℹ"', '"¥"', '"⇄"', '"✎"']);
    await expectCareLayout(page, 'station');
  });

  it('the feed: 44 px tabs and rows, no overflow', async () => {
    const page = await carePhone();
    await openRoute(page, webUrl, `packages/feed/pages/index/index?region=${TUQIAO}&name=${encodeURIComponent('土桥村')}`);
    await page.waitForSelector('#feed-tabs');
    await page.waitForSelector('#feed-list, #feed-empty');
    await expectCareLayout(page, 'feed', '#feed-tabs');
  });

  it('the officer workbench: 44 px buttons and rows, no overflow', async () => {
    const page = await carePhone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await openRoute(page, webUrl, 'packages/officer/pages/index/index');
    await page.waitForSelector('#officer-home');
    await expectCareLayout(page, 'officer');
  });

  // weapp's way (services/page-style.weapp.ts): rpx sizes ignore WeChat's font setting, so the page root
  // carries it as --fs and every font-size is calc(size * var(--fs)). The same stylesheets in Chromium,
  // at the standard root size, with the style weapp would set: text 1.5x, targets and width still hold.
  it("weapp's --fs on the page root: text 1.5x, 44 px targets, no overflow", async () => {
    const page = await phone();
    await openRoute(page, webUrl, `pages/station/index?scene=${TUQIAO}`);
    await page.waitForSelector('#station-details');
    const sizes = () =>
      page.evaluate(() =>
        ['#station-name', '#station-about-link .list-row__title', '#service-information .tile__desc'].map((selector) =>
          parseFloat(getComputedStyle(document.querySelector(`.taro_page_show ${selector}`)!).fontSize),
        ),
      );
    const before = await sizes();
    await page.evaluate(() => document.querySelector('.taro_page_show #station-details')!.setAttribute('style', '--fs:1.5'));
    const after = await sizes();
    expect(after.map((px, index) => Math.round((px / before[index]) * 100) / 100)).toEqual([1.5, 1.5, 1.5]);
    expect(await countTargets(page)).toBeGreaterThan(0);
    expect(await smallTargets(page)).toEqual([]);
    expectWithin(await horizontalExtent(page));
  });
});
