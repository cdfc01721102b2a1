/** @jest-environment jsdom */
/**
 * The pages of this issue with stubbed Taro components: the station page's new parts, "me"'s home
 * station, finding a station (browse, search, nearest) and the officers' and admins' station pages.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeResponse } from '../../../shared/schemas/accounts';
import type { StationProfile } from '../../../shared/schemas/stations';
import { resetStorage, setRouterParams, shareHandler } from '../../stubs/taro';
import MePage from '../../../miniprogram/src/packages/me/pages/index/index';
import StationPage from '../../../miniprogram/src/pages/station/index';
import StationAboutPage from '../../../miniprogram/src/packages/station/pages/about/index';
import BrowsePage from '../../../miniprogram/src/packages/find/pages/browse/index';
import NearestPage from '../../../miniprogram/src/packages/find/pages/nearest/index';
import SearchPage from '../../../miniprogram/src/packages/find/pages/search/index';
import OfficerStationPage from '../../../miniprogram/src/packages/officer/pages/station/index';
import AdminStationPage from '../../../miniprogram/src/packages/admin/pages/station/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { adminMe, errorBody, loginAnswer, officerMe, station as fixture, villagerMe } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const station: StationProfile = {
  ...fixture,
  openNow: true,
  location: { lat: 36.502524, lng: 102.389716 },
  officerName: '土桥村信息员',
  phoneMasked: '0972-***0836',
};
const BY_CODE = `GET /stations/by-code/${station.code}`;

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
  setRouterParams({});
});

describe('station page and its details (packages/station)', () => {
  it('the station page says open now and shares the station; its details open at once, without asking again', async () => {
    const request = routes({ [BY_CODE]: ok(station) });
    setRouterParams({ scene: station.code });
    const { unmount } = render(<StationPage />);
    await waitFor(() => byId('station-details'));
    expect(byId('station-open-now').textContent).toBe('营业中');
    // Shared into a chat: the village's station, opened again by its code.
    expect(shareHandler?.()).toEqual({ title: '土桥村益农信息社', path: '/pages/station/index?scene=630202002214' });
    unmount();
    setRouterParams({ code: station.code });
    render(<StationAboutPage />);
    await waitFor(() => byId('station-about'));
    expect(byId('station-hours-0').textContent).toBe('周一至周六 09:00–18:00');
    const byCode = request.mock.calls.filter(([options]) => String((options as RequestOptions).url).includes('/stations/by-code/'));
    expect(byCode).toHaveLength(1);
  });

  it('shows hours, capabilities, contact and coordinates; signed out, it says how to get the number', async () => {
    routes({ [BY_CODE]: ok(station) });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    setRouterParams({ code: station.code });
    render(<StationAboutPage />);
    await waitFor(() => byId('station-about'));
    expect(byId('station-hours-0').textContent).toBe('周一至周六 09:00–18:00');
    expect(byId('capability-billPayment').className).toContain('about__capability--on');
    expect(byId('capability-parcelPickup').textContent).toContain('不可办');
    expect(byId('station-officer').textContent).toBe('土桥村信息员');
    expect(byId('station-phone').textContent).toBe('0972-***0836');
    expect(byId('station-coordinates').textContent).toBe('北纬 36.50252°，东经 102.38972°');
    expect(exists('station-phone-reveal-button')).toBe(false);
    expect(exists('station-home')).toBe(false);
    fireEvent.click(button('station-phone-sign-in-button'));
    // "Me" remembers this station, to come back to it once signed in.
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/packages/me/pages/index/index?returnTo=%2Fpackages%2Fstation%2Fpages%2Fabout%2Findex%3Fcode%3D630202002214',
    });
  });

  it('says when hours, phone and location are not known', async () => {
    // Another station than the others' (the details page reuses the station the station page loaded last).
    const bare = {
      ...station,
      id: 'st-bare',
      code: '630202002299',
      openingHours: [],
      openNow: null,
      location: null,
      phoneMasked: null,
      officerName: null,
    };
    routes({ [`GET /stations/by-code/${bare.code}`]: ok(bare) });
    setRouterParams({ code: bare.code });
    render(<StationAboutPage />);
    await waitFor(() => byId('station-about'));
    expect(byId('station-hours-none').textContent).toBe('暂未公布营业时间，请先电话联系。');
    expect(byId('station-phone').textContent).toBe('暂无电话');
    expect(byId('station-officer').textContent).toBe('暂未登记');
    expect(exists('station-map-none')).toBe(true);
    expect(exists('station-phone-sign-in')).toBe(false);
  });

  it('a signed-in villager reveals the number, calls it, and makes the station theirs', async () => {
    saveSession(loginAnswer());
    const homeMe: MeResponse = {
      user: { ...villagerMe.user, homeStationId: station.id },
      homeStation: { id: station.id, code: station.code, villageName: '土桥村', regionNames: ['青海省', '海东市', '乐都区', '碾伯镇'] },
    };
    const request = routes({
      [BY_CODE]: ok(station),
      'GET /me': ok(villagerMe),
      [`GET /stations/${station.id}/phone`]: ok({ phone: '0972-8610836' }),
      'PUT /me/home-station': ok(homeMe),
    });
    const call = jest.spyOn(Taro, 'makePhoneCall');
    setRouterParams({ code: station.code });
    render(<StationAboutPage />);
    await waitFor(() => byId('station-home-set-button'));

    await act(async () => fireEvent.click(button('station-phone-reveal-button')));
    expect(byId('station-phone').textContent).toBe('0972-8610836');
    fireEvent.click(button('station-call-button'));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '0972-8610836' });

    await act(async () => fireEvent.click(button('station-home-set-button')));
    expect(byId('station-home-badge').textContent).toBe('我的站点');
    const put = request.mock.calls.find(([options]) => (options as RequestOptions).method === 'PUT')![0] as RequestOptions;
    expect(put.data).toEqual({ stationId: station.id });
  });

  it('says so when the phone allowance of the hour is used up', async () => {
    saveSession(loginAnswer());
    routes({
      [BY_CODE]: ok(station),
      'GET /me': ok(villagerMe),
      [`GET /stations/${station.id}/phone`]: { statusCode: 429, data: errorBody('RATE_LIMITED') },
    });
    setRouterParams({ code: station.code });
    render(<StationAboutPage />);
    await waitFor(() => byId('station-phone-reveal-button'));
    await act(async () => fireEvent.click(button('station-phone-reveal-button')));
    expect(byId('station-phone-error').textContent).toBe('查看号码太频繁了，请一小时后再试。');
  });
});

describe('me page: home station', () => {
  it('shows the home station with ways to open and change it', async () => {
    saveSession(loginAnswer());
    routes({
      'GET /me': ok({
        ...villagerMe,
        homeStation: { id: station.id, code: station.code, villageName: '土桥村', regionNames: ['青海省', '海东市', '乐都区', '碾伯镇'] },
      }),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<MePage />);
    await waitFor(() => byId('me-home-station-name'));
    expect(byId('me-home-station-name').textContent).toBe('土桥村');
    expect(byId('me-home-station-region').textContent).toBe('海东市 乐都区 碾伯镇');
    fireEvent.click(button('me-home-station-open'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/station/index?scene=630202002214' });
    fireEvent.click(button('me-home-station-change'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/find/pages/search/index' });
  });

  it('invites a villager without one to find their station; an officer has no such panel', async () => {
    saveSession(loginAnswer());
    routes({ 'GET /me': ok(villagerMe) });
    const { unmount } = render(<MePage />);
    await waitFor(() => byId('me-home-station-find'));
    unmount();
    saveSession(loginAnswer({ role: 'officer' }));
    routes({ 'GET /me': ok(officerMe) });
    render(<MePage />);
    await waitFor(() => byId('me-signed-in'));
    expect(exists('me-home-station')).toBe(false);
  });
});

const children = (
  code: string,
  name: string,
  items: Array<{ code: string; name: string; level: string; stationCount: number; villageCount: number }>,
  chain: Array<{ code: string; name: string; level: string }> = [],
) => ({
  region: { code, name, level: 'township', stationCount: 18, villageCount: 21, chain },
  items,
  nextCursor: null,
});

describe('browse page', () => {
  it('shows the region of its link with its counts; a child opens as a page of its own, a breadcrumb goes back up', async () => {
    routes({
      'GET /regions/63/children': ok(
        children('63', '青海省', [{ code: '6302', name: '海东市', level: 'prefecture', stationCount: 1587, villageCount: 1665 }]),
      ),
      'GET /regions/6302/children': ok(
        children(
          '6302',
          '海东市',
          [{ code: '630202', name: '乐都区', level: 'county', stationCount: 300, villageCount: 350 }],
          [{ code: '63', name: '青海省', level: 'province' }],
        ),
      ),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const first = render(<BrowsePage />);
    await waitFor(() => byId('browse-region-6302'));
    expect(byId('browse-region-6302').textContent).toContain('1587 / 1665 个村有站点');
    expect(exists('browse-breadcrumbs')).toBe(false);
    fireEvent.click(byId('browse-region-6302'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/find/pages/browse/index?region=6302' });
    first.unmount();

    // The prefecture's page, with the province's page below it: the breadcrumb goes back one page.
    setRouterParams({ region: '6302' });
    const browse = { route: 'packages/find/pages/browse/index' };
    (Taro as unknown as { getCurrentPages: () => unknown[] }).getCurrentPages = () => [{ route: 'pages/index/index' }, browse, browse];
    const navigateBack = jest.spyOn(Taro, 'navigateBack');
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    const second = render(<BrowsePage />);
    await waitFor(() => byId('browse-region-630202'));
    expect(byId('browse-title').textContent).toBe('海东市');
    fireEvent.click(byId('browse-crumb-63'));
    expect(navigateBack).toHaveBeenCalledWith({ delta: 1 });
    second.unmount();

    // Opened at the prefecture by a link (no province page below): the province takes its place.
    (Taro as unknown as { getCurrentPages: () => unknown[] }).getCurrentPages = () => [browse];
    render(<BrowsePage />);
    await waitFor(() => byId('browse-region-630202'));
    fireEvent.click(byId('browse-crumb-63'));
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/find/pages/browse/index?region=63' });
    delete (Taro as unknown as { getCurrentPages?: unknown }).getCurrentPages;
  });

  it("lists a township's villages; only those with a station open", async () => {
    routes({
      'GET /regions/630202002/children': ok(
        children('630202002', '岗沟街道', [
          { code: '630202002001', name: '七里店社区居委会', level: 'village', stationCount: 0, villageCount: 1 },
          { code: '630202002214', name: '土桥村委会', level: 'village', stationCount: 1, villageCount: 1 },
        ]),
      ),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    setRouterParams({ region: '630202002' });
    render(<BrowsePage />);
    await waitFor(() => byId('browse-region-630202002214'));
    fireEvent.click(byId('browse-region-630202002001'));
    expect(navigateTo).not.toHaveBeenCalled();
    expect(byId('browse-region-630202002001').textContent).toContain('暂无服务站');
    fireEvent.click(byId('browse-region-630202002214'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/station/index?scene=630202002214' });
  });

  it('offers a retry when the regions do not load', async () => {
    routes({ 'GET /regions/63/children': { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } });
    render(<BrowsePage />);
    await waitFor(() => byId('browse-error'));
    expect(byId('browse-error').textContent).toContain('错误编号 req-123');
  });
});

describe('search page', () => {
  it('searches as the user types, shows where each station is, and loads more', async () => {
    const other = {
      ...station,
      id: 'st2',
      code: '630121108203',
      villageName: '台其庄村',
      regionChain: [
        { code: '63', name: '青海省', level: 'province' as const },
        { code: '6301', name: '西宁市', level: 'prefecture' as const },
      ],
    };
    const request = routes({
      'GET /stations?limit=20&q=tq': ok({ items: [station], nextCursor: 'c2' }),
      'GET /stations?limit=20&cursor=c2&q=tq': ok({ items: [other], nextCursor: null }),
      'GET /stations?limit=20&q=zzz': ok({ items: [], nextCursor: null }),
    });
    render(<SearchPage />);
    expect(exists('search-idle')).toBe(true);
    type('search-input', 'tq');
    await waitFor(() => byId('search-result-630202002214'), { timeout: 2000 });
    expect(byId('search-result-630202002214').textContent).toContain('海东市 · 乐都区 · 碾伯镇');
    await act(async () => fireEvent.click(button('search-more-button')));
    expect(byId('search-result-630121108203').textContent).toContain('台其庄村益农信息社');
    expect(exists('search-more-button-end')).toBe(true);
    expect(request).toHaveBeenCalledTimes(2);

    type('search-input', 'zzz');
    await waitFor(() => byId('search-empty'), { timeout: 2000 });
    expect(byId('search-empty').textContent).toContain('没有找到“zzz”');
  });
});

describe('nearest page', () => {
  it('explains first, then lists stations nearest first with their distance', async () => {
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 36.48, longitude: 102.4, errMsg: 'getLocation:ok' } as never);
    routes({ 'GET /stations?limit=20&near=36.48%2C102.4': ok({ items: [{ ...station, distanceMeters: 2668 }], nextCursor: null }) });
    render(<NearestPage />);
    expect(byId('nearest-intro').textContent).toContain('不会保存');
    await act(async () => fireEvent.click(button('nearest-locate-button')));
    await waitFor(() => byId('nearest-result-630202002214'));
    expect(byId('nearest-result-630202002214').textContent).toContain('2.7 公里');
  });

  it('after a refusal, offers browsing and searching instead', async () => {
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'User denied Geolocation' });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<NearestPage />);
    await act(async () => fireEvent.click(button('nearest-locate-button')));
    await waitFor(() => byId('nearest-denied'));
    fireEvent.click(button('nearest-browse-button'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/find/pages/browse/index' });
  });

  it('says there is no station within 200 km', async () => {
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 29.65, longitude: 91.1, errMsg: 'getLocation:ok' } as never);
    routes({ 'GET /stations?limit=20&near=29.65%2C91.1': ok({ items: [], nextCursor: null }) });
    render(<NearestPage />);
    await act(async () => fireEvent.click(button('nearest-locate-button')));
    await waitFor(() => byId('nearest-empty'));
    expect(byId('nearest-empty').textContent).toContain('200 公里内没有服务站');
  });
});

describe('officer station page', () => {
  it("edits the hours of the officer's own station and shows the change in the history", async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    let history = { items: [] as unknown[], nextCursor: null };
    const saved = { ...station, openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:30', close: '18:00' }] };
    const request = routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${station.id}`]: ok(station),
      [`GET /stations/${station.id}/history`]: () => ok(history),
      [`PATCH /stations/${station.id}`]: () => {
        history = {
          items: [
            {
              at: '2026-11-29T07:30:00.000Z',
              by: { name: null, role: 'officer', idTail: '6789', you: false },
              byRole: 'officer',
              fields: ['openingHours'],
              before: {},
              after: {},
            },
          ],
          nextCursor: null,
        };
        return ok(saved);
      },
    });
    render(<OfficerStationPage />);
    await waitFor(() => byId('history-empty'));
    expect(byId('manage-station-name').textContent).toBe('土桥村益农信息社');
    expect(exists('edit-type')).toBe(false);
    fireEvent.click(byId('edit-hours-0-day-7'));
    type('edit-hours-0-open', '8:30');
    await act(async () => fireEvent.click(button('edit-save-button')));
    const patch = request.mock.calls.find(([options]) => (options as RequestOptions).method === 'PATCH')![0] as RequestOptions;
    expect(patch.data).toEqual({ openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:30', close: '18:00' }] });
    expect(byId('edit-saved').textContent).toBe('已保存：营业时间。');
    await waitFor(() => byId('history-item-0'));
    expect(byId('history-item-0').textContent).toContain('2026-11-29 15:30');
    expect(byId('history-item-0').textContent).toContain('修改了：营业时间');
    // Named by role and the id's tail when the author has no name: never a raw user id.
    expect(byId('history-item-0').textContent).toContain('信息员（编号尾号 6789）');
  });
});

describe('admin station page', () => {
  it('opens a station of the region by its code and changes its type', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const request = routes({
      'GET /me': ok(adminMe),
      [BY_CODE]: ok(station),
      [`GET /stations/${station.id}/history`]: ok({ items: [], nextCursor: null }),
      [`PATCH /stations/${station.id}`]: ok({ ...station, type: 'specialized' }),
    });
    render(<AdminStationPage />);
    await waitFor(() => byId('admin-station-code-input'));
    type('admin-station-code-input', station.code);
    await act(async () => fireEvent.click(button('admin-station-load-button')));
    await waitFor(() => byId('station-editor'));
    fireEvent.click(byId('edit-type-specialized'));
    await act(async () => fireEvent.click(button('edit-save-button')));
    const patch = request.mock.calls.find(([options]) => (options as RequestOptions).method === 'PATCH')![0] as RequestOptions;
    expect(patch.data).toEqual({ type: 'specialized' });
    expect(byId('edit-saved').textContent).toBe('已保存：站点类型。');
  });

  it('appoints an officer of the open station by the account code they show', async () => {
    saveSession(loginAnswer({ role: 'province_admin', regionCode: '63' }));
    const request = routes({
      'GET /me': ok(adminMe),
      [BY_CODE]: ok(station),
      [`GET /stations/${station.id}/history`]: ok({ items: [], nextCursor: null }),
      'POST /admin/officers': ok({ user: { id: 'unew00000001', role: 'officer', stationId: station.id, name: '才让' } }),
    });
    setRouterParams({ code: station.code });
    render(<AdminStationPage />);
    await waitFor(() => byId('station-editor'));
    expect(exists('admin-appoint-station-input')).toBe(false);
    type('admin-appoint-user-input', '1234 5678');
    await act(async () => fireEvent.click(button('admin-appoint-button')));
    await waitFor(() => byId('admin-appoint-success'));
    const post = request.mock.calls.find(([options]) => (options as RequestOptions).method === 'POST')![0] as RequestOptions;
    expect(post.data).toEqual({ stationId: station.id, accountCode: '12345678' });
    expect(byId('admin-appoint-success').textContent).toBe('已任命 才让（unew00000001） 为土桥村益农信息社的信息员。');
  });

  it("does not offer to edit a station outside the admin's region", async () => {
    saveSession(loginAnswer({ role: 'county_admin', regionCode: '630203' }));
    routes({ 'GET /me': ok({ user: { id: 'u1', role: 'county_admin', regionCode: '630203' } }), [BY_CODE]: ok(station) });
    setRouterParams({ code: station.code });
    render(<AdminStationPage />);
    await waitFor(() => byId('admin-station-error'));
    expect(byId('admin-station-error').textContent).toBe('这个站点不在你的管辖范围内。');
    expect(exists('station-editor')).toBe(false);
  });
});
