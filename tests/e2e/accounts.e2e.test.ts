/**
 * @jest-environment node
 *
 * Accounts on the H5 build in Chromium, through the dev sign-in field (`dev:<openid>`, local stages
 * only): a fresh user reads their id off the "me" page, the province admin appoints them officer of
 * the demo station, they get the officer workspace; once removed they lose it on their next visit
 * (the role comes from GET /me, never from storage), and a page they come back to asks again.
 *
 * Environment: E2E_WEB_URL and E2E_STATION_CODE from the test harness (tests/harness/stack.ts: the
 * seeded demo accounts, station 630202002214 土桥村); without them, the H5 build against
 * tests/e2e/fake-api.ts (its own demo admin and station). Needs `npm run build:h5`.
 *
 * Selectors (ids set in miniprogram/src; Taro H5 renders Input as <taro-input-core><input>, our
 * buttons as <taro-view-core id=...><button class="at-button">):
 *   me page     #me-account-code-button, #me-account-code-box, #me-account-code-digits, #me-account-code-qr img,
 *               #me-signed-out, #me-dev-openid input, #me-dev-openid-error, #me-dev-login-button,
 *               #me-login-error, #me-loading, #me-signed-in, #me-name, #me-role, #me-user-id,
 *               #me-copy-id-button, #me-station-name, #me-station-region, #me-region-name,
 *               #me-officer-entry, #me-admin-entry, #me-sign-out-button
 *   role gate   #role-gate-loading, #role-gate-sign-in, #role-gate-sign-in-button, #role-gate-denied,
 *               #role-gate-me-button, #role-gate-error
 *   officer     #officer-home, #officer-station-name, #officer-station-region, #officer-feature-payments
 *   admin       #admin-home, #admin-region, #admin-appoint-station-input input,
 *               #admin-appoint-user-input input, #admin-appoint-button, #admin-appoint-success,
 *               #admin-appoint-error, #admin-officers-station-input input, #admin-officers-load-button,
 *               #admin-officers-list, #admin-officer-<userId>, #admin-officer-remove-<userId>,
 *               #admin-officer-confirm-<userId>, #admin-remove-success
 * Screenshots: .tmp/e2e/me-*.png, admin-*.png, officer-*.png (officer-denied.png: the role gate).
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { click, expectTidyAtLargeText, freshOpenid, openRoute, phonesForSuite, shoot, signInAs, targetForSuite, text, waitForText } from './support';

const ME = 'packages/me/pages/index/index';
const OFFICER = 'packages/officer/pages/index/index';
const ADMIN = 'packages/admin/pages/index/index';
const PROVINCE_ADMIN = 'admin-qinghai';

const target = targetForSuite();
const phone = phonesForSuite();

const open = (page: Page, route: string) => openRoute(page, target.webUrl, route);
const signIn = (page: Page, openid: string) => signInAs(page, target.webUrl, openid);

async function signOut(page: Page) {
  await click(page, 'me-sign-out-button');
  await page.waitForSelector('#me-signed-out');
}

/** The admin form: station code + user id -> the success line. */
async function appoint(page: Page, stationCode: string, userId: string) {
  await page.locator('#admin-appoint-station-input input').fill(stationCode);
  await page.locator('#admin-appoint-user-input input').fill(userId);
  await click(page, 'admin-appoint-button');
}

