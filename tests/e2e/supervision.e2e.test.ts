/**
 * @jest-environment node
 *
 * The service ledger and supervision (issue 15) on the H5 build in Chromium, against the real stack:
 *   1. the officer of 土桥村 logs a consultation for a household in one tap (its page's 电话咨询), and the
 *      household's villager rates it on 我的服务评价 once: a second rating, from a screen opened before the
 *      first was sent, is refused and reads as already rated;
 *   2. the province admin opens 服务督导 and drills down region by region, always into the weakest child
 *      (each level's rows weakest first against target), to the weakest station of a township; the
 *      charts show; the CSV export downloads the same figures: aggregates only, no phone, name or id of
 *      a person or household.
 * The roll-up job runs here (the test stack runs no job loops), as it would every minute deployed.
 *
 * Selectors: #household-log-phone, #household-logged, #me-services-open, #my-service-<id>-rating-<n>,
 * #my-service-<id>-rating-send, -thanks, -already, #supervision-region, #supervision-child-<code>(-share),
 * #supervision-chart-types, #supervision-chart-trend, #supervision-export-button, #supervision-exported.
 * Screenshots: .tmp/e2e/supervision-*.png.
 */
import { randomBytes } from 'node:crypto';
import { serverText, type ServerTextKey } from '../../functions/i18n';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { runServiceRollup } from '../../functions/data/service-rollup';
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
  stackApi,
  text,
} from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex');
let webUrl: string;
const phone = phonesForSuite();
const { api, login } = stackApi(() => webUrl);
let householdId: string;
let villagerOpenid: string;
let officerUserId: string;

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

beforeAll(async () => {
  webUrl = requireStack();
  const officer = await login('officer-tuqiao');
  officerUserId = (await api<{ user: { id: string } }>('/me', { token: officer })).user.id;
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  householdId = (
    await api<{ id: string }>(`/stations/${station.id}/households`, {
      method: 'POST',
      token: officer,
      body: { headName: `评价户${tag}`, consent: true },
    })
  ).id;
  villagerOpenid = freshOpenid('e2e-rate');
  const { code } = await api<{ code: string }>('/me/household-link-code', { method: 'POST', token: await login(villagerOpenid) });
  await api(`/households/${householdId}/links`, { method: 'POST', token: officer, body: { code } });
});

describe('H5: a consultation logged in one tap, rated once', () => {
  let serviceId: string;

  it('the officer logs a phone consultation for the household in one tap', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await open(page, `packages/officer/pages/household/index?id=${householdId}`);
    await page.waitForSelector('#household-quick-log');
    const answered = page.waitForResponse((r) => r.url().includes('/consultations') && r.request().method() === 'POST');
    await click(page, 'household-log-phone');
    const response = await answered;
    expect(response.status()).toBe(201);
    serviceId = ((await response.json()) as { id: string }).id;
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ channel: 'phone', householdId });
    await page.waitForSelector('#household-logged');
    expect(await text(page, '#household-logged')).toContain('电话');
  });

  it('the household’s villager rates it 5 once; a second rating from another screen is refused', async () => {
    const first = await phone();
    await signInAs(first, webUrl, villagerOpenid);
    await first.locator('#me-services-open .at-button').click();
    const prefix = `my-service-${serviceId}-rating`;
    await first.waitForSelector(`#${prefix}-prompt`);
    expect(await text(first, `#my-service-${serviceId}`)).toContain('咨询 · 电话');
    // A second screen of the same villager, opened before the first rating is sent.
    const second = await phone();
    await signInAs(second, webUrl, villagerOpenid);
    await open(second, 'packages/receipt/pages/services/index');
    await second.waitForSelector(`#${prefix}-prompt`);

    await first.locator(`#${prefix}-5`).click();
    await first.locator(`#${prefix}-comment input, #${prefix}-comment textarea`).first().fill('讲得很清楚');
    await click(first, `${prefix}-send`);
    await first.waitForSelector(`#${prefix}-thanks`);
    await shoot(first, 'supervision-rated.png');

    await second.locator(`#${prefix}-2`).click();
    const refused = second.waitForResponse((r) => r.url().includes(`/services/${serviceId}/rating`));
    await click(second, `${prefix}-send`);
    expect((await refused).status()).toBe(409);
    await second.waitForSelector(`#${prefix}-already`);

    // Opened again, the service shows its one rating and no prompt.
    await open(second, 'packages/receipt/pages/services/index');
    await second.waitForSelector(`#my-service-${serviceId}`);
    expect(await text(second, `#my-service-${serviceId}`)).toContain('已评 5 分');
    expect(await second.locator(`#${prefix}-prompt`).count()).toBe(0);
  });
});

