/** @jest-environment jsdom */
/**
 * The feed's pages (issue 11) with stubbed Taro components, through the real API client (Taro.request
 * answered by route): the villager's feed and item with 收到, the station page's latest three, the
 * officer's households of an alert with "informed" marks, and the admin's rates per station.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { FeedItem, FeedSummary } from '../../../shared/schemas/feeds';
import { pullDownPages, resetStorage, setRouterParams } from '../../stubs/taro';
import StationPage from '../../../miniprogram/src/pages/station/index';
import FeedPage from '../../../miniprogram/src/packages/feed/pages/index/index';
import FeedItemPage from '../../../miniprogram/src/packages/feed/pages/item/index';
import FeedAcksPage from '../../../miniprogram/src/packages/officer/pages/acks/index';
import AckRatesPage from '../../../miniprogram/src/packages/admin/pages/ack-rates/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { adminMe, errorBody, loginAnswer, officerMe, station } from './fixtures';
import { button, byId, exists, ok, routes, type RequestOptions } from './page-helpers';

const VILLAGE = station.villageCode;

function summary(id: string, fields: Partial<FeedSummary> = {}): FeedSummary {
  return {
    id,
    title: `标题${id}`,
    excerpt: `摘要${id}`,
    lang: 'zh',
    langs: ['zh'],
    category: 'policy',
    regionCode: '630202',
    areaTypes: null,
    urgent: false,
    pinned: false,
    requiresAck: false,
    expiresAt: null,
    publishedAt: '2026-11-28T02:00:00.000Z',
    thumbnailUrl: null,
    ...fields,
  };
}

const categories = {
  items: [
    { key: 'policy', name: '政策', nameBo: 'x' },
    { key: 'weather_alert', name: '气象预警', nameBo: 'x' },
  ],
  nextCursor: null,
};

const alert: FeedItem = {
  ...summary('fdsnow', { title: '暴雪预警', category: 'weather_alert', urgent: true, pinned: true, requiresAck: true }),
  body: '明天有暴雪，请把牲畜赶进棚圈。',
  images: [
    { id: 'up1', url: 'https://img.example/1.jpg', thumbnailUrl: 'https://img.example/1-t.jpg', width: 800, height: 600 },
    { id: 'up2', url: 'https://img.example/2.jpg', thumbnailUrl: 'https://img.example/2-t.jpg', width: 800, height: 600 },
  ],
};

const region = {
  region: {
    code: '630202',
    name: '乐都区',
    level: 'county',
    stationCount: 1,
    villageCount: 1,
    areaType: 'farming',
    areaTypeCorrection: null,
    chain: [
      { code: '63', name: '青海省', level: 'province' },
      { code: '6302', name: '海东市', level: 'prefecture' },
    ],
  },
  items: [],
  nextCursor: null,
};

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('feed', () => {
  it('shows pinned alerts first and marked, thumbnails when set, tabs from the categories, and pages on', async () => {
    const request = routes({
      'GET /feed-categories': ok(categories),
      [`GET /feeds?region=${VILLAGE}&lang=zh`]: ok({
        items: [
          summary('a1', { pinned: true, urgent: true, category: 'weather_alert', requiresAck: true }),
          summary('a2', { thumbnailUrl: 'https://img.example/t.jpg' }),
        ],
        nextCursor: 'c2',
      }),
      [`GET /feeds?region=${VILLAGE}&lang=zh&cursor=c2`]: ok({ items: [summary('a3')], nextCursor: null }),
      [`GET /feeds?region=${VILLAGE}&category=weather_alert&lang=zh`]: ok({ items: [], nextCursor: null }),
    });
    setRouterParams({ region: VILLAGE, name: encodeURIComponent('土桥村') });
    render(<FeedPage />);
    await waitFor(() => byId('feed-item-a1'));
    expect(byId('feed-place').textContent).toBe('土桥村能看到的信息');
    expect(byId('feed-item-a1').className).toContain('feed-row--pinned');
    expect(byId('feed-item-a1-pinned').textContent).toBe('置顶');
    expect(byId('feed-item-a1').textContent).toContain('需确认');
    expect(byId('feed-item-a2').className).not.toContain('feed-row--pinned');
    expect(exists('feed-item-a1-thumb')).toBe(false);
    expect(exists('feed-item-a2-thumb')).toBe(true);
    await waitFor(() => expect(byId('feed-item-a1').textContent).toContain('气象预警 · 2026-11-28'));
    expect(byId('feed-tab-all').className).toContain('feed-tab--selected');

    await act(async () => fireEvent.click(button('feed-more')));
    await waitFor(() => byId('feed-item-a3'));
    expect(exists('feed-more-end')).toBe(true);

    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('feed-item-a2'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/feed/pages/item/index?id=a2' });

    fireEvent.click(byId('feed-tab-weather_alert'));
    await waitFor(() => byId('feed-empty'));
    expect(byId('feed-tab-weather_alert').className).toContain('feed-tab--selected');
    expect(byId('feed-empty').textContent).toContain('这个分类暂时没有信息。');
    // Every list call is public and names the reader's language.
    const feedCalls = request.mock.calls.map(([o]) => o as RequestOptions).filter((o) => o.url.includes('/feeds?'));
    expect(feedCalls.every((o) => o.url.includes('lang=zh') && !o.header?.Authorization)).toBe(true);
  });

  it('pull to refresh loads the first page again and stops the spinner', async () => {
    let answers = 0;
    routes({
      'GET /feed-categories': ok(categories),
      [`GET /feeds?region=${VILLAGE}&lang=zh`]: () => ok({ items: [summary(answers++ === 0 ? 'old' : 'new')], nextCursor: null }),
    });
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
    setRouterParams({ region: VILLAGE });
    render(<FeedPage />);
    await waitFor(() => byId('feed-item-old'));
    expect(stop).not.toHaveBeenCalled();
    act(() => pullDownPages());
    await waitFor(() => byId('feed-item-new'));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('says so when there is nothing yet, and retries after a failure', async () => {
    let fail = true;
    routes({
      'GET /feed-categories': ok(categories),
      [`GET /feeds?region=${VILLAGE}&lang=zh`]: () =>
        fail ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } : ok({ items: [], nextCursor: null }),
    });
    setRouterParams({ region: VILLAGE });
    render(<FeedPage />);
    await waitFor(() => byId('feed-error'));
    fail = false;
    await act(async () => fireEvent.click(button('feed-retry')));
    await waitFor(() => byId('feed-empty'));
    expect(byId('feed-empty').textContent).toContain('暂时没有信息');
  });

  it('without a place, leads to finding a station', () => {
    render(<FeedPage />);
    expect(byId('feed-no-place').textContent).toContain('请先选择服务站');
  });
});

describe('feed item', () => {
  const itemRoutes = (ack: (options: RequestOptions) => { statusCode: number; data: unknown }) =>
    routes({
      'GET /feed-categories': ok(categories),
      'GET /feeds/fdsnow?lang=zh': ok(alert),
      'GET /regions/630202/children': ok(region),
      'POST /feeds/fdsnow/ack': ack,
    });

  it('shows the body, category, date, region and images (a tap previews them all)', async () => {
    itemRoutes(() => ok({}));
    setRouterParams({ id: 'fdsnow' });
    render(<FeedItemPage />);
    await waitFor(() => byId('feed-item-title'));
    expect(byId('feed-item-title').textContent).toBe('暴雪预警');
    expect(byId('feed-item-body').textContent).toBe('明天有暴雪，请把牲畜赶进棚圈。');
    expect(byId('feed-item-date').textContent).toBe('发布于 2026-11-28');
    await waitFor(() => expect(byId('feed-item-region').textContent).toBe('发布范围：海东市 · 乐都区'));
    await waitFor(() => expect(byId('feed-item-category').textContent).toBe('气象预警'));
    const preview = jest.spyOn(Taro, 'previewImage');
    fireEvent.click(byId('feed-image-1'));
    expect(preview).toHaveBeenCalledWith({ current: 'https://img.example/2.jpg', urls: ['https://img.example/1.jpg', 'https://img.example/2.jpg'] });
  });

  it('signed out, 收到 leads to sign-in and back here', async () => {
    itemRoutes(() => ok({}));
    setRouterParams({ id: 'fdsnow' });
    render(<FeedItemPage />);
    await waitFor(() => byId('feed-ack-sign-in-button'));
    expect(exists('feed-ack-button')).toBe(false);
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(button('feed-ack-sign-in-button'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/packages/me/pages/index/index?returnTo=%2Fpackages%2Ffeed%2Fpages%2Fitem%2Findex%3Fid%3Dfdsnow',
    });
  });

  it('signed in, 收到 acknowledges for the household and says so', async () => {
    saveSession(loginAnswer());
    const acks: RequestOptions[] = [];
    itemRoutes((options) => {
      acks.push(options);
      return ok({ feedId: 'fdsnow', householdId: 'hh1', acknowledgedAt: '2026-11-28T03:04:00.000Z', firstTime: true });
    });
    setRouterParams({ id: 'fdsnow' });
    render(<FeedItemPage />);
    await waitFor(() => byId('feed-ack-button'));
    await act(async () => fireEvent.click(button('feed-ack-button')));
    await waitFor(() => byId('feed-ack-done'));
    expect(byId('feed-ack-done').textContent).toContain('已确认收到');
    expect(byId('feed-ack-done-at').textContent).toBe('你家已于 2026-11-28 11:04 确认收到。');
    expect(acks).toHaveLength(1);
    expect(acks[0].header!.Authorization).toBe('Bearer token-abc');
  });

  it('tells a caller without a household what to do, apart from an alert not for their village', async () => {
    saveSession(loginAnswer());
    let detail = true;
    itemRoutes(() => ({
      statusCode: 404,
      data: {
        error: {
          code: 'NOT_FOUND',
          message: 'not found',
          requestId: 'r1',
          details: detail ? [{ path: 'household', message: 'no household', code: 'no_household' }] : undefined,
        },
      },
    }));
    setRouterParams({ id: 'fdsnow' });
    render(<FeedItemPage />);
    await waitFor(() => byId('feed-ack-button'));
    await act(async () => fireEvent.click(button('feed-ack-button')));
    await waitFor(() => byId('feed-ack-error-no-household'));
    expect(byId('feed-ack-error-no-household').textContent).toContain('还没有关联到家庭户');
    detail = false;
    await act(async () => fireEvent.click(button('feed-ack-button')));
    await waitFor(() => byId('feed-ack-error-not-here'));
  });

  it('says an item that is gone is gone', async () => {
    routes({ 'GET /feed-categories': ok(categories) });
    setRouterParams({ id: 'fdgone' });
    render(<FeedItemPage />);
    await waitFor(() => byId('feed-item-gone'));
  });
});

describe('station page latest items', () => {
  it('shows the latest three, pinned ones marked 紧急, and 更多 opens the feed of the village', async () => {
    const request = routes({
      [`GET /stations/by-code/${station.code}`]: ok(station),
      [`GET /feeds?region=${VILLAGE}&limit=3&lang=zh`]: ok({
        items: [summary('s1', { pinned: true, urgent: true }), summary('s2'), summary('s3')],
        nextCursor: 'more',
      }),
    });
    setRouterParams({ scene: station.code });
    render(<StationPage />);
    await waitFor(() => byId('station-feed-s1'));
    expect(byId('station-feed-s1').textContent).toContain('紧急');
    expect(byId('station-feed-s2').textContent).not.toContain('紧急');
    expect(byId('station-feed-s3').textContent).toContain('2026-11-28');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('station-feed-more'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/feed/pages/index/index?region=${VILLAGE}&name=${encodeURIComponent('土桥村')}` });
    fireEvent.click(byId('station-feed-s2'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/feed/pages/item/index?id=s2' });
    expect(request.mock.calls.filter(([o]) => (o as RequestOptions).url.includes('/feeds?'))).toHaveLength(1);
  });
});

describe('officer: households of an alert', () => {
  it('shows each state and the totals, filters those not yet told, and marks one informed in place', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    const base = `/stations/${officerMe.station!.id}/feeds/fdsnow`;
    const posts: RequestOptions[] = [];
    routes({
      'GET /me': ok(officerMe),
      'GET /feeds/fdsnow?lang=zh': ok(alert),
      [`GET ${base}/acks`]: ok({
        feedId: 'fdsnow',
        stationId: officerMe.station!.id,
        totals: { acked: 1, informed: 0 },
        items: [
          { householdId: 'hh1', headName: '张三', ack: { at: '2026-11-28T03:00:00.000Z' }, informed: null },
          { householdId: 'hh2', headName: '李四', ack: null, informed: null },
          { householdId: 'hh3', headName: '王五', ack: null, informed: null },
        ],
        nextCursor: null,
      }),
      [`POST ${base}/informed`]: (options) => {
        posts.push(options);
        const { householdId, how } = options.data as { householdId: string; how: string };
        if (householdId === 'hh3') return { statusCode: 409, data: errorBody('CONFLICT') };
        return ok({ feedId: 'fdsnow', householdId, how, byUserId: 'u0123456789', at: '2026-11-28T04:00:00.000Z' });
      },
    });
    setRouterParams({ id: 'fdsnow' });
    render(<FeedAcksPage />);
    await waitFor(() => byId('acks-row-hh1'));
    await waitFor(() => expect(byId('acks-title').textContent).toBe('暴雪预警'));
    expect(byId('acks-totals').textContent).toBe('已确认 1 户，已告知 0 户');
    expect(byId('acks-row-hh1-state').textContent).toBe('已确认收到 2026-11-28 11:00');
    expect(exists('acks-row-hh1-phone')).toBe(false);
    expect(byId('acks-row-hh2-state').textContent).toBe('还没确认');

    fireEvent.click(byId('acks-filter-pending'));
    expect(exists('acks-row-hh1')).toBe(false);
    expect(exists('acks-row-hh2')).toBe(true);

    // Marked under "还没确认", the row stays in view and changes in place.
    await act(async () => fireEvent.click(button('acks-row-hh2-in-person')));
    await waitFor(() => expect(byId('acks-row-hh2-state').textContent).toBe('已当面告知 2026-11-28 12:00'));
    fireEvent.click(byId('acks-filter-all'));
    expect(exists('acks-row-hh2-phone')).toBe(false);
    expect(byId('acks-totals').textContent).toBe('已确认 1 户，已告知 1 户');
    expect(posts[0].data).toEqual({ householdId: 'hh2', how: 'in_person' });

    // Acknowledged meanwhile: the server refuses the mark, the row says why and offers no mark.
    await act(async () => fireEvent.click(button('acks-row-hh3-phone')));
    await waitFor(() => byId('acks-row-hh3-acked'));
    expect(exists('acks-row-hh3-phone')).toBe(false);
    expect(byId('acks-totals').textContent).toBe('已确认 1 户，已告知 1 户');
  });
});

describe('admin: ack rates', () => {
  it('lists each station with households, acked, informed and the rate, paged', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const rate = (villageCode: string, households: number, acked: number, informed: number) => ({
      stationId: `st${villageCode}`,
      villageCode,
      villageName: `村${villageCode.slice(-3)}`,
      households,
      acked,
      informed,
    });
    routes({
      'GET /me': ok(adminMe),
      'GET /feeds/fdsnow?lang=zh': ok(alert),
      'GET /regions/630202/feeds/fdsnow/ack-rates': ok({ items: [rate('630202002214', 3, 2, 1), rate('630202002215', 0, 0, 0)], nextCursor: 'n2' }),
      'GET /regions/630202/feeds/fdsnow/ack-rates?cursor=n2': ok({ items: [rate('630202002216', 8, 8, 0)], nextCursor: null }),
    });
    setRouterParams({ id: 'fdsnow', region: '630202' });
    render(<AckRatesPage />);
    await waitFor(() => byId('ack-rate-630202002214'));
    expect(byId('ack-rate-630202002214').textContent).toContain('3 户 · 已确认 2 · 已告知 1');
    expect(byId('ack-rate-630202002214-rate').textContent).toBe('67%');
    expect(byId('ack-rate-630202002215-rate').textContent).toBe('无登记户');
    await act(async () => fireEvent.click(button('ack-rates-more')));
    await waitFor(() => expect(byId('ack-rate-630202002216-rate').textContent).toBe('100%'));
  });
});
