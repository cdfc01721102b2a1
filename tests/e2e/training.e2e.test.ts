/**
 * @jest-environment node
 *
 * Training (issue 15) on the H5 build in Chromium, against the real stack: the demo officer of 土桥村
 * schedules a session from the station page (its check-in window open now), a fresh villager finds it on
 * the station page and signs up, then opens the check-in link the officer's attendance page shows beside
 * the QR code and is checked in; the officer's attendance list shows them checked in. The tests run in order.
 *
 * Selectors: #station-trainings-link, #training-schedule, #training-title input, #training-date input,
 * #training-start input, #training-end input, #training-capacity input, #training-save, #training-sign-up,
 * #training-signed-up, #training-attendance, #training-qr-link, #checkin-result, #training-person-<n>.
 * Screenshots: .tmp/e2e/training-*.png.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  click,
  expectWithin,
  freshOpenid,
  horizontalExtent,
  openRoute,
  phonesForSuite,
  requireStack,
  shoot,
  signInAs,
  text,
  waitForText,
  WIDTH,
} from './support';

const TUQIAO = '630202002214';
const TITLE = `手机上网课${randomBytes(3).toString('hex')}`;
const MINUTE = 60_000;

let webUrl: string;
const phone = phonesForSuite();
const villagerOpenid = freshOpenid('e2e-training');
let sessionId: string;
let checkinLink: string;

/**
 * A slot whose check-in window is open now, on one China date: from a minute from now for up to two hours,
 * ending by 23:59; after 23:50 the next day's 00:00-02:00 (its window opened at 23:30).
 */
function openSlot(now = new Date()) {
  const china = (ms: number) => new Date(ms + 8 * 3600_000).toISOString();
  const clock = china(now.getTime()).slice(11, 16);
  if (clock >= '23:50') return { date: china(now.getTime() + 3600_000).slice(0, 10), start: '00:00', end: '02:00' };
  const start = china(now.getTime() + MINUTE);
  const end = china(now.getTime() + 121 * MINUTE);
  return { date: start.slice(0, 10), start: start.slice(11, 16), end: end.slice(0, 10) === start.slice(0, 10) ? end.slice(11, 16) : '23:59' };
}

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

beforeAll(() => {
  webUrl = requireStack();
});

describe('H5: training sessions', () => {
  it('the officer schedules a session at the station', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await open(page, `pages/station/index?scene=${TUQIAO}`);
    await page.locator('#station-trainings-link').click();
    await click(page, 'training-schedule');
    await page.waitForSelector('#training-title input');
    const slot = openSlot();
    await page.locator('#training-topic-phone_skills').click();
    await page.locator('#training-title input').fill(TITLE);
    await page.locator('#training-trainer input').fill('李老师');
    await page.locator('#training-date input').fill(slot.date);
    await page.locator('#training-start input').fill(slot.start);
    await page.locator('#training-end input').fill(slot.end);
    await page.locator('#training-capacity input').fill('20');
    await shoot(page, 'training-schedule.png');
    await click(page, 'training-save');
    await page.waitForSelector('#training-session-page');
    sessionId = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
    expect(sessionId).toMatch(/^tr[0-9a-f]{24}$/);
    expect(await text(page, '#training-session')).toContain(TITLE);
    expect(await text(page, '#training-seats')).toContain('0/20 人');
  });

  it('a villager finds it on the station page and signs up', async () => {
    const page = await phone();
    await signInAs(page, webUrl, villagerOpenid);
    await open(page, `pages/station/index?scene=${TUQIAO}`);
    await page.locator('#station-trainings-link').click();
    await page.locator(`#training-${sessionId}`).click();
    await click(page, 'training-sign-up');
    await page.waitForSelector('#training-signed-up');
    expect(await text(page, '#training-seats')).toContain('1/20 人');
    await shoot(page, 'training-signed-up.png');
  });

  it('the officer’s attendance page shows the QR code and its link; the villager opens the link and is checked in once', async () => {
    const officer = await phone();
    await signInAs(officer, webUrl, 'officer-tuqiao');
    await open(officer, `packages/training/pages/session/index?id=${sessionId}`);
    await click(officer, 'training-attendance');
    await officer.waitForSelector('#training-qr-image');
    checkinLink = (await text(officer, '#training-qr-link')).replace(/^签到链接：/, '').trim();
    expect(checkinLink).toContain(`#/packages/training/pages/checkin/index?id=${sessionId}&t=`);
    await shoot(officer, 'training-attendance-qr.png');
    // The long link wraps inside a 375 px screen (an unbroken address would run past its right edge).
    const linkRight = await officer.locator('#training-qr-link').evaluate((el) => {
      // The text's own extent (a clipping box would hide an overflow from the element's rectangle).
      const range = document.createRange();
      range.selectNodeContents(el);
      return Math.max(...Array.from(range.getClientRects(), (r) => r.right));
    });
    expect(linkRight).toBeLessThanOrEqual(WIDTH);
    expectWithin(await horizontalExtent(officer));

    const villager = await phone();
    await signInAs(villager, webUrl, villagerOpenid);
    await villager.goto('about:blank');
    await villager.goto(checkinLink);
    await waitForText(villager, '#checkin-result', '签到成功');
    await shoot(villager, 'training-checked-in.png');
    // Opened again (a second scan): already checked in, nothing new.
    await villager.goto('about:blank');
    await villager.goto(checkinLink);
    await waitForText(villager, '#checkin-result', '已经签到过了');
  });

  it('the officer sees the villager checked in', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await open(page, `packages/training/pages/attendance/index?id=${sessionId}`);
    await page.waitForSelector('#training-person-0');
    expect(await text(page, '#training-people')).toContain('名单（1 人）');
    expect(await text(page, '#training-person-0-state')).toContain('已签到');
    expect(await text(page, '#training-qr')).toContain('1/20 人');
    await shoot(page, 'training-attendance-list.png');
  });
});
