/**
 * @jest-environment node
 *
 * Finding a station on the H5 build in Chromium, against the real stack (tests/harness/stack.ts:
 * Qinghai seeded; only the stations of 乐都区 have coordinates): by its code, by region, by name
 * (pinyin initials) and nearest first from a position Playwright gives the browser.
 *
 * Selectors (ids set in miniprogram/src; rows are tappable <taro-view-core>):
 *   home       #home-nearest-link, #home-browse-link, #home-search-link
 *   browse     #browse-page, #browse-loading, #browse-title, #browse-summary, #browse-breadcrumbs,
 *              #browse-crumb-<code>, #browse-list, #browse-region-<code>, #browse-error
 *   search     #search-page, #search-input input, #search-idle, #search-loading, #search-results,
 *              #search-result-<stationCode>, #search-more-button, #search-more-button-end, #search-empty
 *   nearest    #nearest-page, #nearest-intro, #nearest-locate-button, #nearest-loading,
 *              #nearest-results, #nearest-result-<stationCode> (.station-list__distance),
 *              #nearest-empty, #nearest-denied, #nearest-browse-button
 *   station    #station-details, #station-name, #station-open-now, #station-about-link
 *   details    #station-about, #station-hours-0, #capability-<key>, #station-officer, #station-phone,
 *              #station-coordinates
 * Screenshots: .tmp/e2e/find-*.png (375 px; *-1.5x.png at 1.5x text size).
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { StationProfile } from '../../shared/schemas/stations';
import { expectTidyAtLargeText, openRoute, phonesForSuite, requireStack, shoot, text } from './support';

const TUQIAO = '630202002214';
const LEDU_TOWNSHIP = '630202002'; // 岗沟街道
const BROWSE = 'packages/find/pages/browse/index';
const SEARCH = 'packages/find/pages/search/index';
const NEAREST = 'packages/find/pages/nearest/index';

let webUrl: string;
const phone = phonesForSuite();
/** Each browse level is a page; Taro H5 keeps the pages below in the document, hidden. */
const shown = (selector: string) => `${selector} >> visible=true`;
/** The one shown match, once Taro's page transition is over (the leaving page is visible for a moment). */
async function only(page: Page, selector: string) {
  const matches = page.locator(shown(selector));
  for (let i = 0; i < 50 && (await matches.count()) !== 1; i++) await page.waitForTimeout(100);
  return matches;
}

beforeAll(() => {
  webUrl = requireStack();
});

const at = (latitude: number, longitude: number): BrowserContextOptions => ({ geolocation: { latitude, longitude }, permissions: ['geolocation'] });

