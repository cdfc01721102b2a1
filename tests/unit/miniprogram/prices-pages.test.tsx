/** @jest-environment jsdom */
/**
 * Market prices' pages (issue 12) with stubbed Taro components, through the real API client
 * (Taro.request answered by route): the overview per market, a series with its figures, range tabs
 * and table, the officer's 报价格 with its kept Idempotency-Key, and the admin's 标为错误 / 撤销.
 * The chart itself is drawn only in Chromium (tests/e2e/prices.e2e.test.ts): jsdom has no canvas.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Market, PriceReport, PriceSeries, Product } from '../../../shared/schemas/prices';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import PricesPage from '../../../miniprogram/src/packages/prices/pages/index/index';
import PriceSeriesPage from '../../../miniprogram/src/packages/prices/pages/series/index';
import PriceReportPage from '../../../miniprogram/src/packages/officer/pages/price-report/index';
import PriceReportsPage from '../../../miniprogram/src/packages/admin/pages/price-reports/index';
import { chinaDate, shiftDate } from '../../../miniprogram/src/services/business-date';
import { saveSession } from '../../../miniprogram/src/services/session';
import { errorBody, loginAnswer, officerMe, station } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const product = (id: string, name: string, unit: Product['unit'], unitName: string): Product => ({
  id,
  name,
  unit,
  unitName,
  active: true,
  history: [],
});
const products = { items: [product('yak-head', '牦牛（活畜）', 'head', '头'), product('barley', '青稞', 'jin', '斤')], nextCursor: null };
const market = (id: string, name: string, regionCode: string): Market => ({ id, name, regionCode, active: true, history: [] });
const markets = { items: [market('ledu', '乐都（碾伯）', '630202001')], nextCursor: null };

const series = (fields: Partial<PriceSeries> = {}): PriceSeries => ({
  productId: 'barley',
  marketId: 'ledu',
  unit: 'jin',
  from: '2026-09-01',
  to: '2026-11-30',
  days: [0, 60, 89],
  pricesFen: [210, 190, 250],
  reports: [1, 2, 1],
  latest: { date: '2026-11-29', priceFen: 250 },
  minFen: 190,
  maxFen: 250,
  weekChange: { sinceDate: '2026-10-31', fromFen: 190, diffFen: 60, pct: 31.6 },
  monthChange: null,
  ...fields,
});

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('overview (市场行情)', () => {
  it('shows each market’s latest price with the week and month change in words, and opens its series', async () => {
    routes({
      'GET /price-products': ok(products),
      'GET /market-prices?product=yak-head': ok({
        productId: 'yak-head',
        unit: 'head',
        items: [
          {
            marketId: 'jiegu',
            marketName: '结古（玉树市）',
            regionCode: '632701001',
            latest: { date: '2026-11-29', priceFen: 850000 },
            minFen: 800000,
            maxFen: 900000,
            weekChange: { sinceDate: '2026-11-22', fromFen: 800000, diffFen: 50000, pct: 6.25 },
            monthChange: { sinceDate: '2026-10-29', fromFen: 900000, diffFen: -50000, pct: -5.56 },
          },
          {
            marketId: 'dawu',
            marketName: '大武（玛沁县）',
            regionCode: '632621100',
            latest: null,
            minFen: null,
            maxFen: null,
            weekChange: null,
            monthChange: null,
          },
        ],
        nextCursor: null,
      }),
      'GET /market-prices?product=barley': ok({ productId: 'barley', unit: 'jin', items: [], nextCursor: null }),
    });
    render(<PricesPage />);
    await waitFor(() => byId('price-row-jiegu'));
    expect(byId('price-row-jiegu-latest').textContent).toBe('¥8,500.00/头');
    expect(byId('price-row-jiegu-week').textContent).toBe('比一周前 ↑ 涨 ¥500.00（+6.3%）');
    expect(byId('price-row-jiegu-week').className).toContain('price-change--up');
    expect(byId('price-row-jiegu-month').textContent).toBe('比一个月前 ↓ 跌 ¥500.00（-5.6%）');
    expect(byId('price-row-jiegu-month').className).toContain('price-change--down');
    expect(byId('price-row-dawu').textContent).toContain('最近 60 天没有报价');
    expect(exists('price-row-dawu-week')).toBe(false);

    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('price-row-jiegu'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/prices/pages/series/index?product=yak-head&market=jiegu' });

    fireEvent.click(byId('prices-product-barley'));
    await waitFor(() => byId('prices-empty'));
  });

  it('retries after a failure', async () => {
    let fail = true;
    routes({
      'GET /price-products': ok(products),
      'GET /market-prices?product=yak-head': () =>
        fail
          ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') }
          : ok({ productId: 'yak-head', unit: 'head', items: [], nextCursor: null }),
    });
    render(<PricesPage />);
    await waitFor(() => byId('prices-error'));
    fail = false;
    await act(async () => fireEvent.click(button('prices-retry')));
    await waitFor(() => byId('prices-empty'));
  });
});

describe('series', () => {
  it('shows latest, min, max and changes, the table in yuan newest first, and asks again for another range', async () => {
    const asked: string[] = [];
    routes({
      'GET /price-products': ok(products),
      'GET /price-markets': ok(markets),
      'GET /market-prices/barley/ledu': (options: RequestOptions) => {
        asked.push(options.url);
        return ok(series());
      },
    });
    setRouterParams({ product: 'barley', market: 'ledu' });
    render(<PriceSeriesPage />);
    await waitFor(() => byId('series-latest'));
    expect(byId('series-latest').textContent).toBe('¥2.50/斤');
    expect(byId('series-min').textContent).toBe('¥1.90');
    expect(byId('series-max').textContent).toBe('¥2.50');
    expect(byId('series-week').textContent).toBe('比一周前 ↑ 涨 ¥0.60（+31.6%）');
    expect(byId('series-month').textContent).toBe('比一个月前 — 无可比报价');
    expect(byId('series-points').textContent).toBe('共 3 天有报价');
    await waitFor(() => expect(byId('series-title').textContent).toBe('青稞 · 乐都（碾伯）'));
    // The chart first; the table on request, dates from the day offsets, prices in yuan.
    expect(exists('series-chart')).toBe(true);
    expect(exists('series-table')).toBe(false);
    fireEvent.click(byId('series-toggle'));
    const rows = Array.from(byId('series-table').querySelectorAll('[id^="series-row-"]')).map((row) => row.textContent);
    expect(rows).toEqual(['2026-11-292.501', '2026-10-311.902', '2026-09-012.101']);
    expect(byId('series-toggle').textContent).toBe('看图');

    const today = chinaDate();
    expect(asked[0]).toContain(`from=${shiftDate(today, -90)}&to=${today}`);
    fireEvent.click(byId('series-range-month'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toContain(`from=${shiftDate(today, -29)}&to=${today}`);
  });

  it('says so when the range has no report, and without product and market leads to the overview', async () => {
    routes({
      'GET /price-products': ok(products),
      'GET /price-markets': ok(markets),
      'GET /market-prices/barley/ledu': ok(
        series({ days: [], pricesFen: [], reports: [], latest: null, minFen: null, maxFen: null, weekChange: null, monthChange: null }),
      ),
    });
    setRouterParams({ product: 'barley', market: 'ledu' });
    const { unmount } = render(<PriceSeriesPage />);
    await waitFor(() => byId('series-empty'));
    unmount();
    setRouterParams({ product: 'barley' });
    render(<PriceSeriesPage />);
    expect(byId('series-bad-link').textContent).toContain('链接不完整');
  });
});

describe('officer 报价格', () => {
  const report = (body: { productId: string; marketId: string; date: string; priceFen: number }): PriceReport => ({
    id: 'pr1',
    ...body,
    unit: 'jin',
    stationId: station.id,
    status: 'VALID',
    marks: [],
    createdAt: '2026-11-30T02:00:00.000Z',
  });

  it('sends the price in fen with one Idempotency-Key kept across a retry, then links to the series', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    const posts: RequestOptions[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${station.id}`]: ok(station),
      'GET /price-products': ok(products),
      'GET /price-markets?region=6302': ok(markets),
      'POST /price-reports': (options: RequestOptions) => {
        posts.push(options);
        return posts.length === 1
          ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') }
          : { statusCode: 201, data: report(options.data as never) };
      },
    });
    render(<PriceReportPage />);
    await waitFor(() => byId('price-report-form'));
    expect(byId('price-report-date').textContent).toBe(chinaDate());
    fireEvent.click(byId('price-report-product-barley'));
    expect(byId('price-report-form').textContent).toContain('价格（元/斤）');

    // Three decimals is not money: refused before anything is sent.
    type('price-report-price', '1.234');
    await act(async () => fireEvent.click(button('price-report-submit')));
    expect(byId('price-report-price-error').textContent).toBe('最多两位小数（到分）');
    expect(posts).toHaveLength(0);

    type('price-report-price', '2.5');
    await act(async () => fireEvent.click(button('price-report-submit')));
    await waitFor(() => byId('price-report-failed'));
    expect(byId('price-report-submit').textContent).toBe('重新提交');
    await act(async () => fireEvent.click(button('price-report-submit')));
    await waitFor(() => byId('price-report-done'));

    expect(posts).toHaveLength(2);
    expect(posts.map((o) => o.data)).toEqual([
      { productId: 'barley', marketId: 'ledu', date: chinaDate(), priceFen: 250 },
      { productId: 'barley', marketId: 'ledu', date: chinaDate(), priceFen: 250 },
    ]);
    const keys = posts.map((o) => o.header?.['Idempotency-Key']);
    expect(keys[0]).toMatch(/^price-[0-9a-z]+-[A-Za-z0-9]{20}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(byId('price-report-done').textContent).toContain(`已报价：青稞 在 乐都（碾伯） ${chinaDate()} ¥2.50/斤`);

    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(button('price-report-series'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/prices/pages/series/index?product=barley&market=ledu' });

    // The next report is another attempt with a new key.
    await act(async () => fireEvent.click(button('price-report-another')));
    type('price-report-price', '2.6');
    await act(async () => fireEvent.click(button('price-report-submit')));
    await waitFor(() => byId('price-report-done'));
    expect(posts[2].header?.['Idempotency-Key']).not.toBe(keys[0]);
  });
});

describe('officer: a price report without network', () => {
  it('waits in the offline queue under its key (badge) and 立即同步 sends it once with that key', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    let online = false;
    const posts: RequestOptions[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${station.id}`]: ok(station),
      'GET /price-products': ok(products),
      'GET /price-markets?region=6302': ok(markets),
      'POST /price-reports': (options: RequestOptions) => {
        posts.push(options);
        if (!online) throw { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' };
        const sent = options.data as { productId: string; marketId: string; date: string; priceFen: number };
        return { statusCode: 201, data: { id: 'pr2', ...sent, unit: 'jin', stationId: station.id, status: 'VALID', marks: [], createdAt: '' } };
      },
    });
    render(<PriceReportPage />);
    await waitFor(() => byId('price-report-form'));
    fireEvent.click(byId('price-report-product-barley'));
    type('price-report-price', '2.5');
    await act(async () => fireEvent.click(button('price-report-submit')));
    await waitFor(() => byId('price-report-queued'));
    await waitFor(() => expect(byId('officer-queue-badge').textContent).toBe('1 条待同步'));

    online = true;
    await act(async () => fireEvent.click(button('officer-queue-retry')));
    await waitFor(() => expect(exists('officer-queue-badge')).toBe(false));
    expect(posts).toHaveLength(2);
    expect(posts[1].header?.['Idempotency-Key']).toBe(posts[0].header?.['Idempotency-Key']);
    expect(posts[1].data).toEqual({ productId: 'barley', marketId: 'ledu', date: chinaDate(), priceFen: 250 });
  });
});

describe('admin: a market’s reports', () => {
  const reportOf = (id: string, fields: Partial<PriceReport> = {}): PriceReport => ({
    id,
    productId: 'yak-head',
    marketId: 'ledu',
    date: '2026-11-29',
    unit: 'head',
    priceFen: 8_500_000,
    stationId: station.id,
    status: 'VALID',
    marks: [],
    createdAt: '2026-11-29T02:00:00.000Z',
    ...fields,
  });

  it('asks to confirm before 标为错误, sends the reason, and 撤销 undoes it', async () => {
    saveSession(loginAnswer({ role: 'prefecture_admin', regionCode: '6302' }));
    const puts: RequestOptions[] = [];
    const mark = { reason: '多写了一个零', at: '2026-11-30T03:00:00.000Z', byRole: 'prefecture_admin', byIdTail: '0001' };
    routes({
      'GET /me': ok({
        user: { id: 'uadmin0001', role: 'prefecture_admin', regionCode: '6302' },
        region: { code: '6302', name: '海东市', level: 'prefecture' },
      }),
      'GET /price-products': ok(products),
      'GET /price-markets?region=6302': ok(markets),
      'GET /price-markets/ledu/reports?product=yak-head&limit=50': ok({ items: [reportOf('pr1')], nextCursor: null }),
      'PUT /price-reports/pr1/wrong': (options: RequestOptions) => {
        puts.push(options);
        const wrong = (options.data as { wrong: boolean }).wrong;
        return ok(
          reportOf('pr1', {
            status: wrong ? 'WRONG' : 'VALID',
            marks: [{ ...mark, wrong: true }, ...(wrong ? [] : [{ ...mark, reason: null, wrong: false }])],
          }),
        );
      },
    });
    render(<PriceReportsPage />);
    await waitFor(() => byId('price-report-pr1'));
    expect(byId('price-report-pr1').textContent).toContain('2026-11-29 ¥85,000.00/头');
    expect(byId('price-report-pr1-status').textContent).toBe('有效');

    fireEvent.click(button('price-report-pr1-mark'));
    expect(byId('price-report-pr1-confirm').textContent).toContain('确认标为错误？');
    expect(puts).toHaveLength(0);
    type('price-report-pr1-reason', '多写了一个零');
    await act(async () => fireEvent.click(button('price-report-pr1-confirm-button')));
    await waitFor(() => expect(byId('price-report-pr1-status').textContent).toBe('已标为错误'));
    expect(puts.map((o) => o.data)).toEqual([{ wrong: true, reason: '多写了一个零' }]);
    expect(byId('price-report-pr1').textContent).toContain('市州管理员标记：多写了一个零');

    await act(async () => fireEvent.click(button('price-report-pr1-undo')));
    await waitFor(() => expect(byId('price-report-pr1-status').textContent).toBe('有效'));
    expect(puts.map((o) => o.data)).toEqual([{ wrong: true, reason: '多写了一个零' }, { wrong: false }]);
  });

  it('cancel sends nothing', async () => {
    saveSession(loginAnswer({ role: 'prefecture_admin', regionCode: '6302' }));
    const request = routes({
      'GET /me': ok({
        user: { id: 'uadmin0001', role: 'prefecture_admin', regionCode: '6302' },
        region: { code: '6302', name: '海东市', level: 'prefecture' },
      }),
      'GET /price-products': ok(products),
      'GET /price-markets?region=6302': ok(markets),
      'GET /price-markets/ledu/reports?product=yak-head&limit=50': ok({ items: [reportOf('pr2')], nextCursor: null }),
    });
    render(<PriceReportsPage />);
    await waitFor(() => byId('price-report-pr2'));
    fireEvent.click(button('price-report-pr2-mark'));
    fireEvent.click(button('price-report-pr2-cancel'));
    expect(exists('price-report-pr2-confirm')).toBe(false);
    expect(request.mock.calls.some(([o]) => (o as RequestOptions).method === 'PUT')).toBe(false);
  });
});
