/**
 * @jest-environment node
 *
 * A remote pay link (远程代付, issue 14) on the H5 build in Chromium, against the real stack: the officer of
 * a station of its own (a fresh user the county admin appoints to a 乐都区 station other than 土桥村, whose
 * day payments.e2e closes for the rest of the run, whichever suite runs first) prepares a phone-only villager's electricity bill, chooses 发付款链接 instead of cash and gets the
 * link; a SECOND browser context (the family member in the city) opens it, signs in, sees what they pay for
 * (masked account, amount, station) and pays through the local WeChat Pay stub's sheet, whose SIGNED
 * notification pays the bill; the officer's page follows the request to 已缴费 and shows its line of the
 * station's non-cash ledger, while the cash day is untouched.
 *
 * Selectors: officer  #pay-method-link, #pay-link-create, #pay-link-url, #pay-link-status, #pay-link-ledger
 *            payer    #paylink-sign-in-button, #paylink-account, #paylink-amount, #paylink-station,
 *                     #paylink-pay, #paylink-stub-confirm, #paylink-status
 * Screenshots: .tmp/e2e/pay-link-*.png.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, stackApi, text, waitForText } from './support';

const TUQIAO = '630202002214';
const LEDU_TOWNSHIP = '630202002';
let webUrl: string;
const phone = phonesForSuite();
const { api, login } = stackApi(() => webUrl);
const officerOpenid = freshOpenid('e2e-paylink-officer');
let station: { id: string; villageName: string };

beforeAll(async () => {
  webUrl = requireStack();
  const stations = await api<{ items: Array<{ id: string; code: string; villageName: string }> }>(`/stations?region=${LEDU_TOWNSHIP}&limit=10`);
  station = stations.items.find((s) => s.code !== TUQIAO)!;
  const me = await api<{ user: { id: string } }>('/me', { token: await login(officerOpenid) });
  await api('/admin/officers', { method: 'POST', token: await login('admin-ledu'), body: { stationId: station.id, userId: me.user.id } });
});

/** A postpaid account the sandbox pays at once (no 0000/900x ending), fresh for this run. */
const accountNo = `44${randomInt(100_000, 999_999)}1357`;

async function cashInToday(token: string, stationId: string): Promise<number> {
  const ledger = await api<{ totals: { cashInFen: number } }>(`/stations/${stationId}/ledger`, { token });
  return ledger.totals.cashInFen;
}

async function prepareBill(page: Page) {
  await openRoute(page, webUrl, 'packages/officer/pages/pay/index');
  await page.locator('#pay-payer-phone').click();
  await page.locator('#pay-phone input').fill('13800002468');
  await page.locator('#pay-type-electricity').click();
  await page.locator('#pay-account-input input').fill(accountNo);
  await click(page, 'pay-lookup-button');
  await page.waitForSelector('#pay-lookup-result');
  await click(page, 'pay-review-button');
  await page.waitForSelector('#pay-confirm');
}

describe('a bill paid through a remote pay link', () => {
  it('the officer sends a link; a second browser pays it through the stub sheet; the officer sees it paid in the non-cash ledger, not the cash', async () => {
    const officerToken = await login(officerOpenid);
    const cashBefore = await cashInToday(officerToken, station.id);

    const officer = await phone();
    await signInAs(officer, webUrl, officerOpenid);
    await prepareBill(officer);
    await officer.locator('#pay-method-link').click();
    await officer.waitForSelector('#pay-link-create');
    const amountText = await text(officer, '#pay-link-amount');
    await click(officer, 'pay-link-create');
    await officer.waitForSelector('#pay-link-url');
    const link = (await text(officer, '#pay-link-url')).trim();
    expect(link).toMatch(/#\/packages\/paylink\/pages\/index\/index\?t=[A-Za-z0-9_-]{43}$/);
    await waitForText(officer, '#pay-link-status', '等待对方付款');
    // The link is made: the bill can no longer be switched to cash (it would be asked for twice).
    expect(await officer.locator('#pay-method').count()).toBe(0);
    expect(await text(officer, '#pay-link-account')).toBe(`${'*'.repeat(accountNo.length - 4)}${accountNo.slice(-4)}`);
    await shoot(officer, 'pay-link-officer-sent.png');

    // The family member: another browser context, signed out at first.
    const payer = await phone();
    await payer.goto('about:blank');
    await payer.goto(link);
    await payer.waitForSelector('#paylink-sign-in');
    await signInAs(payer, webUrl, freshOpenid('e2e-payer'));
    await payer.goto('about:blank');
    await payer.goto(link);
    await payer.waitForSelector('#paylink-amount');
    expect(await text(payer, '#paylink-amount')).toBe(amountText);
    expect(await text(payer, '#paylink-account')).toBe(`${'*'.repeat(accountNo.length - 4)}${accountNo.slice(-4)}`);
    expect(await text(payer, '#paylink-station')).toContain(station.villageName);
    expect(await payer.locator('#paylink-page').innerText()).not.toContain(accountNo);
    await shoot(payer, 'pay-link-payer-open.png');
    await click(payer, 'paylink-pay');
    await payer.waitForSelector('#paylink-stub-sheet');
    await click(payer, 'paylink-stub-confirm');
    await waitForText(payer, '#paylink-status', '已缴费');
    await shoot(payer, 'pay-link-payer-paid.png');

    // The officer's page follows the request: paid, with its line of the non-cash ledger.
    await waitForText(officer, '#pay-link-status', '已缴费');
    await officer.waitForSelector('#pay-link-ledger');
    expect(await text(officer, '#pay-link-ledger')).toContain(`代缴（付款链接）+${amountText}`);
    await shoot(officer, 'pay-link-officer-paid.png');
    expect(await cashInToday(officerToken, station.id)).toBe(cashBefore);
  });
});