describe('H5 accounts: appoint and remove an officer', () => {
  it('a fresh user is appointed officer by the province admin, then loses the workspace when removed', async () => {
    const { station } = target;
    const officerOpenid = freshOpenid('e2e-officer');
    const page = await phone();

    // 1. A fresh user signs in and reads their id off the "me" page.
    await signIn(page, officerOpenid);
    expect(await text(page, '#me-role')).toBe('村民');
    const userId = (await text(page, '#me-user-id')).trim();
    expect(userId).toMatch(/^[0-9A-Za-z_-]{1,40}$/);
    expect(await page.locator('#me-officer-entry').count()).toBe(0);
    await shoot(page, 'me-villager.png');
    // Their account code: a QR code the admin scans and 8 digits to type, instead of the id.
    await click(page, 'me-account-code-button');
    await page.waitForSelector('#me-account-code-box');
    const shownCode = (await text(page, '#me-account-code-digits')).trim();
    expect(shownCode).toMatch(/^\d{4} \d{4}$/);
    const qr = page.locator('#me-account-code-qr img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shoot(page, 'me-account-code.png');

    // Not an officer yet: the workspace says why.
    await open(page, OFFICER);
    await page.waitForSelector('#role-gate-denied');
    expect(await text(page, '#role-gate-denied')).toContain('当前身份：村民');

    // 2. The province admin appoints them officer of the station, by the station's code and the
    // account code typed as shown (with its space).
    await open(page, ME);
    await page.waitForSelector('#me-signed-in');
    await signOut(page);
    await signIn(page, PROVINCE_ADMIN);
    expect(await text(page, '#me-role')).toBe('省级管理员');
    expect(await text(page, '#me-region-name')).toBe('青海省');
    await shoot(page, 'me-admin.png');
    await click(page, 'me-admin-entry');
    await page.waitForSelector('#admin-home');
    expect(await text(page, '#admin-region')).toContain('青海省');
    await appoint(page, station.code, shownCode);
    await page.waitForSelector('#admin-appoint-success');
    const success = await text(page, '#admin-appoint-success');
    expect(success).toContain(userId);
    expect(success).toContain(`${station.villageName}益农信息社`);
    await shoot(page, 'admin-appointed.png');

    // 3. The new officer signs in: their station on "me", and the workspace.
    await open(page, ME);
    await page.waitForSelector('#me-signed-in');
    await signOut(page);
    await signIn(page, officerOpenid);
    expect(await text(page, '#me-user-id')).toBe(userId);
    expect(await text(page, '#me-role')).toBe('信息员');
    expect(await text(page, '#me-station-name')).toBe(station.villageName);
    await shoot(page, 'me-officer.png');
    await click(page, 'me-officer-entry');
    await page.waitForSelector('#officer-home');
    expect(await text(page, '#officer-station-name')).toBe(`你的站点：${station.villageName}`);
    expect(await text(page, '#officer-feature-payments')).toContain('已开通');
    await shoot(page, 'officer-home.png');

    // 4. On another phone the admin lists the station's officers and removes this one.
    const adminPage = await phone();
    await signIn(adminPage, PROVINCE_ADMIN);
    await open(adminPage, ADMIN);
    await adminPage.waitForSelector('#admin-home');
    await adminPage.locator('#admin-officers-station-input input').fill(station.code);
    await click(adminPage, 'admin-officers-load-button');
    await adminPage.waitForSelector(`#admin-officer-${userId}`);
    await click(adminPage, `admin-officer-remove-${userId}`);
    await shoot(adminPage, 'admin-confirm-remove.png');
    await click(adminPage, `admin-officer-confirm-${userId}`);
    await adminPage.waitForSelector('#admin-remove-success');
    expect(await text(adminPage, '#admin-remove-success')).toContain(userId);
    expect(await adminPage.locator(`#admin-officer-${userId}`).count()).toBe(0);
    await shoot(adminPage, 'admin-removed.png');

    // 5. Still signed in, the former officer comes back to "me" (in-app back): it asks the server
    // again on show and no longer offers the workspace; re-opening the workspace is refused.
    await page.goBack();
    await page.waitForSelector('#me-signed-in');
    await waitForText(page, '#me-role', /^村民$/);
    expect(await page.locator('#me-officer-entry').count()).toBe(0);
    await open(page, OFFICER);
    await page.waitForSelector('#role-gate-denied');
    expect(await page.locator('#officer-home').count()).toBe(0);
    await shoot(page, 'officer-denied.png');
  });
});

describe('H5 accounts: sign-in and gates', () => {
  it('asks a signed-out visitor to sign in, and the button leads to the "me" page', async () => {
    const page = await phone();
    await open(page, ADMIN);
    await page.waitForSelector('#role-gate-sign-in');
    expect(await text(page, '#role-gate-sign-in')).toContain('请以管理员身份登录后继续。');
    await click(page, 'role-gate-sign-in-button');
    await page.waitForSelector('#me-signed-out');
    await page.locator('#me-dev-openid input').fill('not an openid!');
    await click(page, 'me-dev-login-button');
    expect(await text(page, '#me-dev-openid-error')).toContain('openid 只能是');
    await expectTidyAtLargeText(page, 'me-signed-out-1.5x.png');
  });

  it('drops a session the server no longer accepts and shows the signed-out state', async () => {
    const page = await phone();
    await signIn(page, freshOpenid('e2e-stale'));
    // A token the server cannot verify (as after a secret rotation or a deleted user).
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('yinong.session') ?? '{}') as { data: { token: string } };
      stored.data.token = 'not-a-valid-token';
      localStorage.setItem('yinong.session', JSON.stringify(stored));
    });
    await open(page, ME);
    await page.waitForSelector('#me-signed-out');
    expect(await page.evaluate(() => localStorage.getItem('yinong.session'))).toBeNull();
  });

  it('tells the admin why an appointment failed, and keeps the pages within 375 px at 1.5x text', async () => {
    const page = await phone();
    await signIn(page, PROVINCE_ADMIN);
    const adminId = (await text(page, '#me-user-id')).trim();
    await expectTidyAtLargeText(page, 'me-admin-1.5x.png');

    await open(page, ADMIN);
    await page.waitForSelector('#admin-home');
    await appoint(page, '999999999999', 'unobody');
    await page.waitForSelector('#admin-appoint-error');
    expect(await text(page, '#admin-appoint-error')).toContain('没有找到这个站点编码');

    // A typo in a user id and a code nobody holds read the same, and so would someone out of reach.
    const neutral = '没有找到可以任命的人：请核对账号码（10 分钟内有效，只能用一次）或用户编号；也可能站点或此人不在你的管辖范围内。';
    await appoint(page, target.station.code, `unobody${randomBytes(4).toString('hex')}`);
    await waitForText(page, '#admin-appoint-error', neutral);
    const answered = page.waitForResponse((r) => r.url().endsWith('/admin/officers') && r.request().method() === 'POST');
    await appoint(page, target.station.code, '9999 0000');
    const codeAnswer = await answered;
    expect(JSON.parse(codeAnswer.request().postData() ?? '{}')).toEqual({ stationId: target.station.id, accountCode: '99990000' });
    expect(codeAnswer.status()).toBe(404);
    await waitForText(page, '#admin-appoint-error', neutral);
    await shoot(page, 'admin-appoint-not-found.png');

    await appoint(page, target.station.code, adminId);
    await waitForText(page, '#admin-appoint-error', '是管理员或专家');

    await page.locator('#admin-officers-station-input input').fill(target.station.code);
    await click(page, 'admin-officers-load-button');
    await page.waitForSelector('#admin-officers-list');
    await expectTidyAtLargeText(page, 'admin-1.5x.png');
  });
});
