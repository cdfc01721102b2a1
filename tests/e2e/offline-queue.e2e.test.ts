/**
 * The officer offline (issue 16), in Chromium on the H5 build against the real stack: consultations
 * and "informed" marks made without network wait on the phone with their Idempotency-Key, a badge
 * counts them, they survive a reload, and once the network returns they are stored exactly once
 * (rows counted in DynamoDB Local), also when the page reloads while a request was in flight; a training
 * sign-up the officer makes for a household member on the attendance page goes through the same queue.
 * "Offline" is either the browser's offline mode (then its `online` event starts the replay) or every
 * API request aborted (the page's own files still load, so it can be reloaded).
 * A fresh officer appointed to 土桥村 for this run: the counts are theirs alone.
 *
 *   ids: #month-log-<channel>, #month-log-queued, #officer-queue-badge, #officer-queue-retry,
 *        #acks-row-<householdId>-phone / -in-person / -queued / -state,
 *        #training-household-<householdId>, #training-person-name input, #training-person-sign-up,
 *        #training-attendance-message, #training-people
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { localClients } from '../../scripts/lib/local-clients';
import { storedRows, storedTrainingRows } from '../harness/offline-replay';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, stackApi, waitForText } from './support';

const TUQIAO = '630202002214';
const LEDU = '630202';
const tag = randomBytes(3).toString('hex');
const officerOpenid = freshOpenid('e2e-offline-officer');

let webUrl: string;
let officerId: string;
let feedId: string;
let households: string[];
let officerToken: string;
let stationId: string;
const phone = phonesForSuite();
const { api, login } = stackApi(() => webUrl);
const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const stored = () => storedRows(doc, process.env.TEST_SEEDED_TABLE!, officerId, feedId);
const API_REQUESTS = '**/api/**';

beforeAll(async () => {
  webUrl = requireStack();
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  stationId = station.id;
  officerToken = await login(officerOpenid);
  officerId = (await api<{ user: { id: string } }>('/me', { token: officerToken })).user.id;
  await api('/admin/officers', { method: 'POST', token: await login('admin-ledu'), body: { stationId: station.id, userId: officerId } });
  const [ledu, haidong] = [await login('admin-ledu'), await login('admin-haidong')];
  feedId = (
    await api<{ id: string }>('/feeds', {
      method: 'POST',
      token: ledu,
      body: {
        title: `冰雹预警 ${tag}`,
        body: '今天下午有冰雹，请收好晾晒的青稞。',
        category: 'weather_alert',
        regionCode: LEDU,
        lang: 'zh',
        requiresAck: true,
      },
    })
  ).id;
  await api(`/feeds/${feedId}/submit`, { method: 'POST', token: ledu });
  await api(`/feeds/${feedId}/publish`, { method: 'POST', token: haidong });
  households = [];
  for (const headName of [`离线甲${tag}`, `离线乙${tag}`]) {
    households.push(
      (await api<{ id: string }>(`/stations/${station.id}/households`, { method: 'POST', token: officerToken, body: { headName, consent: true } }))
        .id,
    );
  }
});

const open = (page: Page, route: string) => openRoute(page, webUrl, route);
/** How many actions the phone's storage still holds for the officer (the queue's one key). */
const queuedOnDevice = (page: Page) =>
  page.evaluate((key) => {
    const raw = window.localStorage.getItem(key);
    return raw ? (raw.match(/"key":/g) ?? []).length : 0;
  }, `yinong.officer-queue.${officerId}`);
const offlineApi = (page: Page) => page.route(API_REQUESTS, (route) => route.abort('internetdisconnected'));
/** Polls the table until the counts reach `expected` (the replay runs in the page); then they must stay there. */
async function expectStored(expected: { consultations: number; informed: number }) {
  for (let i = 0; i < 60 && JSON.stringify(await stored()) !== JSON.stringify(expected); i++) await new Promise((r) => setTimeout(r, 500));
  expect(await stored()).toEqual(expected);
}

