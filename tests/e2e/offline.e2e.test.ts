/**
 * No signal: a station page opened once is shown again from the phone's cache when the API cannot
 * be reached (every /api request aborted, as when the signal is gone), with how old it is.
 */
import { openRoute, phonesForSuite, startTarget, text, type Target } from './support';

let target: Target;
const phone = phonesForSuite();

beforeAll(async () => {
  target = await startTarget();
});

afterAll(async () => {
  await target?.close();
});

describe('H5 offline', () => {
  it('shows the cached station page with its age when the network is gone', async () => {
    const page = await phone();
    await openRoute(page, target.webUrl, `pages/station/index?scene=${target.station.code}`);
    await page.waitForSelector('#station-details');
    expect(await page.locator('#station-offline-age').count()).toBe(0);

    // The signal goes: every API request fails without an answer; the app's files still load.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe(`${target.station.villageName}益农信息社`);
    expect(await text(page, '#station-offline-age')).toBe('无网络，显示 0 分钟前的内容');
  });
});
