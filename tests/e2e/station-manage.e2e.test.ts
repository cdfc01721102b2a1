/**
 * @jest-environment node
 *
 * Signed-in flows around a station on the H5 build in Chromium, against the real stack (demo
 * accounts of tests/harness/stack.ts; 土桥村 630202002214 has officer-tuqiao, a phone and a position):
 * a villager makes it their station and reveals its number, its officer edits it and downloads the
 * QR poster, the county admin changes its type and reads the history.
 *
 * Selectors (ids set in miniprogram/src):
 *   details page  #station-home-set-button, #station-home-badge, #station-phone,
 *                 #station-phone-reveal-button, #station-call-button, #station-phone-sign-in
 *   me            #me-home-station, #me-home-station-name, #me-home-station-region,
 *                 #me-home-station-open, #me-home-station-change, #me-home-station-find
 *   officer       #officer-station-edit-link, #officer-station-page, #station-manager,
 *                 #manage-station-name
 *   editor        #station-editor, #edit-type-<type>, #edit-capability-<key>, #edit-hours-<i>,
 *                 #edit-hours-<i>-day-<1..7>, #edit-hours-<i>-open input, #edit-hours-<i>-close input,
 *                 #edit-hours-add, #edit-lat input, #edit-lng input, #edit-phone input,
 *                 #edit-save-button, #edit-saved, #edit-error, #edit-reload-button
 *   poster        #station-poster-button, #station-poster-done, #station-poster-error
 *   history       #station-history, #history-item-<i>, #history-empty, #history-more-button
 *   admin         #admin-stations-link, #admin-station-code-input input, #admin-station-load-button,
 *                 #admin-station-error
 * Screenshots: .tmp/e2e/manage-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { StationProfile } from '../../shared/schemas/stations';
import { click, expectTidyAtLargeText, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText } from './support';

const TUQIAO = '630202002214';
const STATION = `pages/station/index?scene=${TUQIAO}`;
// The station's details (hours, phone, 设为我的站点): packages/station, one tap from STATION.
const ABOUT = `packages/station/pages/about/index?code=${TUQIAO}`;
const ME = 'packages/me/pages/index/index';

let webUrl: string;
const phone = phonesForSuite();

beforeAll(() => {
  webUrl = requireStack();
});

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

/** The station as the public API shows it; a 503 (a busy local stack) is retried after its Retry-After, as clients do. */
async function publicProfile(): Promise<StationProfile> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${webUrl}/api/stations/by-code/${TUQIAO}`);
    if (response.status === 200) return (await response.json()) as StationProfile;
    const body = await response.text();
    if (response.status !== 503 || attempt === 3) throw new Error(`GET /stations/by-code/${TUQIAO}: HTTP ${response.status} ${body}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
  }
}

describe('H5: a villager and their station', () => {
  it('a fresh villager makes 土桥村 their station and sees it on "me"', async () => {
    const page = await phone();
    await signInAs(page, webUrl, freshOpenid('e2e-villager'));
    await page.waitForSelector('#me-home-station-find');

    await open(page, STATION);
    await page.locator('#station-about-link').click();
    await page.waitForSelector('#station-home-set-button');
    await shoot(page, 'manage-station-villager.png');
    await click(page, 'station-home-set-button');
    await page.waitForSelector('#station-home-badge');
    expect(await text(page, '#station-home-badge')).toBe('我的站点');
    expect(await page.locator('#station-home-set-button').count()).toBe(0);

    await open(page, ME);
    await page.waitForSelector('#me-home-station-name');
    expect(await text(page, '#me-home-station-name')).toBe('土桥村');
    expect(await text(page, '#me-home-station-region')).toContain('乐都区');
    await expectTidyAtLargeText(page, 'manage-me-home-1.5x.png');
    await click(page, 'me-home-station-open');
    await page.waitForSelector('#station-details');

    // Opened again later, the station's details still know it is theirs.
    await open(page, ABOUT);
    await page.waitForSelector('#station-home-badge');
  });

  it('a signed-in user reveals the full phone number; signed out, the page says how', async () => {
    const page = await phone();
    await open(page, ABOUT);
    await page.waitForSelector('#station-phone-sign-in');
    const masked = await text(page, '#station-phone');
    expect(masked).toContain('*');

    await signInAs(page, webUrl, freshOpenid('e2e-caller'));
    await open(page, ABOUT);
    await click(page, 'station-phone-reveal-button');
    await page.waitForSelector('#station-call-button');
    const full = await text(page, '#station-phone');
    expect(full).toMatch(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);
    // The same number as the masked one, digits hidden there.
    expect(full.slice(-4)).toBe(masked.slice(-4));
    await expectTidyAtLargeText(page, 'manage-station-phone-1.5x.png');
  });
});