describe('H5: the officer offline', () => {
  it('consultations logged without network wait with a badge, survive a reload, and are stored once when it returns', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await open(page, 'packages/officer/pages/month/index');
    await page.waitForSelector('#month-services');
    await offlineApi(page);
    for (const channel of ['phone', 'wechat', 'in_person']) {
      await click(page, `month-log-${channel}`);
      await waitForText(page, '#month-log-queued', '没有网络');
    }
    await waitForText(page, '#officer-queue-badge', '3 条待同步');
    expect(await queuedOnDevice(page)).toBe(3);
    expect(await stored()).toEqual({ consultations: 0, informed: 0 });

    // Still offline, the officer's workbench opens again: GET /me fails, the queue is still there.
    await open(page, 'packages/officer/pages/index/index');
    await waitForText(page, '#officer-queue-badge', '3 条待同步');
    await shoot(page, 'offline-queue-workbench.png');
    expect(await stored()).toEqual({ consultations: 0, informed: 0 });

    await page.unroute(API_REQUESTS);
    await click(page, 'officer-queue-retry');
    await page.locator('#officer-queue-badge').waitFor({ state: 'detached' });
    await expectStored({ consultations: 3, informed: 0 });
    // Another visit replays nothing more.
    await open(page, 'packages/officer/pages/index/index');
    await page.waitForSelector('#officer-home');
    expect(await page.locator('#officer-queue-badge').count()).toBe(0);
    expect(await stored()).toEqual({ consultations: 3, informed: 0 });
  });

  it('marks made in the browser’s offline mode are sent by themselves when the network returns', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await open(page, `packages/officer/pages/acks/index?id=${feedId}`);
    await page.waitForSelector(`#acks-row-${households[0]}-phone`);
    await page.context().setOffline(true);
    await click(page, `acks-row-${households[0]}-phone`);
    await page.waitForSelector(`#acks-row-${households[0]}-queued`);
    await click(page, `acks-row-${households[1]}-in-person`);
    await page.waitForSelector(`#acks-row-${households[1]}-queued`);
    await waitForText(page, '#officer-queue-badge', '2 条待同步');
    await shoot(page, 'offline-queue-acks.png');
    expect(await stored()).toEqual({ consultations: 3, informed: 0 });

    await page.context().setOffline(false);
    await page.locator('#officer-queue-badge').waitFor({ state: 'detached' });
    await expectStored({ consultations: 3, informed: 2 });
    await open(page, `packages/officer/pages/acks/index?id=${feedId}`);
    await waitForText(page, `#acks-row-${households[0]}-state`, '已电话告知');
    await waitForText(page, `#acks-row-${households[1]}-state`, '已当面告知');
  });

  it('a consultation whose answer was still in flight when the page reloaded is stored once', async () => {
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await open(page, 'packages/officer/pages/month/index');
    await page.waitForSelector('#month-services');
    // The request reaches the server (which stores it); its answer is held and never reaches the page.
    let reachedServer = 0;
    await page.route('**/api/stations/*/consultations', async (route) => {
      const answer = await route.fetch();
      if (answer.status() === 201) reachedServer++;
      // held: neither fulfilled nor aborted, as a dead link leaves it
    });
    await click(page, 'month-log-phone');
    expect(await queuedOnDevice(page)).toBe(1);
    for (let i = 0; i < 60 && reachedServer === 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect(reachedServer).toBe(1);
    await expectStored({ consultations: 4, informed: 2 });

    await page.unroute('**/api/stations/*/consultations');
    await open(page, 'packages/officer/pages/index/index');
    await page.waitForSelector('#officer-home');
    // The new page replays the queued action with its key: the server answers it with the first answer.
    for (let i = 0; i < 60 && (await queuedOnDevice(page)) > 0; i++) await new Promise((r) => setTimeout(r, 250));
    expect(await queuedOnDevice(page)).toBe(0);
    expect(await page.locator('#officer-queue-badge').count()).toBe(0);
    expect(await page.locator('#officer-queue-conflicts').count()).toBe(0);
    await expectStored({ consultations: 4, informed: 2 });
  });

  it('a training sign-up made without network waits with a badge on the attendance page and is stored once when it returns', async () => {
    const MINUTE = 60_000;
    const trainingId = (
      await api<{ id: string }>('/trainings', {
        method: 'POST',
        token: officerToken,
        body: {
          stationId,
          title: `离线培训${tag}`,
          topic: 'phone_skills',
          trainer: '李老师',
          startsAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
          endsAt: new Date(Date.now() + 180 * MINUTE).toISOString(),
          capacity: 20,
        },
      })
    ).id;
    // Registered just now: first in the station's list (newest first), so its chip is on the page.
    const householdId = (
      await api<{ id: string }>(`/stations/${stationId}/households`, {
        method: 'POST',
        token: officerToken,
        body: { headName: `离线丙${tag}`, consent: true },
      })
    ).id;
    const name = `卓玛${tag}`;
    const storedTraining = () => storedTrainingRows(doc, process.env.TEST_SEEDED_TABLE!, trainingId);
    const page = await phone();
    await signInAs(page, webUrl, officerOpenid);
    await open(page, `packages/training/pages/attendance/index?id=${trainingId}`);
    await page.waitForSelector(`#training-household-${householdId}`);

    await page.context().setOffline(true);
    await page.locator(`#training-household-${householdId}`).click();
    await page.locator('#training-person-name input').fill(name);
    await click(page, 'training-person-sign-up');
    await waitForText(page, '#training-attendance-message', `没有网络：${name}的报名已存在手机上`);
    await waitForText(page, '#officer-queue-badge', '1 条待同步');
    expect(await queuedOnDevice(page)).toBe(1);
    await shoot(page, 'offline-queue-training.png');
    expect(await storedTraining()).toMatchObject({ signups: 0, signedUpCount: 0 });

    // The browser says it is back online: the queue sends the sign-up by itself, and the list is read again.
    await page.context().setOffline(false);
    await page.locator('#officer-queue-badge').waitFor({ state: 'detached' });
    await waitForText(page, '#training-people', name);
    for (let i = 0; i < 60 && (await storedTraining()).signups === 0; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await storedTraining()).toMatchObject({ signups: 1, signedUpCount: 1 });
    expect(await queuedOnDevice(page)).toBe(0);
    // Opened again: nothing more is sent.
    await open(page, `packages/training/pages/attendance/index?id=${trainingId}`);
    await waitForText(page, '#training-people', name);
    expect(await page.locator('#officer-queue-badge').count()).toBe(0);
    expect(await storedTraining()).toMatchObject({ signups: 1, signedUpCount: 1 });
  });
});