/** The rows of the children list in the order shown, with their share of target (percent). */
async function rowsOf(page: Page): Promise<Array<{ code: string; share: number }>> {
  // Taro H5 keeps the pages below the shown one in the document, hidden: only the rows on screen.
  return page.$$eval('[id^="supervision-child-"][id$="-share"]', (pills) =>
    pills
      .filter((pill) => pill.getClientRects().length > 0)
      .map((pill) => ({ code: pill.id.replace(/^supervision-child-|-share$/g, ''), share: Number(pill.textContent!.replace('%', '')) })),
  );
}

describe('H5: the province admin drills down to the weakest station and exports CSV', () => {
  beforeAll(async () => {
    // 土桥村 has served (the consultation above and these): its regions are not all at 0.
    const officer = await login('officer-tuqiao');
    const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
    for (let i = 0; i < 3; i++)
      await fetch(`${webUrl}/api/stations/${station.id}/consultations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, 'idempotency-key': `e2e-sup-${tag}-${i}` },
        body: JSON.stringify({ channel: 'in_person' }),
      });
    await runServiceRollup();
  });

  it('region by region into the weakest child, each level weakest first, down to a township’s weakest station', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'admin-qinghai');
    await open(page, 'packages/admin/pages/index/index');
    await click(page, 'admin-supervision-link');
    await page.waitForSelector('#supervision-region');
    expect(await text(page, '#supervision-region')).toBe('青海省');
    // The charts: services by type (a bar per type) and each day.
    await page.waitForSelector('#supervision-chart-types-consultation');
    await shoot(page, 'supervision-province.png');
    expectWithin(await horizontalExtent(page));

    const path: string[] = ['63'];
    for (let level = 0; level < 3; level++) {
      const rows = await rowsOf(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.share)).toEqual([...rows.map((r) => r.share)].sort((a, b) => a - b));
      const weakest = rows[0].code;
      expect(weakest.startsWith(path[path.length - 1])).toBe(true);
      path.push(weakest);
      await page.locator(`#supervision-child-${weakest} >> visible=true`).click();
      // The child's own page alone on screen (the leaving page shows for a moment): its rows are its children.
      await page.waitForFunction((code) => {
        const shown = Array.from(document.querySelectorAll('[id^="supervision-child-"][id$="-share"]')).filter((e) => e.getClientRects().length > 0);
        return shown.length > 0 && shown.every((e) => e.id.startsWith(`supervision-child-${code}`) && e.id !== `supervision-child-${code}-share`);
      }, weakest);
    }
    // A township (9 digits): its rows are stations, weakest first; the first is the weakest station.
    const township = path[path.length - 1];
    expect(township).toHaveLength(9);
    const stations = await rowsOf(page);
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((s) => s.code.length === 12 && s.code.startsWith(township))).toBe(true);
    expect(stations.map((s) => s.share)).toEqual([...stations.map((s) => s.share)].sort((a, b) => a - b));
    await shoot(page, 'supervision-township.png');
  });

  it('the CSV export: the region and each child, aggregates only (no phone, name or id of a person or household)', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'admin-qinghai');
    await open(page, 'packages/admin/pages/supervision/index?code=6302');
    await page.waitForSelector('#supervision-export-button');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'supervision-export-button')]);
    expect(download.suggestedFilename()).toMatch(/^supervision-6302-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\n');
    const header = lines[0].split(',');
    // The header is in the reader's language (the server's catalogue; this browser asks for Chinese).
    const column = (key: string) => serverText('zh-CN', `csv.${key}` as ServerTextKey);
    expect(header).toEqual(
      expect.arrayContaining(['code', 'name', 'kind', 'services', 'target', 'attainment', 'paymentFen', 'ackRate', 'satisfaction'].map(column)),
    );
    expect(header.some((h) => /phone|openid|user|household|head|电话|手机|姓名|户主|住户/i.test(h))).toBe(false);
    // 海东市 itself, then each of its counties: codes and division names only.
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows[0].slice(0, 3)).toEqual(['6302', '海东市', 'region']);
    expect(rows.slice(1).every((r) => /^6302\d{2}$/.test(r[0]) && r[2] === 'region')).toBe(true);
    const ledu = rows.find((r) => r[0] === '630202')!;
    expect(Number(ledu[header.indexOf(column('consultations'))])).toBeGreaterThanOrEqual(4);
    expect(csv).not.toMatch(/1[3-9]\d{9}/);
    expect(csv).not.toContain(officerUserId);
    expect(csv).not.toContain(householdId);
    expect(csv).not.toContain(`评价户${tag}`);
    await page.waitForSelector('#supervision-exported');
  });
});
