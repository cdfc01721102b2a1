/** @jest-environment jsdom */
/**
 * 我的本月 (officer, issue 15) with stubbed Taro components, through the real API client (Taro.request
 * answered by route): the month against its target, and 一键登记咨询: one tap logs one consultation
 * and the month is read again; a tap whose answer was lost is retried with the SAME key.
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import ServiceMonthPage from '../../../miniprogram/src/packages/officer/pages/month/index';
import OrderPage from '../../../miniprogram/src/packages/market/pages/order/index';
import SupervisionPage from '../../../miniprogram/src/packages/admin/pages/supervision/index';
import Taro from '@tarojs/taro';
import type { ServiceMonth } from '../../../miniprogram/src/services/api-services';
import { saveSession } from '../../../miniprogram/src/services/session';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import { adminMe, errorBody, loginAnswer, officerMe, station } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const STATION = `/stations/${station.id}`;
const byType = { payment: 40, order: 5, ack: 20, informed: 10, answer: 3, consultation: 41, training: 1 };
const monthOf = (services: number): ServiceMonth => ({
  stationId: station.id,
  month: '2026-11',
  areaType: 'farming',
  target: { servicesPerMonth: 200, satisfaction: 0.9 },
  figures: { services, byType, paymentFen: 1_234_500, orderFen: 88_000, trainings: 1, ackRate: 0.667, ratingCount: 10, satisfaction: 0.8 },
  progress: services / 200,
  trend: [{ month: '2026-11', services, satisfaction: 0.8 }],
  days: [],
  pending: { servicesToTarget: 200 - services, daysLeft: 1, perDayNeeded: 200 - services },
});

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
  saveSession(loginAnswer({ role: 'officer' }));
});
afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('我的本月 (officer)', () => {
  it('shows the month against its target; 电话咨询 logs one consultation and the month is read again', async () => {
    let services = 120;
    const logged: Array<{ body: unknown; key: string }> = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/service-month`]: () => ok(monthOf(services)),
      [`POST ${STATION}/consultations`]: (options: RequestOptions) => {
        logged.push({
          body: typeof options.data === 'string' ? JSON.parse(options.data) : options.data,
          key: (options.header as Record<string, string>)['Idempotency-Key'],
        });
        services++;
        return {
          statusCode: 201,
          data: { id: 'consult-x', type: 'consultation', stationId: station.id, at: '', date: '', channel: 'phone', rating: null },
        };
      },
    });
    render(<ServiceMonthPage />);
    await waitFor(() => byId('month-services'));
    expect(byId('month-services').textContent).toBe('服务 120 人次 / 目标 200');
    expect(byId('month-satisfaction').textContent).toBe('满意度 80%（目标 90%）');
    expect(byId('month-payment-fen').textContent).toContain('¥12,345.00');
    fireEvent.click(button('month-log-phone'));
    await waitFor(() => byId('month-logged'));
    expect(byId('month-logged').textContent).toBe('已登记一次电话咨询');
    expect(logged).toEqual([{ body: { channel: 'phone' }, key: expect.stringMatching(/^consult/) }]);
    await waitFor(() => expect(byId('month-services').textContent).toBe('服务 121 人次 / 目标 200'));
  });

  it('a tap without an answer waits in the offline queue (badge); 立即同步 resends the SAME key once', async () => {
    const keys: string[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/service-month`]: ok(monthOf(10)),
      [`POST ${STATION}/consultations`]: (options: RequestOptions) => {
        keys.push((options.header as Record<string, string>)['Idempotency-Key']);
        return keys.length === 1
          ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') }
          : {
              statusCode: 201,
              data: { id: 'consult-y', type: 'consultation', stationId: station.id, at: '', date: '', channel: 'wechat', rating: null },
            };
      },
    });
    render(<ServiceMonthPage />);
    await waitFor(() => byId('month-services'));
    fireEvent.click(button('month-log-wechat'));
    await waitFor(() => byId('month-log-queued'));
    expect(exists('month-logged')).toBe(false);
    expect(byId('officer-queue-badge').textContent).toBe('1 条待同步');
    fireEvent.click(button('officer-queue-retry'));
    await waitFor(() => expect(exists('officer-queue-badge')).toBe(false));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('a refused queued action is listed until dismissed, never dropped silently', async () => {
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/service-month`]: ok(monthOf(10)),
      [`POST ${STATION}/consultations`]: () => ({ statusCode: 422, data: errorBody('IDEMPOTENCY_KEY_REUSED') }),
    });
    render(<ServiceMonthPage />);
    await waitFor(() => byId('month-services'));
    fireEvent.click(button('month-log-phone'));
    await waitFor(() => byId('month-log-error'));
    await waitFor(() => byId('officer-queue-conflicts'));
    expect(byId('officer-queue-conflicts').textContent).toContain('咨询');
    expect(exists('officer-queue-badge')).toBe(false);
    const dismiss = document.querySelector('[id^="officer-queue-dismiss-"]') as HTMLElement;
    fireEvent.click(dismiss.querySelector('button') ?? dismiss);
    await waitFor(() => expect(exists('officer-queue-conflicts')).toBe(false));
  });
});

describe('the villager’s rating prompt on a handed-over order', () => {
  const ORDER = 'or000000000000000000000009';
  const handed = {
    id: ORDER,
    status: 'HANDED_OVER',
    sellerId: 'sl0123456789abcdef01234567',
    sellerName: '土桥牦牛合作社',
    stationId: station.id,
    lines: [{ listingId: 'ls0123456789abcdef01234567', title: '牦牛肉干', unit: 'jin', priceFen: 8800, quantity: 1, amountFen: 8800 }],
    itemsFen: 8800,
    shippingFen: 0,
    totalFen: 8800,
    delivery: { mode: 'pickup', address: null },
    holdUntil: '2026-11-30T02:00:00.000Z',
    yours: true,
    createdAt: '2026-11-30T02:00:00.000Z',
    closedAt: null,
    steps: [],
    shipment: null,
  };

  it('rates 4 with a comment once; a second rating (409) reads as already rated', async () => {
    saveSession(loginAnswer({ role: 'buyer' }));
    setRouterParams({ id: ORDER });
    const sent: unknown[] = [];
    routes({
      [`GET /orders/${ORDER}`]: ok(handed),
      [`POST /services/order-${ORDER}/rating`]: (options: RequestOptions) => {
        sent.push(typeof options.data === 'string' ? JSON.parse(options.data) : options.data);
        return sent.length === 1
          ? { statusCode: 201, data: { serviceId: `order-${ORDER}`, rating: 4, at: '' } }
          : { statusCode: 409, data: errorBody('CONFLICT') };
      },
    });
    const first = render(<OrderPage />);
    await waitFor(() => byId('rating-prompt'));
    fireEvent.click(byId('rating-4'));
    type('rating-comment', '很耐心');
    fireEvent.click(button('rating-send'));
    await waitFor(() => byId('rating-thanks'));
    expect(sent).toEqual([{ rating: 4, comment: '很耐心' }]);
    first.unmount();
    render(<OrderPage />);
    await waitFor(() => byId('rating-prompt'));
    fireEvent.click(byId('rating-5'));
    fireEvent.click(button('rating-send'));
    await waitFor(() => byId('rating-already'));
  });
});

describe('服务督导 (admin)', () => {
  const figures = (services: number) => ({
    services,
    byType: { ...byType, payment: 3 },
    paymentFen: 30_000,
    orderFen: 0,
    trainings: 0,
    ackRate: 0.667,
    ratingCount: 0,
    satisfaction: null,
  });
  const row = (code: string, name: string, services: number, target: number) => ({
    code,
    name,
    kind: 'region',
    stationId: null,
    stationCount: 10,
    activeStations: 2,
    silentStations: code === '6327' ? 3 : 0,
    burstFlags: code === '6327' ? 1 : 0,
    target,
    attainment: services / target,
    figures: figures(services),
  });

  it('shows the province from aggregates with its freshness, children weakest first as answered; a tap drills down', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const asked: string[] = [];
    routes({
      'GET /me': ok(adminMe),
      'GET /regions/63/supervision': (options: RequestOptions) => (
        asked.push(options.url),
        ok({
          region: { code: '63', name: '青海省', level: 'province' },
          from: '2026-11-01',
          to: '2026-11-30',
          freshAt: '2026-11-30T08:15:00.000Z',
          coverage: { villages: 4129, stations: 4129, activeStations: 2000, silentStations: 3, rate: 0.484 },
          figures: figures(300),
          acknowledgements: { acked: 20, informed: 10, reached: 30, rate: 0.667 },
          days: [
            { date: '2026-11-01', services: 100 },
            { date: '2026-11-02', services: 50 },
          ],
          target: 1000,
          attainment: 0.3,
          children: [row('6327', '玉树藏族自治州', 10, 100), row('6302', '海东市', 290, 900)],
          flags: [
            { kind: 'silent', stationId: 'st1', villageCode: '632701001201', detail: 'last service 2026-11-01' },
            { kind: 'burst', stationId: 'st1', villageCode: '632701001201', detail: '2026-11-02 10:10: 31 services in 10 minutes' },
          ],
          definitions: {
            activeWithinDays: 30,
            silentAfterDays: 14,
            spikeTimesMedian: 5,
            spikeMedianWeeks: 8,
            burstServices: 30,
            burstMinutes: 10,
            dropWindowDays: 14,
            dropShare: 0.3,
            dropMinBaseline: 10,
            satisfiedFrom: 4,
            ackRate: 'acknowledged / reached',
            targets: { farming: { servicesPerMonth: 200, satisfaction: 0.9 } },
          },
        })
      ),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<SupervisionPage />);
    await waitFor(() => byId('supervision-region'));
    expect(asked[0]).toMatch(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
    expect(byId('supervision-services').textContent).toBe('服务 300 人次 / 目标 1000（30%）');
    expect(byId('supervision-fresh').textContent).toBe('数据截至 2026-11-30 08:15（UTC）');
    const rows = Array.from(byId('supervision-children').querySelectorAll('[id^="supervision-child-"][id$="-share"]')).map((e) => e.id);
    expect(rows).toEqual(['supervision-child-6327-share', 'supervision-child-6302-share']);
    expect(byId('supervision-flags').textContent).toContain('632701001201 已超过14天没有服务');
    expect(byId('supervision-flags').textContent).toContain('632701001201 10分钟内服务过多');
    expect(byId('supervision-child-6327').textContent).toContain('沉寂站点 3 · 异常时段 1');
    expect(byId('supervision-ack-rate').textContent).toContain('67%（20 / 30 户）');
    // The charts: bars in proportion to the largest (services by type; each day).
    const width = (id: string) => (byId(id).querySelector('.bar-chart__bar') as HTMLElement).style.width;
    expect([width('supervision-chart-types-consultation'), width('supervision-chart-types-payment')]).toEqual(['100%', '7%']);
    const height = (id: string) => (byId(id).querySelector('.bar-chart__column-bar') as HTMLElement).style.height;
    expect([height('supervision-chart-trend-2026-11-01'), height('supervision-chart-trend-2026-11-02')]).toEqual(['100%', '50%']);
    expect(byId('supervision-definitions').textContent).toContain('同一站 10 分钟内服务超过 30 次');
    expect(byId('supervision-definitions').textContent).toContain('农区 200 人次');
    fireEvent.click(byId('supervision-child-6327'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: expect.stringContaining('packages/admin/pages/supervision/index?code=6327') });
  });
});
