/**
 * @jest-environment node
 *
 * Publishing information items on the H5 build in Chromium, against the real stack (demo admins of
 * scripts/lib/demo-accounts.ts: admin-ledu over 乐都区 630202, admin-haidong over 海东市 6302). The items
 * are written and submitted through the API by admin-ledu (an admin's own item is reviewed by another
 * admin of its region or above); admin-haidong reviews them in the browser. A villager of 土桥村 reads
 * the feed through the API.
 *
 * Selectors (ids set in miniprogram/src):
 *   me            #me-review-entry, #me-publish-entry
 *   admin home    #admin-review-link, #admin-my-feeds-link, #admin-expert-link
 *   lists         #review-<id>-open, #review-<id>-status, #publish-mine-<id>-status, #publish-mine-<id>-reason,
 *                 #publish-write-button, #publish-mine-empty
 *   item          #feed-item, #feed-status, #feed-version-zh-title, #feed-author, #feed-region, #feed-history-<i>,
 *                 #feed-action-<submit|publish|reject|retract|edit>, #feed-reason-input input,
 *                 #feed-retract-warning, #feed-retract-confirm, #feed-retract-cancel, #feed-moves-done,
 *                 #feed-moves-error, #feed-moves-none
 *   experts       #expert-person-input input, #expert-field-<field>, #expert-region-<code>,
 *                 #expert-appoint-button, #expert-appoint-success, #expert-appoint-error
 * Screenshots: .tmp/e2e/publish-*.png.
 */
import type { Page } from 'playwright-core';
import { click, expectTidyAtLargeText, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText } from './support';

const TUQIAO = '630202002214';
const LEDU = '630202';
const ITEM = (id: string) => `packages/publish/pages/item/index?id=${id}`;

let webUrl: string;
const phone = phonesForSuite();

async function api<T = any>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; json: T }> {
  const response = await fetch(`${webUrl}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

const login = async (openid: string) =>
  (await api<{ token: string; user: { id: string } }>('/auth/login', { method: 'POST', body: { code: `dev:${openid}` } })).json;

let ledu: string; // admin-ledu's token: the author
let haidong: string; // admin-haidong's token: a reviewer over 乐都区

beforeAll(async () => {
  webUrl = requireStack();
  ledu = (await login('admin-ledu')).token;
  haidong = (await login('admin-haidong')).token;
});

/** An item by admin-ledu for 乐都区, submitted for review; its id. */
async function submittedItem(title: string): Promise<string> {
  const created = await api('/feeds', {
    method: 'POST',
    token: ledu,
    body: {
      title,
      body: '未来三天有暴雪，请加固畜棚，储备草料。',
      category: 'weather_alert',
      regionCode: LEDU,
      lang: 'zh',
      urgent: true,
      requiresAck: true,
    },
  });
  expect(created.status).toBe(201);
  const submitted = await api(`/feeds/${created.json.id}/submit`, { method: 'POST', token: ledu });
  expect(submitted.json.status).toBe('IN_REVIEW');
  return created.json.id;
}

/** What a reader of 土桥村 sees: the ids of the first page of its feed. */
const feedOfTuqiao = async () => (await api<{ items: Array<{ id: string }> }>(`/feeds?region=${TUQIAO}&limit=50`)).json.items.map((item) => item.id);

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

async function openItemAs(page: Page, openid: string, id: string) {
  await signInAs(page, webUrl, openid);
  await open(page, ITEM(id));
  await page.waitForSelector('#feed-item');
}

describe('H5: reviewing information items', () => {
  it('admin-haidong opens 待审信息 from 我的, opens the item and publishes it; a villager’s feed then shows it', async () => {
    const title = `暴雪预警 ${Date.now()}`;
    const id = await submittedItem(title);
    expect(await feedOfTuqiao()).not.toContain(id);

    const page = await phone();
    await signInAs(page, webUrl, 'admin-haidong');
    await click(page, 'me-review-entry');
    await page.waitForSelector(`#review-${id}`);
    expect(await text(page, `#review-${id}-status`)).toBe('待审');
    expect(await text(page, `#review-${id}`)).toContain('乐都区管理员');
    await shoot(page, 'publish-review-queue.png');

    await page.locator(`#review-${id}-open`).click();
    await page.waitForSelector('#feed-item');
    expect(await text(page, '#feed-status')).toBe('待审');
    expect(await text(page, '#feed-version-zh-title')).toBe(title);
    expect(await text(page, '#feed-author')).toContain('乐都区管理员');
    await waitForText(page, '#feed-region', '乐都区');
    await expectTidyAtLargeText(page, 'publish-item-review-1.5x.png');

    await click(page, 'feed-action-publish');
    await page.waitForSelector('#feed-moves-done');
    expect(await text(page, '#feed-status')).toBe('已发布');
    // History: who and when, by name (you for the reviewer themself), newest first.
    expect(await text(page, '#feed-history-0')).toContain('你（市州管理员） · 已发布');
    expect(await text(page, '#feed-history-1')).toContain('乐都区管理员 · 待审');
    expect(await page.locator('#feed-action-publish').count()).toBe(0);
    expect(await feedOfTuqiao()).toContain(id);
  });

  it('a rejection with its reason shows on the author’s list; the author may edit and submit it again', async () => {
    const title = `病虫害提示 ${Date.now()}`;
    const id = await submittedItem(title);
    const reviewer = await phone();
    await openItemAs(reviewer, 'admin-haidong', id);
    // No reason: nothing is sent.
    await click(reviewer, 'feed-action-reject');
    await reviewer.waitForSelector('#feed-reason-input-error');
    expect((await api(`/feeds/${id}`, { token: ledu })).json.status).toBe('IN_REVIEW');
    await reviewer.locator('#feed-reason-input input').fill('请写明防治药剂的用量');
    await click(reviewer, 'feed-action-reject');
    await reviewer.waitForSelector('#feed-moves-done');
    expect(await text(reviewer, '#feed-status')).toBe('已退回');

    const author = await phone();
    await signInAs(author, webUrl, 'admin-ledu');
    await open(author, 'packages/admin/pages/index/index');
    await click(author, 'admin-my-feeds-link');
    await author.waitForSelector(`#publish-mine-${id}-reason`);
    expect(await text(author, `#publish-mine-${id}-status`)).toBe('已退回');
    expect(await text(author, `#publish-mine-${id}-reason`)).toBe('退回原因：请写明防治药剂的用量');
    await shoot(author, 'publish-mine-rejected.png');
    await author.locator(`#publish-mine-${id}-open`).click();
    await author.waitForSelector('#feed-action-submit');
    expect(await author.locator('#feed-action-edit').count()).toBe(1);
    expect(await text(author, '#feed-history-0')).toContain('请写明防治药剂的用量');
    await click(author, 'feed-action-submit');
    await waitForText(author, '#feed-status', '待审');
    // Their own item in review: no publish button for them, and the reason why.
    expect(await author.locator('#feed-action-publish').count()).toBe(0);
    expect(await text(author, '#feed-moves-none')).toContain('其他管理员');
  });

  it('retracting asks for a confirmation; cancelled nothing changes, confirmed the item leaves the feed', async () => {
    const id = await submittedItem(`通知 ${Date.now()}`);
    expect((await api(`/feeds/${id}/publish`, { method: 'POST', token: haidong })).status).toBe(200);
    expect(await feedOfTuqiao()).toContain(id);

    const page = await phone();
    await openItemAs(page, 'admin-haidong', id);
    await page.locator('#feed-reason-input input').fill('内容已过时');
    await click(page, 'feed-action-retract');
    await page.waitForSelector('#feed-retract-warning');
    expect(await text(page, '#feed-retract-warning')).toContain('不能恢复');
    await shoot(page, 'publish-retract-confirm.png');
    await click(page, 'feed-retract-cancel');
    await page.waitForSelector('#feed-action-retract');
    expect((await api(`/feeds/${id}`)).status).toBe(200);

    await click(page, 'feed-action-retract');
    await click(page, 'feed-retract-confirm');
    await page.waitForSelector('#feed-moves-done');
    expect(await text(page, '#feed-status')).toBe('已撤回');
    expect(await text(page, '#feed-history-0')).toContain('内容已过时');
    expect((await api(`/feeds/${id}`)).status).toBe(404);
    expect(await feedOfTuqiao()).not.toContain(id);
  });

  it('a move someone else made first (409) is said in words and the page shows the status that stopped it', async () => {
    const id = await submittedItem(`市场行情 ${Date.now()}`);
    const page = await phone();
    await openItemAs(page, 'admin-haidong', id);
    await page.waitForSelector('#feed-action-publish');
    const other = (await login('admin-qinghai')).token;
    expect((await api(`/feeds/${id}/publish`, { method: 'POST', token: other })).status).toBe(200);

    await click(page, 'feed-action-publish');
    await page.waitForSelector('#feed-moves-error');
    expect(await text(page, '#feed-moves-error')).toContain('刚被别人改变');
    await waitForText(page, '#feed-status', '已发布');
    await page.waitForSelector('#feed-action-retract');
  });
});