describe('H5: the officer of 土桥村', () => {
  it('edits the opening hours, sees them on the station page, and downloads the QR poster', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await click(page, 'me-officer-entry');
    await page.locator('#officer-station-edit-link').click();
    await page.waitForSelector('#station-editor');
    expect(await text(page, '#manage-station-name')).toBe('土桥村益农信息社');
    // Officers change hours, location and phone; type and capabilities are the admins'.
    expect(await page.locator('#edit-type').count()).toBe(0);
    await shoot(page, 'manage-officer.png');

    // A second window: Sunday mornings.
    await click(page, 'edit-hours-add');
    const added = (await page.locator('[id^="edit-hours-"][id$="-remove"]').count()) - 1;
    await page.locator(`#edit-hours-${added}-open input`).fill('9:00');
    await page.locator(`#edit-hours-${added}-close input`).fill('12:00');
    await page.locator(`#edit-hours-${added}-close input`).fill('8:00');
    await click(page, 'edit-save-button');
    await waitForText(page, '#edit-error', '请先改正标红的内容');
    expect(await text(page, `#edit-hours-${added}-close-error`)).toBe('关门时间要晚于开门时间。');
    await page.locator(`#edit-hours-${added}-close input`).fill('12:00');
    await click(page, 'edit-save-button');
    await waitForText(page, '#edit-saved', '已保存：营业时间');
    await page.waitForSelector('#history-item-0');
    expect(await text(page, '#history-item-0')).toContain('修改了：营业时间');
    expect(await text(page, '#history-item-0')).toContain('信息员');
    await expectTidyAtLargeText(page, 'manage-officer-saved-1.5x.png');

    const profile = await publicProfile();
    expect(profile.openingHours).toContainEqual({ days: [7], open: '09:00', close: '12:00' });

    // The poster: an SVG file with the station's name.
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'station-poster-button')]);
    expect(download.suggestedFilename()).toBe(`station-${TUQIAO}.svg`);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('土桥村益农信息社');
    await page.waitForSelector('#station-poster-done');

    // Put the hours back as they were for the other tests.
    await page.locator(`#edit-hours-${added}-remove .at-button`).click();
    await click(page, 'edit-save-button');
    await waitForText(page, '#edit-saved', '已保存：营业时间');
  });

  it('a villager cannot download the poster: the officer page refuses them', async () => {
    const page = await phone();
    await signInAs(page, webUrl, freshOpenid('e2e-not-officer'));
    await open(page, 'packages/officer/pages/station/index');
    await page.waitForSelector('#role-gate-denied');
  });
});

describe('H5: the county admin of 乐都区', () => {
  it('changes the type of 土桥村, reads who changed what, and puts it back', async () => {
    const before = await publicProfile();
    const other = before.type === 'specialized' ? 'simple' : 'specialized';
    const page = await phone();
    await signInAs(page, webUrl, 'admin-ledu');
    await click(page, 'me-admin-entry');
    await click(page, 'admin-stations-link');
    await page.locator('#admin-station-code-input input').fill(TUQIAO);
    await click(page, 'admin-station-load-button');
    await page.waitForSelector('#station-editor');
    await page.waitForSelector('#edit-type');

    await page.locator(`#edit-type-${other}`).click();
    await click(page, 'edit-save-button');
    await waitForText(page, '#edit-saved', '已保存：站点类型');
    await waitForText(page, '#history-item-0', '修改了：站点类型');
    expect(await text(page, '#history-item-0')).toContain('县级管理员');
    expect((await publicProfile()).type).toBe(other);
    await expectTidyAtLargeText(page, 'manage-admin-1.5x.png');

    await page.locator(`#edit-type-${before.type}`).click();
    await click(page, 'edit-save-button');
    await waitForText(page, '#edit-saved', '已保存：站点类型');
    expect((await publicProfile()).type).toBe(before.type);
  });

  it('is told a station outside 乐都区 is not theirs', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'admin-ledu');
    await open(page, 'packages/admin/pages/station/index?code=630121108203');
    await page.waitForSelector('#admin-station-error');
    expect(await text(page, '#admin-station-error')).toBe('这个站点不在你的管辖范围内。');
    expect(await page.locator('#station-editor').count()).toBe(0);
  });
});
