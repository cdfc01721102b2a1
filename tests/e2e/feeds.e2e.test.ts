/**
 * @jest-environment node
 *
 * The information feed (issue 11) on the H5 build in Chromium, against the real stack: an alert
 * asking for 收到, written by the county admin and published by the prefecture admin through the
 * API (an admin's own item is reviewed by another), read and acknowledged by a villager whose
 * household the officer of 土桥村 linked, followed up by the officer (acked / told by phone) and
 * measured by the county admin (rates per station). The tests run in order: each builds on the last.
 *
 * Selectors (ids set in miniprogram/src):
 *   station page  #station-feed-<id>, #station-feed-more
 *   feed          #feed-item-<id>, #feed-item-<id>-pinned, #feed-tab-<category>
 *   item          #feed-item-title, #feed-item-body, #feed-ack-button, #feed-ack-done, #feed-ack-sign-in-button
 *   officer       #officer-alerts-link, #officer-alerts-list-<id>, #acks-row-<householdId>-state,
 *                 #acks-row-<householdId>-phone, #acks-totals, #acks-filter-pending
 *   admin         #admin-alerts-link, #admin-alerts-list-<id>, #ack-rate-<villageCode>, #ack-rate-<villageCode>-rate,
 *                 #ack-rates-more, #ack-rates-list (the prefecture admin reaches the county's alert too)
 * Screenshots: .tmp/e2e/feed-*.png.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText, stackApi } from './support';

const TUQIAO = '630202002214';
const LEDU = '630202';
const tag = randomBytes(3).toString('hex');
const TITLE = `暴雪蓝色预警 ${tag}`;

let webUrl: string;
const phone = phonesForSuite();
let feedId: string;
let ackHousehold: string;
let phoneHousehold: string;
let villagerOpenid: string;

const { api, login } = stackApi(() => webUrl);

beforeAll(async () => {
  webUrl = requireStack();
  const [ledu, haidong, officer] = [await login('admin-ledu'), await login('admin-haidong'), await login('officer-tuqiao')];
  const alert = await api<{ id: string }>('/feeds', {
    method: 'POST',
    token: ledu,
    body: {
      title: TITLE,
      body: '明天夜间到后天有大到暴雪，请把牲畜赶进棚圈，备足草料，少出门。',
      category: 'weather_alert',
      regionCode: LEDU,
      lang: 'zh',
      urgent: true,
      requiresAck: true,
    },
  });
  feedId = alert.id;
  await api(`/feeds/${feedId}/submit`, { method: 'POST', token: ledu });
  await api(`/feeds/${feedId}/publish`, { method: 'POST', token: haidong });

  // Two households of 土桥村: one linked to a fresh villager's WeChat, one without a smartphone.
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  const household = (headName: string) =>
    api<{ id: string }>(`/stations/${station.id}/households`, { method: 'POST', token: officer, body: { headName, consent: true } });
  ackHousehold = (await household(`收到户${tag}`)).id;
  phoneHousehold = (await household(`电话户${tag}`)).id;
  villagerOpenid = freshOpenid('e2e-feed');
  const { code } = await api<{ code: string }>('/me/household-link-code', { method: 'POST', token: await login(villagerOpenid) });
  await api(`/households/${ackHousehold}/links`, { method: 'POST', token: officer, body: { code } });
});

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

describe('H5: the information feed', () => {
  it('a villager sees the alert pinned on the station page and in the feed, and opens it', async () => {
    const page = await phone();
    await open(page, `pages/station/index?scene=${TUQIAO}`);
    await page.waitForSelector(`#station-feed-${feedId}`);
    expect(await text(page, `#station-feed-${feedId}`)).toContain('紧急');
    await shoot(page, 'feed-station.png');
    await page.locator('#station-feed-more').click();
    await page.waitForSelector(`#feed-item-${feedId}-pinned`);
    expect(await text(page, `#feed-item-${feedId}`)).toContain(TITLE);
    await shoot(page, 'feed-list.png');
    await page.locator(`#feed-item-${feedId}`).click();
    await waitForText(page, '#feed-item-title', TITLE);
    expect(await text(page, '#feed-item-body')).toContain('棚圈');
    // Signed out: 收到 needs a sign-in first.
    await page.waitForSelector('#feed-ack-sign-in-button');
    await shoot(page, 'feed-item-signed-out.png');
  });

  it('a villager whose household is at 土桥村 acknowledges the alert', async () => {
    const page = await phone();
    await signInAs(page, webUrl, villagerOpenid);
    await open(page, `packages/feed/pages/item/index?id=${feedId}`);
    await click(page, 'feed-ack-button');
    await page.waitForSelector('#feed-ack-done');
    expect(await text(page, '#feed-ack-done')).toContain('已确认收到');
    await shoot(page, 'feed-item-acked.png');
    // A later visit remembers it (asked of the server): no 收到 button again.
    await open(page, `packages/feed/pages/item/index?id=${feedId}`);
    await page.waitForSelector('#feed-ack-done');
    expect(await page.locator('#feed-ack-button').count()).toBe(0);
  });

  it('the officer sees that household acknowledged and marks the other one told by phone', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await open(page, 'packages/officer/pages/index/index');
    await page.locator('#officer-alerts-link').click();
    await page.locator(`#officer-alerts-list-${feedId}`).click();
    await waitForText(page, `#acks-row-${ackHousehold}-state`, '已确认收到');
    await waitForText(page, '#acks-totals', '已确认 1 户，已告知 0 户');
    await page.locator('#acks-filter-pending').click();
    expect(await page.locator(`#acks-row-${ackHousehold}`).count()).toBe(0);
    await click(page, `acks-row-${phoneHousehold}-phone`);
    await waitForText(page, `#acks-row-${phoneHousehold}-state`, '已电话告知');
    await waitForText(page, '#acks-totals', '已确认 1 户，已告知 1 户');
    await shoot(page, 'feed-officer-acks.png');
  });

  it('the county admin sees the rates per station', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'admin-ledu');
    await open(page, 'packages/admin/pages/index/index');
    await click(page, 'admin-alerts-link');
    await page.locator(`#admin-alerts-list-${feedId}`).click();
    const row = page.locator(`#ack-rate-${TUQIAO}`);
    await page.waitForSelector('#ack-rates-list');
    // Division-code order, 20 stations a page: 土桥村 is a few pages into 乐都区.
    for (let pages = 1; (await row.count()) === 0 && pages < 30; pages++) {
      const more = page.locator('#ack-rates-more .at-button');
      const before = await page.locator('#ack-rates-list .list-row').count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('#ack-rates-list .list-row').length > n, before);
    }
    expect(await text(page, `#ack-rate-${TUQIAO}`)).toMatch(/\d+ 户 · 已确认 1 · 已告知 1/);
    expect(await text(page, `#ack-rate-${TUQIAO}-rate`)).toMatch(/^\d+%$/);
    await shoot(page, 'feed-admin-rates.png');
  });

  it('the prefecture admin finds the county’s alert among those reaching into 海东市, and its rates', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'admin-haidong');
    await open(page, 'packages/admin/pages/index/index');
    await click(page, 'admin-alerts-link');
    await page.locator(`#admin-alerts-list-${feedId}`).click();
    await page.waitForSelector('#ack-rates-list');
    expect(await page.locator('#ack-rates-list .list-row').count()).toBeGreaterThan(0);
  });
});
