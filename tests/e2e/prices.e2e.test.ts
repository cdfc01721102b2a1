/**
 * @jest-environment node
 *
 * Market prices (issue 12) on the H5 build in Chromium, against the real stack: the officer of
 * 土桥村 (乐都区, 海东) reports a price at 乐都 through 报价格, the series page shows it (the latest
 * value, one more point, the chart drawn, the table row); the 海东 prefecture admin marks it wrong
 * on the market's reports and the series drops it. The tests run in order: the second builds on the first.
 *
 * Selectors (ids set in miniprogram/src):
 *   officer  #officer-price-report-link, #price-report-product-<id>, #price-report-market-<id>,
 *            #price-report-price, #price-report-submit, #price-report-done, #price-report-series
 *   series   #series-latest, #series-points, #series-chart (canvas), #series-toggle, #series-row-<date>, #series-empty
 *   admin    #admin-price-reports-link, #price-reports-market-<id>, #price-reports-product-<id>,
 *            #price-report-<reportId>-mark / -reason / -confirm-button / -status
 * Screenshots: .tmp/e2e/prices-*.png.
 */
import type { Page } from 'playwright-core';
import { click, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText } from './support';

const MARKET = 'ledu';
const PRODUCTS = ['yak-head', 'yak-jin', 'sheep-head', 'sheep-jin', 'barley', 'rapeseed', 'wolfberry', 'juema', 'potato'];
/** Today in China, the business day a report is dated by default. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

interface Series {
  days: number[];
  pricesFen: number[];
  latest: { date: string; priceFen: number } | null;
}

let webUrl: string;
const phone = phonesForSuite();
let productId: string;
let before: Series;
let reportId: string;
// A price no other test reports: 1xx.yy yuan from the clock.
const priceFen = 10_000 + (Date.now() % 9_000);
const priceYuan = `${Math.floor(priceFen / 100)}.${String(priceFen % 100).padStart(2, '0')}`;

async function api<T>(path: string, token?: string): Promise<T> {
  const response = await fetch(`${webUrl}/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const json = (await response.json()) as T;
  if (response.status >= 300) throw new Error(`GET ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const login = async (openid: string) => {
  const response = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `dev:${openid}` }),
  });
  return ((await response.json()) as { token: string }).token;
};

/** The series the page shows by default (3 months). */
const quarter = (product: string) => api<Series>(`/market-prices/${product}/${MARKET}?from=${daysBefore(90)}&to=${today}`);

beforeAll(async () => {
  webUrl = requireStack();
  // A product with no price at 乐都 today, so the officer's report adds a point (other test files may report too).
  for (const candidate of PRODUCTS) {
    const series = await quarter(candidate);
    if (series.latest?.date !== today) {
      productId = candidate;
      before = series;
      break;
    }
  }
  if (!productId) throw new Error('every product has a price at 乐都 today: run against a fresh stack');
});

const open = (page: Page, route: string) => openRoute(page, webUrl, route);

/** The chart's canvas has something drawn on it: more than `min` non-transparent pixels (F2 draws after the page shows). */
const waitForChartInk = (page: Page, min: number) =>
  page.waitForFunction((least) => {
    const canvas =
      document.querySelector<HTMLCanvasElement>('#series-chart canvas') ?? document.querySelector<HTMLCanvasElement>('canvas#series-chart');
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    return inked > least;
  }, min);

describe('H5: market prices', () => {
  it('the officer reports a price at 乐都 and the series shows it', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await open(page, 'packages/officer/pages/index/index');
    await page.locator('#officer-price-report-link').click();
    await page.waitForSelector('#price-report-form');
    await page.locator(`#price-report-product-${productId}`).click();
    await page.locator(`#price-report-market-${MARKET}`).click();
    expect(await text(page, '#price-report-date')).toBe(today);
    await page.locator('#price-report-price input').fill(priceYuan);
    await shoot(page, 'prices-report-form.png');
    await click(page, 'price-report-submit');
    await page.waitForSelector('#price-report-done');
    expect(await text(page, '#price-report-done')).toContain(`¥${priceYuan}`);

    await click(page, 'price-report-series');
    await page.waitForSelector('#series-latest');
    await waitForText(page, '#series-latest', `¥${priceYuan}`);
    expect(await text(page, '#series-points')).toBe(`共 ${before.days.length + 1} 天有报价`);
    // The chart is drawn (F2 on the canvas), then the same point read as a table row.
    await waitForChartInk(page, 100);
    await shoot(page, 'prices-series-chart.png');
    await page.locator('#series-toggle').click();
    expect(await text(page, `#series-row-${today}`)).toContain(priceYuan);
    expect(await page.locator('[id^="series-row-"]').count()).toBe(before.days.length + 1);
    await shoot(page, 'prices-series-table.png');

    const admin = await login('admin-haidong');
    const reports = await api<{ items: Array<{ id: string; date: string; priceFen: number }> }>(
      `/price-markets/${MARKET}/reports?product=${productId}`,
      admin,
    );
    reportId = reports.items.find((r) => r.date === today && r.priceFen === priceFen)!.id;
    expect(reportId).toBeTruthy();
  });

  it('the 海东 admin marks it wrong, after a confirm, and the series drops it', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'admin-haidong');
    await open(page, 'packages/admin/pages/index/index');
    await click(page, 'admin-price-reports-link');
    await page.locator(`#price-reports-market-${MARKET}`).click();
    await page.locator(`#price-reports-product-${productId}`).click();
    await page.waitForSelector(`#price-report-${reportId}`);
    expect(await text(page, `#price-report-${reportId}-status`)).toBe('有效');
    await click(page, `price-report-${reportId}-mark`);
    await page.waitForSelector(`#price-report-${reportId}-confirm`);
    await page.locator(`#price-report-${reportId}-reason input`).fill('多写了一位');
    await shoot(page, 'prices-admin-confirm.png');
    await click(page, `price-report-${reportId}-confirm-button`);
    await waitForText(page, `#price-report-${reportId}-status`, '已标为错误');

    await open(page, `packages/prices/pages/series/index?product=${productId}&market=${MARKET}`);
    if (before.days.length === 0) {
      await page.waitForSelector('#series-empty');
    } else {
      await waitForText(page, '#series-points', `共 ${before.days.length} 天有报价`);
      expect(await text(page, '#series-latest')).not.toContain(`¥${priceYuan}`);
      await page.locator('#series-toggle').click();
      expect(await page.locator(`#series-row-${today}`).count()).toBe(0);
    }
    await shoot(page, 'prices-series-after-mark.png');
  });
});