/** The API's own answer, through the web server's proxy, to compare the page with. */
async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${webUrl}/api${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('H5: a station by its code', () => {
  it('shows its hours, whether it is open, what it can do, its officer, masked phone and position', async () => {
    const station = await api<StationProfile>(`/stations/by-code/${TUQIAO}`);
    const page = await phone();
    await page.goto(`${webUrl}/`);
    await page.locator('#home-code-input input').fill(TUQIAO);
    await page.locator('#home-open-button .at-button').click();
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe('土桥村益农信息社');
    expect(await text(page, '#station-open-now')).toBe(station.openNow ? '营业中' : '已休息');
    // Hours, capabilities, the officer and the map are one tap away, on the station's details page.
    await page.locator('#station-about-link').click();
    await page.waitForSelector('#station-about');
    expect(await text(page, '#station-hours-0')).toMatch(/^周.+ \d\d:\d\d–\d\d:\d\d$/);
    for (const [key, available] of Object.entries(station.capabilities)) {
      expect([key, await page.locator(`#capability-${key}`).getAttribute('class')]).toEqual([
        key,
        expect.stringContaining(available ? '--on' : '--off'),
      ]);
    }
    expect(await text(page, '#station-officer')).toBe(station.officerName ?? '暂未登记');
    expect(await text(page, '#station-phone')).toBe(station.phoneMasked);
    expect(await text(page, '#station-coordinates')).toContain(`北纬 ${station.location!.lat.toFixed(5)}°`);
    expect(await page.locator('#station-phone-sign-in').count()).toBe(1);
    await shoot(page, 'find-station.png');
  });
});

describe('H5: typing a station code', () => {
  const typeCode = async (page: Awaited<ReturnType<typeof phone>>, typed: string) => {
    await page.goto('about:blank');
    await page.goto(`${webUrl}/`);
    await page.locator('#home-code-input input').fill(typed);
    await page.locator('#home-open-button .at-button').click();
  };

  it('offers the number pad and takes the code with spaces, dashes or full-width digits', async () => {
    const page = await phone();
    await page.goto(`${webUrl}/`);
    expect(await page.locator('#home-code-input input').getAttribute('inputmode')).toBe('numeric');
    for (const typed of ['6302 0200 2214', '6302-0200-2214', '６３０２０２００２２１４']) {
      await typeCode(page, typed);
      await page.waitForSelector('#station-details');
      expect([typed, await text(page, '#station-name')]).toEqual([typed, '土桥村益农信息社']);
      expect(page.url()).toContain(`scene=${TUQIAO}`);
    }
  });

  it('says a typed code that finds nothing is a typing matter, not an expired QR code', async () => {
    const page = await phone();
    await typeCode(page, 'abc');
    await page.waitForSelector('#station-not-found');
    const said = await text(page, '#station-not-found');
    expect(said).toContain('没有编码为 abc 的服务站');
    expect(said).not.toMatch(/二维码可能已失效|重新扫描/);
    await shoot(page, 'find-code-typed-not-found.png');

    // Not a code at all: said on the home page, in words for typing.
    await typeCode(page, '土桥村');
    await page.waitForSelector('#home-code-input-error');
    expect(await text(page, '#home-code-input-error')).toContain('二维码下方印的');
  });
});

describe('H5: browse by region', () => {
  it('goes 青海省 -> 海东市 -> 乐都区 -> 岗沟街道 -> 土桥村 and opens the station', async () => {
    const page = await phone();
    await page.goto(`${webUrl}/`);
    await page.locator('#home-browse-link').click();
    await page.waitForSelector('#browse-list');
    expect(await text(page, '#browse-title')).toBe('青海省');
    const province = await api<{ region: { stationCount: number; villageCount: number } }>('/regions/63/children');
    expect(await text(page, '#browse-summary')).toBe(`${province.region.stationCount} / ${province.region.villageCount} 个村有站点`);
    await shoot(page, 'find-browse-province.png');

    for (const [code, name] of [
      ['6302', '海东市'],
      ['630202', '乐都区'],
      [LEDU_TOWNSHIP, '岗沟街道'],
    ]) {
      await page.locator(shown(`#browse-region-${code}`)).click();
      await page.locator(shown('#browse-title'), { hasText: name }).waitFor();
      await only(page, '#browse-title');
      await page.waitForSelector(shown('#browse-list'));
    }
    // The breadcrumbs lead back up.
    expect(await text(page, shown('#browse-breadcrumbs'))).toContain('青海省');
    expect(await text(page, shown('#browse-breadcrumbs'))).toContain('乐都区');
    const township = await api<{ items: Array<{ code: string; stationCount: number }> }>(`/regions/${LEDU_TOWNSHIP}/children`);
    const without = township.items.find((item) => item.stationCount === 0);
    if (without) expect(await text(page, `#browse-region-${without.code}`)).toContain('暂无服务站');
    expect(await text(page, `#browse-region-${TUQIAO}`)).toContain('有服务站');
    // Each level slides in as a page of its own: measure once it has arrived.
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page')).every((el) => getComputedStyle(el).transform === 'none'));
    await expectTidyAtLargeText(page, 'find-browse-township-1.5x.png');

    await page.locator(`#browse-region-${TUQIAO}`).click();
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe('土桥村益农信息社');
    expect(page.url()).toContain(`pages/station/index?scene=${TUQIAO}`);
  });

  it('opens at a region given in the link, and goes back up by a breadcrumb', async () => {
    const page = await phone();
    await openRoute(page, webUrl, `${BROWSE}?region=${LEDU_TOWNSHIP}`);
    await page.locator('#browse-title', { hasText: '岗沟街道' }).waitFor();
    await page.locator('#browse-crumb-6302').click();
    await page.locator(shown('#browse-title'), { hasText: '海东市' }).waitFor();
    await only(page, '#browse-title');
    await page.waitForSelector(shown('#browse-region-630202'));
  });

  it('keeps each level in the history: Back goes up one level, a reload stays, a breadcrumb goes back', async () => {
    // The title once one page is shown: during Taro's page transition the leaving page is visible too.
    const title = async () => (await only(page, '#browse-title')).innerText();
    const page = await phone();
    await page.goto(`${webUrl}/`);
    await page.locator('#home-browse-link').click();
    await page.waitForSelector(shown('#browse-list'));
    for (const [code, name] of [
      ['6302', '海东市'],
      ['630202', '乐都区'],
      [LEDU_TOWNSHIP, '岗沟街道'],
    ]) {
      await page.locator(shown(`#browse-region-${code}`)).click();
      await page.locator(shown('#browse-title'), { hasText: name }).waitFor();
      await only(page, '#browse-title');
    }
    expect(page.url()).toContain(`region=${LEDU_TOWNSHIP}`);

    // The browser's Back: the county, not the home page.
    await page.goBack();
    await page.locator(shown('#browse-title'), { hasText: '乐都区' }).waitFor();
    await only(page, '#browse-title');
    expect(await title()).toBe('乐都区');
    expect(page.url()).toContain('region=630202');

    // A reload keeps the county.
    await page.reload();
    await page.locator(shown('#browse-title'), { hasText: '乐都区' }).waitFor();
    await only(page, '#browse-title');
    await page.waitForSelector(shown('#browse-list'));
    expect(await title()).toBe('乐都区');

    // Back again: the prefecture, then the province, then home.
    await page.goBack();
    await page.locator(shown('#browse-title'), { hasText: '海东市' }).waitFor();
    await only(page, '#browse-title');
    await page.goBack();
    await page.locator(shown('#browse-title'), { hasText: '青海省' }).waitFor();
    await only(page, '#browse-title');
    await page.goBack();
    await page.waitForSelector(shown('#home-page'));

    // Down again, then up by the breadcrumbs: the parent's is a step back in the history (so Back
    // then goes on up); one further up jumps there.
    await page.locator('#home-browse-link').click();
    await page.locator(shown('#browse-title'), { hasText: '青海省' }).waitFor();
    await only(page, '#browse-title');
    await (await only(page, '#browse-region-6302')).click();
    await (await only(page, '#browse-region-630202')).click();
    await page.locator(shown('#browse-title'), { hasText: '乐都区' }).waitFor();
    await only(page, '#browse-title');
    await (await only(page, '#browse-crumb-6302')).click();
    await page.locator(shown('#browse-title'), { hasText: '海东市' }).waitFor();
    await only(page, '#browse-title');
    await page.goBack();
    await page.locator(shown('#browse-title'), { hasText: '青海省' }).waitFor();
    await only(page, '#browse-title');
    await (await only(page, '#browse-region-6302')).click();
    await (await only(page, '#browse-region-630202')).click();
    await page.locator(shown('#browse-title'), { hasText: '乐都区' }).waitFor();
    await only(page, '#browse-title');
    await (await only(page, '#browse-crumb-63')).click();
    await page.locator(shown('#browse-title'), { hasText: '青海省' }).waitFor();
    await only(page, '#browse-title');
    await page.waitForSelector(shown('#browse-list'));
    expect(page.url()).toContain('region=63');
  });
});

describe('H5: search by name', () => {
  it('finds 土桥村 by its pinyin initials "tq", with its region chain, and opens it', async () => {
    const page = await phone();
    await page.goto(`${webUrl}/`);
    await page.locator('#home-search-link').click();
    await page.waitForSelector('#search-idle');
    await shoot(page, 'find-search-idle.png');
    await page.locator('#search-input input').fill('tq');
    const row = page.locator(`#search-result-${TUQIAO}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('土桥村益农信息社');
    expect(await row.innerText()).toContain('海东市 · 乐都区 · 岗沟街道');
    await expectTidyAtLargeText(page, 'find-search-1.5x.png');
    await row.click();
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe('土桥村益农信息社');
  });

  it('pages with "load more" and says when nothing matches', async () => {
    const page = await phone();
    await openRoute(page, webUrl, SEARCH);
    // A county name: many stations, more than one page.
    await page.locator('#search-input input').fill('乐都');
    await page.waitForSelector('#search-results');
    const first = await page.locator('#search-results > *').count();
    expect(first).toBeGreaterThan(0);
    await page.locator('#search-more-button .at-button').click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > *').length > n, first);
    const codes = await page.locator('#search-results > *').evaluateAll((rows) => rows.map((row) => row.id));
    expect(new Set(codes).size).toBe(codes.length);

    await page.locator('#search-input input').fill('没有这个村子');
    await page.waitForSelector('#search-empty');
    expect(await text(page, '#search-empty')).toContain('没有找到“没有这个村子”');
    await shoot(page, 'find-search-empty.png');
  });
});

describe('H5: nearest stations', () => {
  it('lists the stations nearest to 36.48, 102.40 first, with their distances', async () => {
    const page = await phone(at(36.48, 102.4));
    await page.goto(`${webUrl}/`);
    await page.locator('#home-nearest-link').click();
    await page.waitForSelector('#nearest-intro');
    await shoot(page, 'find-nearest-intro.png');
    await page.locator('#nearest-locate-button .at-button').click();
    await page.waitForSelector('#nearest-results');
    const rows = page.locator('#nearest-results > *');
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(20);
    const distances = await page.locator('#nearest-results .station-list__distance').allInnerTexts();
    expect(distances).toHaveLength(count);
    const meters = distances.map((d) => {
      const match = /^([\d.]+) (米|公里)$/.exec(d);
      expect([d, match !== null]).toEqual([d, true]);
      return Number(match![1]) * (match![2] === '公里' ? 1000 : 1);
    });
    // Nearest first (as shown, rounded).
    expect([...meters].sort((a, b) => a - b)).toEqual(meters);
    const answer = await api<{ items: StationProfile[] }>('/stations?near=36.48,102.4&limit=20');
    expect(await rows.first().getAttribute('id')).toBe(`nearest-result-${answer.items[0].code}`);
    await expectTidyAtLargeText(page, 'find-nearest-1.5x.png');
    await rows.first().click();
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe(`${answer.items[0].villageName}益农信息社`);
  });

  it('says there is no station within 200 km of Lhasa and offers the other ways', async () => {
    const page = await phone(at(29.65, 91.1));
    await openRoute(page, webUrl, NEAREST);
    await page.locator('#nearest-locate-button .at-button').click();
    await page.waitForSelector('#nearest-empty');
    expect(await text(page, '#nearest-empty')).toContain('200 公里内没有服务站');
    await shoot(page, 'find-nearest-empty.png');
    await page.locator('#nearest-browse-button .at-button').click();
    await page.waitForSelector('#browse-list');
  });

  it('explains a refused location and leads to browsing instead', async () => {
    // No geolocation permission granted: the browser refuses.
    const page = await phone();
    await openRoute(page, webUrl, NEAREST);
    await page.locator('#nearest-locate-button .at-button').click();
    await page.waitForSelector('#nearest-denied');
    expect(await text(page, '#nearest-denied')).toContain('没有获得位置权限');
    await expectTidyAtLargeText(page, 'find-nearest-denied-1.5x.png');
  });
});
