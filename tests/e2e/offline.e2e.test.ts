/**
 * Weak and no network, in Chromium on the H5 build:
 *   - no signal: a station page opened once is shown again from the phone's cache when the API
 *     cannot be reached (every /api request aborted, as when the signal is gone), with how old it is;
 *   - low-data mode (我的 → 省流量模式): the feed shows text first, a picture only once it is tapped.
 * Selectors: #station-offline-age, #me-low-data-toggle, #feed-item-<id>-thumb(-placeholder).
 */
import type { Page } from 'playwright-core';
import { openRoute, phonesForSuite, targetForSuite, text } from './support';

// A 2x2 green PNG: the feed item's thumbnail, served by the test itself.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGOQq/eXq/dngFAAGRoDsTr8az0AAAAASUVORK5CYII=', 'base64');
const ITEM_ID = 'e2e-low-data';

/**
 * The feed answers one item with a thumbnail (the API's shape, stubbed in the browser: pictures
 * need an approved item with an upload, which is the compose suite's business); counts the
 * picture's downloads.
 */
async function feedWithPicture(page: Page, webUrl: string): Promise<{ downloads: () => number }> {
  let downloads = 0;
  const thumbnailUrl = `${webUrl}/e2e-thumb.png`;
  await page.route(thumbnailUrl, (route) => {
    downloads++;
    return route.fulfill({ contentType: 'image/png', body: PNG });
  });
  await page.route(
    (url) => url.pathname === '/api/feeds',
    (route) =>
      route.fulfill({
        json: {
          items: [
            {
              id: ITEM_ID,
              title: '春耕备耕通知',
              excerpt: '请各户检查农机具',
              lang: 'zh',
              langs: ['zh'],
              category: 'notice',
              regionCode: target.station.villageCode,
              areaTypes: null,
              urgent: false,
              pinned: false,
              requiresAck: false,
              expiresAt: null,
              publishedAt: new Date().toISOString(),
              thumbnailUrl,
            },
          ],
          nextCursor: null,
        },
      }),
  );
  return { downloads: () => downloads };
}

const feedRoute = () => `packages/feed/pages/index/index?region=${target.station.villageCode}&name=${encodeURIComponent(target.station.villageName)}`;

const target = targetForSuite();
const phone = phonesForSuite();

describe('H5 offline', () => {
  it('shows the cached station page with its age when the network is gone', async () => {
    const page = await phone();
    await openRoute(page, target.webUrl, `pages/station/index?scene=${target.station.code}`);
    await page.waitForSelector('#station-details');
    expect(await page.locator('#station-offline-age').count()).toBe(0);

    // The signal goes: every API request fails without an answer; the app's files still load.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe(`${target.station.villageName}益农信息社`);
    expect(await text(page, '#station-offline-age')).toBe('无网络，显示 0 分钟前的内容');
  });

  it('shows the last feed page with its age when the network is gone', async () => {
    const page = await phone();
    await openRoute(page, target.webUrl, feedRoute());
    await page.waitForSelector('#feed-list, #feed-empty');
    expect(await page.locator('#feed-offline-age').count()).toBe(0);

    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.waitForSelector('#feed-offline-age');
    expect(await text(page, '#feed-offline-age')).toBe('无网络，显示 0 分钟前的内容');
    expect(await page.locator('#feed-error').count()).toBe(0);
  });

  it('low-data mode: the feed shows text first and loads a picture only when it is tapped', async () => {
    const page = await phone();
    await openRoute(page, target.webUrl, 'packages/me/pages/index/index');
    await page.waitForSelector('#me-low-data-toggle');
    expect(await text(page, '#me-low-data-toggle')).toContain('已关闭');
    await page.locator('#me-low-data-toggle').click();
    await page.locator('#me-low-data-toggle', { hasText: '已开启' }).waitFor();

    const feed = await feedWithPicture(page, target.webUrl);
    await openRoute(page, target.webUrl, feedRoute());
    await page.waitForSelector(`#feed-item-${ITEM_ID}-thumb-placeholder`);
    expect(await text(page, `#feed-item-${ITEM_ID}`)).toContain('春耕备耕通知');
    expect(await page.locator(`#feed-item-${ITEM_ID}-thumb img`).count()).toBe(0);
    expect(feed.downloads()).toBe(0);

    await page.locator(`#feed-item-${ITEM_ID}-thumb-placeholder`).click();
    await page.waitForFunction((id) => {
      const img = document.querySelector<HTMLImageElement>(`#feed-item-${id}-thumb img`);
      return Boolean(img && img.complete && img.naturalWidth > 0);
    }, ITEM_ID);
    expect(feed.downloads()).toBe(1);
    // The tap loaded the picture and went no further: still the feed, not the item.
    expect(page.url()).toContain('packages/feed/pages/index/index');
  });

  it('without low-data mode the feed loads its pictures at once', async () => {
    const page = await phone();
    const feed = await feedWithPicture(page, target.webUrl);
    await openRoute(page, target.webUrl, feedRoute());
    await page.waitForFunction((id) => {
      const img = document.querySelector<HTMLImageElement>(`#feed-item-${id}-thumb img`);
      return Boolean(img && img.complete && img.naturalWidth > 0);
    }, ITEM_ID);
    expect(await page.locator(`#feed-item-${ITEM_ID}-thumb-placeholder`).count()).toBe(0);
    expect(feed.downloads()).toBe(1);
  });
});
