/**
 * @jest-environment node
 *
 * The seam between the publish item page and the write/edit page, on the H5 build in Chromium against
 * the real stack: admin-ledu's item with an image (uploaded through the API's presigned POSTs) is
 * rejected by admin-haidong; its author opens it, taps 编辑, the edit page loads it by `?id=` (text and
 * image), they rewrite the title and resubmit it; back on the item page the status and the history say
 * so. admin-haidong sees its image on the item page and publishes it, and a villager of 土桥村 sees its thumbnail in the feed and its image
 * on the item page (through the web server's /s3).
 *
 * Selectors: #feed-action-edit, #feed-status, #feed-version-zh-title, #feed-history-<i>, #compose-title input,
 * #compose-body textarea, #compose-images-item-<n>, #compose-submit, #compose-success, #compose-done,
 * #feed-item-<id>, #feed-item-<id>-thumb, #feed-image-<n>.
 * Screenshots: .tmp/e2e/publish-edit-*.png.
 */
import type { Locator } from 'playwright-core';
import { fixture, postToStorage, type Presigned } from '../harness/uploads';
import { click, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText } from './support';

const TUQIAO = '630202002214';
const LEDU = '630202';

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

const login = async (openid: string) => (await api<{ token: string }>('/auth/login', { method: 'POST', body: { code: `dev:${openid}` } })).json.token;

/** An upload as the client makes it: POST /uploads, then the image and its thumbnail to their presigned POSTs. */
async function uploadedImage(token: string): Promise<string> {
  const [image, thumbnail] = [fixture('field.jpg'), fixture('field-thumb.jpg')];
  const created = await api<{ id: string; image: Presigned; thumbnail: Presigned }>('/uploads', {
    method: 'POST',
    token,
    body: { purpose: 'feed_image', contentType: 'image/jpeg', size: image.length, thumbnailSize: thumbnail.length },
  });
  expect(created.status).toBe(201);
  expect(await postToStorage(created.json.image, image, 'field.jpg', 'image/jpeg')).toBeLessThan(300);
  expect(await postToStorage(created.json.thumbnail, thumbnail, 'field-thumb.jpg', 'image/jpeg')).toBeLessThan(300);
  return created.json.id;
}

/** The browser decoded the picture (an <img> inside Taro's <Image>). */
async function decodedWidth(image: Locator): Promise<number> {
  await image.scrollIntoViewIfNeeded();
  const img = image.locator('img');
  await img.waitFor();
  await image
    .page()
    .waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

describe('H5: the author edits a rejected item from its page and resubmits it', () => {
  it('编辑 opens the edit page with the item (?id=), the rewrite is saved and resubmitted; once published a villager sees its image', async () => {
    webUrl = requireStack();
    const [ledu, haidong] = [await login('admin-ledu'), await login('admin-haidong')];
    const title = `牛羊防疫通知 ${Date.now()}`;
    const uploadId = await uploadedImage(ledu);
    const created = await api<{ id: string }>('/feeds', {
      method: 'POST',
      token: ledu,
      body: { title, body: '本周在村委会集中接种口蹄疫疫苗。', category: 'disease_alert', regionCode: LEDU, lang: 'zh', images: [uploadId] },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await api(`/feeds/${id}/submit`, { method: 'POST', token: ledu })).status).toBe(200);
    expect((await api(`/feeds/${id}/reject`, { method: 'POST', token: haidong, body: { reason: '请写明接种时间' } })).status).toBe(200);

    const author = await phone();
    await signInAs(author, webUrl, 'admin-ledu');
    await openRoute(author, webUrl, `packages/publish/pages/item/index?id=${id}`);
    await waitForText(author, '#feed-status', '已退回');
    await click(author, 'feed-action-edit');

    // The edit page opened with the item: its text and its image, loaded by ?id=.
    await author.waitForSelector('#compose-title input');
    expect(await author.locator('#compose-title input').inputValue()).toBe(title);
    expect(await author.locator('#compose-body textarea').inputValue()).toBe('本周在村委会集中接种口蹄疫疫苗。');
    await author.waitForSelector('#compose-images-item-0.image-picker__item--done');
    const newTitle = `${title}（周三上午）`;
    await author.locator('#compose-title input').fill(newTitle);
    await author.locator('#compose-body textarea').fill('本周三上午9点在村委会集中接种口蹄疫疫苗。');
    await shoot(author, 'publish-edit-rejected.png');
    await click(author, 'compose-submit');
    await author.locator('#compose-success', { hasText: '已提交审核' }).waitFor();

    const stored = (await api<any>(`/feeds/${id}`, { token: ledu })).json;
    expect(stored).toMatchObject({ status: 'IN_REVIEW', title: newTitle, body: '本周三上午9点在村委会集中接种口蹄疫疫苗。' });
    expect(stored.images.map((image: { id: string }) => image.id)).toEqual([uploadId]);
    expect(stored.history.map((change: { status: string; edited?: boolean }) => [change.status, change.edited ?? false])).toEqual([
      ['DRAFT', false],
      ['IN_REVIEW', false],
      ['REJECTED', false],
      ['REJECTED', true],
      ['IN_REVIEW', false],
    ]);

    // Back on the item page: what was saved, and the edit said as an edit (not as a second 已退回).
    await click(author, 'compose-done');
    await waitForText(author, '#feed-status', '待审');
    await waitForText(author, '#feed-version-zh-title', newTitle);
    expect(await text(author, '#feed-history-1')).toContain('修改了内容');
    expect(await text(author, '#feed-history-1')).not.toContain('已退回');
    expect(await text(author, '#feed-history-2')).toContain('请写明接种时间');

    // The reviewer sees the image they are about to publish (its thumbnail), and publishes it.
    const reviewer = await phone();
    await signInAs(reviewer, webUrl, 'admin-haidong');
    await openRoute(reviewer, webUrl, `packages/publish/pages/item/index?id=${id}`);
    await waitForText(reviewer, '#feed-status', '待审');
    expect(await decodedWidth(reviewer.locator('#feed-image-0'))).toBe(320);
    await shoot(reviewer, 'publish-edit-review-image.png');
    await click(reviewer, 'feed-action-publish');
    await waitForText(reviewer, '#feed-status', '已发布');
    const villager = await phone();
    await openRoute(villager, webUrl, `packages/feed/pages/index/index?region=${TUQIAO}`);
    await villager.waitForSelector(`#feed-item-${id}`);
    expect(await text(villager, `#feed-item-${id}`)).toContain(newTitle);
    expect(await decodedWidth(villager.locator(`#feed-item-${id}-thumb`))).toBe(320);
    await shoot(villager, 'publish-edit-feed-thumb.png');
    await villager.locator(`#feed-item-${id}`).click();
    await waitForText(villager, '#feed-item-title', newTitle);
    expect(await decodedWidth(villager.locator('#feed-image-0'))).toBe(400);
  });
});
