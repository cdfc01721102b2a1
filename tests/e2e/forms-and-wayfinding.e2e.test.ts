/**
 * @jest-environment node
 *
 * What a person meets on the H5 build in Chromium, against the real stack: a phone top-up asks for
 * the phone number (not a 户号), "正在缴费，请稍候…" shows once while a payment is on its way, a
 * 200-character name is not cut short without a word, a bad receipt id says the receipt was not
 * found, 去登录 on a station page comes back to it, and an unknown route leads home.
 *
 * The officer here belongs to a station of its own (a fresh user appointed through the API to a
 * 乐都区 station other than 土桥村), so these tests do not depend on 土桥村's day being open (the
 * payments suite closes it). No payment is made: the one sent is held and then dropped in the
 * browser, before it reaches the API.
 *
 * Selectors: pay #pay-payer-phone, #pay-phone input, #pay-type-<billType>, #pay-account,
 * #pay-account-input input, #pay-lookup-button, #pay-lookup-result, #pay-lookup-account,
 * #pay-review-button, #pay-confirm, #pay-confirm-account, #pay-submit-button; households
 * #households-register, #household-head-input input, #household-head-input-count,
 * #household-head-input-error, #household-save-button; receipt #receipt-not-found; station
 * #station-phone-sign-in-button, #station-phone-reveal-button; me #me-signed-out, #me-dev-openid input,
 * #me-dev-login-button; not found #not-found-page, #not-found-home-button.
 * Screenshots: .tmp/e2e/forms-*.png.
 */
import type { Page, Route } from 'playwright-core';
import type { StationProfile } from '../../shared/schemas/stations';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, text } from './support';

const TUQIAO = '630202002214';
const LEDU_TOWNSHIP = '630202002';
const PAY = 'packages/officer/pages/pay/index';
const HOUSEHOLDS = 'packages/officer/pages/households/index';

let webUrl: string;
let officerOpenid: string;
const phone = phonesForSuite();

async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; json: T }> {
  const response = await fetch(`${webUrl}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

const login = async (openid: string) =>
  (await api<{ token: string; user: { id: string } }>('/auth/login', { method: 'POST', body: { code: `dev:${openid}` } })).json;

beforeAll(async () => {
  webUrl = requireStack();
  // A fresh officer, appointed by the province admin to a station of 岗沟街道 other than 土桥村.
  const stations = await api<{ items: StationProfile[] }>(`/stations?region=${LEDU_TOWNSHIP}&limit=10`);
  const station = stations.json.items.find((item) => item.code !== TUQIAO)!;
  officerOpenid = freshOpenid('e2e-forms');
  const officer = await login(officerOpenid);
  const admin = await login('admin-qinghai');
  const appointed = await api('/admin/officers', { method: 'POST', token: admin.token, body: { stationId: station.id, userId: officer.user.id } });
  expect(appointed.status).toBeLessThan(300);
});

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

/** A phone-only villager's bill of `billType`, up to the looked-up account. */
async function lookUp(page: Page, billType: string, accountNo: string) {
  await open(page, PAY);
  await page.locator('#pay-payer-phone').click();
  await page.locator('#pay-phone input').fill('13800009004');
  await page.locator(`#pay-type-${billType}`).click();
  await page.locator('#pay-account-input input').fill(accountNo);
  await click(page, 'pay-lookup-button');
  await page.waitForSelector('#pay-lookup-result');
}

describe('H5: the pay form', () => {
  it('asks for the phone number of a top-up, and for the 户号 of a bill', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await lookUp(page, 'phone', '13800001234');
    const account = await text(page, '#pay-account');
    expect(account).toContain('手机号');
    expect(account).not.toContain('户号');
    expect(await text(page, '#pay-lookup-result')).toContain('手机号');
    await shoot(page, 'forms-pay-phone.png');

    await page.locator('#pay-type-electricity').click();
    expect(await text(page, '#pay-account')).toContain('户号');
  });

  it('says "正在缴费，请稍候…" once while the payment is on its way', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await lookUp(page, 'electricity', '4401234567');
    await click(page, 'pay-review-button');
    await page.waitForSelector('#pay-confirm');

    // Hold the payment in the browser; it never reaches the API.
    let held: Route | undefined;
    await page.route('**/api/payments', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      held = route;
    });
    await click(page, 'pay-submit-button');
    await page.waitForFunction(() => document.body.innerText.includes('正在缴费，请稍候…'));
    const shown = await page.evaluate(() => document.body.innerText.split('正在缴费，请稍候…').length - 1);
    await shoot(page, 'forms-pay-submitting.png');
    expect(shown).toBe(1);
    await held?.abort();
  });
});

describe('H5: a name longer than the field takes', () => {
  it('keeps all 200 characters, counts them and says the limit, and saves nothing', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await open(page, HOUSEHOLDS);
    await click(page, 'households-register');
    const name = '张'.repeat(200);
    await page.locator('#household-head-input input').fill(name);
    // Nothing cut off: the field holds what was typed or pasted, and says it is too long.
    expect(await page.locator('#household-head-input input').inputValue()).toHaveLength(200);
    expect(await text(page, '#household-head-input-count')).toBe('200/40');
    expect(await text(page, '#household-head-input-error')).toContain('最多 40 个字');
    await page.locator('#household-consent').click();
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/households')) posted++;
    });
    await click(page, 'household-save-button');
    expect(await text(page, '#household-head-input-error')).toContain('最多 40 个字');
    await shoot(page, 'forms-name-too-long.png');
    expect(posted).toBe(0);
  });
});

describe('H5: wayfinding', () => {
  it('says a receipt with a bad id in the link was not found', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    for (const id of ['not-a-receipt', 'pm000000000000000000000000']) {
      await open(page, `packages/receipt/pages/index/index?id=${id}`);
      await page.waitForSelector('#receipt-not-found');
      const said = await text(page, '#receipt-not-found');
      expect([id, said]).toEqual([id, expect.stringContaining('没有找到这张凭条')]);
      expect(said).not.toContain('填写的信息有误');
    }
  });

  it('comes back to the station\'s details after 去登录, also when "me" was reloaded first', async () => {
    const page = await phone();
    for (const reloadMe of [false, true]) {
      await page.evaluate(() => localStorage.clear()).catch(() => undefined);
      await open(page, `pages/station/index?scene=${TUQIAO}`);
      await page.locator('#station-about-link').click();
      await click(page, 'station-phone-sign-in-button');
      await page.waitForSelector('#me-signed-out');
      if (reloadMe) {
        await page.reload();
        await page.waitForSelector('#me-signed-out');
      }
      await page.locator('#me-dev-openid input').fill(freshOpenid('e2e-return'));
      await click(page, 'me-dev-login-button');
      await page.waitForSelector('#station-phone-reveal-button >> visible=true');
      expect([reloadMe, page.url()]).toEqual([reloadMe, expect.stringContaining(`packages/station/pages/about/index?code=${TUQIAO}`)]);
    }
  });

  it('shows a way home for an unknown route instead of a blank page', async () => {
    const page = await phone();
    await open(page, 'pages/no-such-page/index');
    await page.waitForSelector('#not-found-page');
    expect(await text(page, '#not-found-page')).toContain('没有这个页面');
    await shoot(page, 'forms-not-found.png');
    await click(page, 'not-found-home-button');
    await page.waitForSelector('#home-page');
  });
});