describe('H5: appointing an expert', () => {
  it('admin-ledu appoints a villager by their account code; the new expert finds 我写的信息 on 我的', async () => {
    const openid = freshOpenid('e2e-expert');
    const person = await login(openid);
    const code = await api<{ code: string }>('/me/account-code', { method: 'POST', token: person.token });
    expect(code.status).toBe(201);

    const admin = await phone();
    await signInAs(admin, webUrl, 'admin-ledu');
    await click(admin, 'me-admin-entry');
    await click(admin, 'admin-expert-link');
    await admin.waitForSelector(`#expert-region-${LEDU}`);
    await admin.locator('#expert-person-input input').fill(code.json.code);
    // No field chosen: asked for, nothing sent.
    await click(admin, 'expert-appoint-button');
    await admin.waitForSelector('#expert-field-error');
    await admin.locator('#expert-field-livestock').click();
    await click(admin, 'expert-appoint-button');
    await admin.waitForSelector('#expert-appoint-success');
    expect(await text(admin, '#expert-appoint-success')).toContain('乐都区的畜牧专家');
    await expectTidyAtLargeText(admin, 'publish-appoint-expert-1.5x.png');
    // The code is used up: a second try is refused in words.
    await admin.locator('#expert-person-input input').fill(code.json.code);
    await click(admin, 'expert-appoint-button');
    await admin.waitForSelector('#expert-appoint-error');

    const me = await api<{ user: { role: string; regionCode: string } }>('/me', { token: person.token });
    expect([me.json.user.role, me.json.user.regionCode]).toEqual(['expert', LEDU]);
    const expert = await phone();
    await signInAs(expert, webUrl, openid);
    await click(expert, 'me-publish-entry');
    await expert.waitForSelector('#publish-mine-empty');
    expect(await expert.locator('#publish-write-button').count()).toBe(1);
  });
});
