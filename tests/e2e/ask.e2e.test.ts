/**
 * @jest-environment node
 *
 * Ask an expert (issue 12) on the H5 build in Chromium, against the real stack: a villager whose
 * household at 土桥村 the officer linked asks the crops experts with a real PNG (through the H5
 * chooser, uploaded as `question_photo`) and consent; the demo expert `expert-ledu` (crops, 乐都区)
 * finds it in the inbox, claims it and answers; the villager sees the answer; another signed-in user
 * finds it by pinyin and sees neither the household's name nor the village. The tests run in order.
 *
 * Selectors: #ask-button, #ask-field-<field>, #ask-text textarea, #ask-photos-add, #ask-photos-item-<n>,
 * #ask-consent, #ask-submit, #question-text, #question-state, #question-answer-body, #inbox-<id>,
 * #inbox-more, #question-claim-button, #question-answer-text textarea, #question-answer-submit,
 * #ask-search-input input, #ask-result-<id>. Screenshots: .tmp/e2e/ask-*.png.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText, stackApi } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex');
const HEAD = `问答户${tag}`;
const QUESTION = '青稞叶子上有黄色条纹，一片一片的，是什么病？';
const ANSWER = '这是青稞条锈病。用三唑酮喷雾，七天一次，连喷两次。';

let webUrl: string;
const phone = phonesForSuite();
let villagerOpenid: string;
let questionId: string;

const { api, login } = stackApi(() => webUrl);

beforeAll(async () => {
  webUrl = requireStack();
  // A household of 土桥村 linked to a fresh villager's WeChat (as tests/e2e/feeds.e2e.test.ts does).
  const officer = await login('officer-tuqiao');
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  const household = await api<{ id: string }>(`/stations/${station.id}/households`, {
    method: 'POST',
    token: officer,
    body: { headName: HEAD, consent: true },
  });
  villagerOpenid = freshOpenid('e2e-ask');
  const { code } = await api<{ code: string }>('/me/household-link-code', { method: 'POST', token: await login(villagerOpenid) });
  await api(`/households/${household.id}/links`, { method: 'POST', token: officer, body: { code } });
});

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

describe('H5: ask an expert', () => {
  it('the villager asks the crops experts with a photo and consent', async () => {
    const page = await phone();
    await signInAs(page, webUrl, villagerOpenid);
    await open(page, `pages/station/index?scene=${TUQIAO}`);
    await page.locator('#station-ask-link').click();
    await click(page, 'ask-button');
    await page.waitForSelector('#ask-text textarea');
    await page.locator('#ask-field-crops').click();
    await page.locator('#ask-text textarea').fill(`${QUESTION}${tag}`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#ask-photos-add').click()]);
    await chooser.setFiles(join(__dirname, '..', 'fixtures', 'field.png'));
    await page.waitForSelector('#ask-photos-item-0.image-picker__item--done', { timeout: 30_000 });
    await page.locator('#ask-consent').click();
    await shoot(page, 'ask-form.png');
    await click(page, 'ask-submit');
    await waitForText(page, '#question-state', '待领取');
    questionId = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
    expect(questionId).toBeTruthy();
    expect(await text(page, '#question-text')).toContain(tag);
    expect(await page.locator('#question-photos-0').count()).toBe(1);
    await shoot(page, 'ask-question.png');
  });

  it('expert-ledu finds it in the inbox, claims it and answers', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'expert-ledu');
    await click(page, 'me-inbox-entry');
    await page.waitForSelector('#inbox-list');
    const row = page.locator(`#inbox-${questionId}`);
    // Oldest first within the county: earlier runs' questions may come before it.
    for (let pages = 1; (await row.count()) === 0 && pages < 30; pages++) {
      const before = await page.locator('#inbox-list .question-row').count();
      await page.locator('#inbox-more .at-button').click();
      await page.waitForFunction((n) => document.querySelectorAll('#inbox-list .question-row').length > n, before);
    }
    await row.click();
    await click(page, 'question-claim-button');
    await page.waitForSelector('#question-answer-text textarea');
    await page.locator('#question-answer-text textarea').fill(ANSWER);
    await click(page, 'question-answer-submit');
    await waitForText(page, '#question-state', '已解答');
    expect(await text(page, '#question-answer-body')).toBe(ANSWER);
    await shoot(page, 'ask-answered.png');
  });

  it('the villager sees the answer, in 我的提问 and on the question', async () => {
    const page = await phone();
    await signInAs(page, webUrl, villagerOpenid);
    await open(page, 'packages/ask/pages/index/index');
    await waitForText(page, `#ask-mine-${questionId}-state`, '已解答');
    await page.locator(`#ask-mine-${questionId}`).click();
    await waitForText(page, '#question-answer-body', ANSWER);
  });

  it('another signed-in user finds it by pinyin, without the household or the village', async () => {
    const page = await phone();
    await signInAs(page, webUrl, freshOpenid('e2e-ask-reader'));
    await open(page, 'packages/ask/pages/index/index');
    await page.locator('#ask-search-input input').fill('qingke');
    await page.waitForSelector(`#ask-result-${questionId}`);
    const row = await text(page, `#ask-result-${questionId}`);
    expect(row).toContain('乐都区');
    expect(row).toContain('条锈病');
    await page.locator(`#ask-result-${questionId}`).click();
    await waitForText(page, '#question-answer-body', ANSWER);
    const whole = await page.locator('#question-page').innerText();
    expect(whole).not.toContain(HEAD);
    expect(whole).not.toContain('土桥');
    await shoot(page, 'ask-found.png');
  });
});
