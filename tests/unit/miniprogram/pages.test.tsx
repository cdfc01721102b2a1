/** @jest-environment jsdom */
/**
 * The pages rendered with stubbed Taro components (tests/stubs): what a user sees and where the
 * buttons lead. Layout and real rendering are covered by the Chromium e2e test on the H5 build.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
// The same module instance jest maps @tarojs/taro to (jest.config.js), typed as the stub.
import { hidePages, resetStorage, setRouterParams, showPages } from '../../stubs/taro';
import HomePage from '../../../miniprogram/src/pages/index/index';
import MePage from '../../../miniprogram/src/packages/me/pages/index/index';
import StationPage from '../../../miniprogram/src/pages/station/index';
import OfficerPage from '../../../miniprogram/src/packages/officer/pages/index/index';
import AdminPage from '../../../miniprogram/src/packages/admin/pages/index/index';
import { currentSession, saveSession } from '../../../miniprogram/src/services/session';
import { adminMe, errorBody, loginAnswer, officerMe, station, villagerMe } from './fixtures';
import { answer, answerStationPage, button, byId, ok, routes, type, type RequestOptions } from './page-helpers';

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
  delete process.env.TARO_APP_DEV_LOGIN;
});

/** The calls that asked for the station itself (the page also asks for its latest feed items). */
const stationRequests = (request: jest.SpyInstance) =>
  request.mock.calls.filter(([options]) => (options as RequestOptions).url.includes('/stations/by-code/'));

describe('station page', () => {
  it('shows the code from the URL and the shape of the page while the station loads', async () => {
    answerStationPage(200, station);
    setRouterParams({ scene: '630202002214' });
    render(<StationPage />);
    expect(byId('station-loading-code').textContent).toBe('站点编码 630202002214');
    await waitFor(() => byId('station-details'));
  });

  it('takes the answer index.html asked for early (H5), once, instead of asking the API again', async () => {
    const request = jest.spyOn(Taro, 'request');
    const early = { ...station, villageName: '早到村' };
    (window as unknown as Record<string, unknown>).__yinongStationPrefetch = { code: '630202002214', answer: Promise.resolve(early) };
    setRouterParams({ scene: '630202002214' });
    const first = render(<StationPage />);
    await waitFor(() => expect(byId('station-name').textContent).toBe('早到村益农信息社'));
    // The station is not asked for again (its latest feed items are, GET /feeds).
    expect(stationRequests(request)).toEqual([]);
    first.unmount();
    // A failed early request, or a second visit, asks the API as usual.
    (window as unknown as Record<string, unknown>).__yinongStationPrefetch = { code: '630202002214', answer: Promise.resolve(null) };
    answerStationPage(200, station);
    render(<StationPage />);
    await waitFor(() => expect(byId('station-name').textContent).toBe('土桥村益农信息社'));
  });

  it('shows the station, the way to its details and its four services', async () => {
    answerStationPage(200, station);
    const title = jest.spyOn(Taro, 'setNavigationBarTitle');
    setRouterParams({ scene: '630202002214' });
    render(<StationPage />);
    expect(byId('station-loading')).toBeTruthy();
    await waitFor(() => byId('station-details'));
    expect(byId('station-name').textContent).toBe('土桥村益农信息社');
    expect(byId('station-type').textContent).toBe('标准站');
    // Where it is, hours and the phone are one tap away (packages/station), opened with the station's code.
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('station-about-link'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/station/pages/about/index?code=630202002214' });
    expect(byId('service-information').className).toContain('service-card--on');
    expect(byId('service-ecommerce').className).toContain('service-card--off');
    expect(byId('service-ecommerce').textContent).toContain('暂未开通');
    expect(title).toHaveBeenCalledWith({ title: '土桥村益农信息社' });
  });

  it('says the station was not found and leads home', async () => {
    answer(404, errorBody('NOT_FOUND'));
    const reLaunch = jest.spyOn(Taro, 'reLaunch');
    setRouterParams({ scene: '000000000000' });
    render(<StationPage />);
    await waitFor(() => byId('station-not-found'));
    expect(screen.getByText('没有找到这个服务站')).toBeTruthy();
    fireEvent.click(byId('state-home-button').querySelector('button')!);
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('explains a network failure and retries', async () => {
    const request = jest
      .spyOn(Taro, 'request')
      .mockRejectedValueOnce({ errMsg: 'request:fail' })
      .mockResolvedValueOnce({ statusCode: 200, data: station, header: {} } as never);
    setRouterParams({ scene: '630202002214' });
    render(<StationPage />);
    await waitFor(() => byId('station-error'));
    expect(screen.getByText('网络连接失败，请检查网络后重试。')).toBeTruthy();
    await act(async () => fireEvent.click(byId('state-retry-button').querySelector('button')!));
    await waitFor(() => byId('station-details'));
    expect(stationRequests(request)).toHaveLength(2);
  });

  it('shows the request id of a server error', async () => {
    answer(500, errorBody('INTERNAL', 'Internal error', 'req-abc'));
    setRouterParams({ scene: '630202002214' });
    render(<StationPage />);
    await waitFor(() => byId('station-error'));
    expect(screen.getByText('错误编号 req-abc')).toBeTruthy();
  });

  it('rejects a malformed scene without calling the API', async () => {
    const request = jest.spyOn(Taro, 'request');
    setRouterParams({ scene: 'not a code!' });
    render(<StationPage />);
    expect(byId('station-invalid-code')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });
});

describe('home page', () => {
  it('on H5, validates the typed code inline and opens the station', () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<HomePage />);
    expect(document.getElementById('home-scan-button')).toBeNull();
    const input = byId('home-code-input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '土桥!' } });
    fireEvent.click(byId('home-open-button').querySelector('button')!);
    expect(byId('home-code-input-error').textContent).toContain('二维码下方印的');
    expect(navigateTo).not.toHaveBeenCalled();

    // As people type it: groups of digits with spaces; the station page knows it was typed.
    fireEvent.change(input, { target: { value: ' 6302 0200 2214 ' } });
    expect(document.getElementById('home-code-input-error')).toBeNull();
    fireEvent.click(byId('home-open-button').querySelector('button')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/station/index?scene=630202002214&entry=typed' });
  });

  it('on WeChat, scans a station QR code and opens the station', async () => {
    process.env.TARO_ENV = 'weapp';
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    jest.spyOn(Taro, 'scanCode').mockResolvedValue({
      result: '',
      path: 'pages/station/index?scene=630202002214',
      scanType: 'WX_CODE',
      charSet: 'utf-8',
      rawData: '',
      errMsg: 'scanCode:ok',
    });
    render(<HomePage />);
    expect(document.getElementById('home-code-input')).toBeNull();
    await act(async () => fireEvent.click(byId('home-scan-button').querySelector('button')!));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/station/index?scene=630202002214' });
  });

  it('on WeChat, says so when the scanned code is not a station', async () => {
    process.env.TARO_ENV = 'weapp';
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    jest.spyOn(Taro, 'scanCode').mockResolvedValue({
      result: 'WIFI:S:home;;',
      path: '',
      scanType: 'QR_CODE',
      charSet: 'utf-8',
      rawData: '',
      errMsg: 'scanCode:ok',
    });
    render(<HomePage />);
    await act(async () => fireEvent.click(byId('home-scan-button').querySelector('button')!));
    expect(byId('home-scan-error').textContent).toBe('没有识别到服务站二维码，请重新扫描。');
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('on WeChat, a cancelled scan changes nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    render(<HomePage />);
    await act(async () => fireEvent.click(byId('home-scan-button').querySelector('button')!));
    expect(document.getElementById('home-scan-error')).toBeNull();
  });
});

describe('home page account links', () => {
  it('leads to "me" when signed out, and to the workspace of a signed-in officer', () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const { unmount } = render(<HomePage />);
    expect(byId('home-me-link').textContent).toBe('登录 / 我的');
    expect(document.getElementById('home-officer-link')).toBeNull();
    fireEvent.click(byId('home-me-link'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/index/index' });
    unmount();

    saveSession(loginAnswer({ role: 'officer' }));
    render(<HomePage />);
    expect(byId('home-me-link').textContent).toBe('我的账号（信息员）');
    fireEvent.click(byId('home-officer-link'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/officer/pages/index/index' });
    expect(document.getElementById('home-admin-link')).toBeNull();
  });
});

describe('me page', () => {
  it('signed out on H5 with the dev flag: signs in with dev:<openid> and shows the user', async () => {
    process.env.TARO_APP_DEV_LOGIN = '1';
    const request = routes({
      'POST /auth/login': ok(loginAnswer({ role: 'villager' })),
      'GET /me': ok(villagerMe),
    });
    render(<MePage />);
    expect(byId('me-signed-out')).toBeTruthy();
    expect(document.getElementById('me-wechat-login-button')).toBeNull();
    type('me-dev-openid', 'villager-demo');
    await act(async () => fireEvent.click(button('me-dev-login-button')));
    await waitFor(() => byId('me-signed-in'));
    expect((request.mock.calls[0][0] as RequestOptions).data).toEqual({ code: 'dev:villager-demo' });
    expect(byId('me-user-id').textContent).toBe('u0123456789');
    expect(byId('me-role').textContent).toBe('村民');
    expect(byId('me-name').textContent).toBe('微信用户');
    expect(screen.getByText('申请成为信息员时，请向管理员出示下方的账号码。')).toBeTruthy();
    expect(document.getElementById('me-officer-entry')).toBeNull();
    expect(document.getElementById('me-admin-entry')).toBeNull();
  });

  it('without the dev flag on H5 there is no sign-in field, only the hint to use WeChat', () => {
    render(<MePage />);
    expect(document.getElementById('me-dev-login')).toBeNull();
    expect(screen.getByText('网页版不能用微信登录，请在微信中打开“益农信息社”小程序。')).toBeTruthy();
  });

  it('on WeChat, signs in with the wx.login code', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-123', errMsg: 'login:ok' });
    const request = routes({ 'POST /auth/login': ok(loginAnswer()), 'GET /me': ok(villagerMe) });
    render(<MePage />);
    await act(async () => fireEvent.click(button('me-wechat-login-button')));
    await waitFor(() => byId('me-signed-in'));
    expect((request.mock.calls[0][0] as RequestOptions).data).toEqual({ code: 'wx-123' });
  });

  it('says why a sign-in failed', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-123', errMsg: 'login:ok' });
    routes({ 'POST /auth/login': { statusCode: 403, data: errorBody('FORBIDDEN') } });
    render(<MePage />);
    await act(async () => fireEvent.click(button('me-wechat-login-button')));
    await waitFor(() => byId('me-login-error'));
    expect(byId('me-login-error').textContent).toContain('这个账号已被停用，请联系管理员。');
  });

  it('an officer sees their station, copies their id, opens the workspace and signs out', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    routes({ 'GET /me': ok(officerMe) });
    const copy = jest.spyOn(Taro, 'setClipboardData');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<MePage />);
    expect(byId('me-loading')).toBeTruthy();
    await waitFor(() => byId('me-signed-in'));
    expect(byId('me-role').textContent).toBe('信息员');
    expect(byId('me-station-name').textContent).toBe('土桥村');
    expect(byId('me-station-region').textContent).toBe('青海省 海东市 乐都区 碾伯镇');
    fireEvent.click(button('me-copy-id-button'));
    expect(copy).toHaveBeenCalledWith({ data: 'u0123456789' });
    fireEvent.click(button('me-officer-entry'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/officer/pages/index/index' });
    act(() => fireEvent.click(button('me-sign-out-button')));
    expect(byId('me-signed-out')).toBeTruthy();
    expect(currentSession()).toBeUndefined();
  });

  it('an admin sees their region and the way into the back office', async () => {
    saveSession(loginAnswer({ role: 'province_admin' }));
    routes({ 'GET /me': ok(adminMe) });
    render(<MePage />);
    await waitFor(() => byId('me-signed-in'));
    expect(byId('me-region-name').textContent).toBe('青海省');
    expect(byId('me-admin-entry')).toBeTruthy();
    expect(screen.queryByText('申请成为信息员时，请向管理员出示下方的账号码。')).toBeNull();
  });

  it('a 401 on load signs out', async () => {
    saveSession(loginAnswer());
    routes({ 'GET /me': { statusCode: 401, data: errorBody('UNAUTHENTICATED') } });
    render(<MePage />);
    await waitFor(() => byId('me-signed-out'));
    expect(currentSession()).toBeUndefined();
  });

  it('another failure offers a retry', async () => {
    saveSession(loginAnswer());
    let fail = true;
    routes({ 'GET /me': () => (fail ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } : ok(villagerMe)) });
    render(<MePage />);
    await waitFor(() => byId('me-error'));
    fail = false;
    await act(async () => fireEvent.click(button('me-retry-button')));
    await waitFor(() => byId('me-signed-in'));
  });

  it('asks the server again when shown after another page, so a removed officer loses the entry', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    let me = officerMe;
    routes({ 'GET /me': () => ok(me) });
    render(<MePage />);
    await waitFor(() => byId('me-officer-entry'));
    me = { ...villagerMe };
    act(() => hidePages());
    act(() => showPages());
    await waitFor(() => expect(document.getElementById('me-officer-entry')).toBeNull());
    expect(byId('me-role').textContent).toBe('村民');
  });
});

describe('officer workspace', () => {
  it('asks a signed-out visitor to sign in and leads to "me"', () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<OfficerPage />);
    expect(byId('role-gate-sign-in').textContent).toContain('请以信息员身份登录后继续。');
    fireEvent.click(button('role-gate-sign-in-button'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/index/index' });
  });

  it('shows an officer their station, the payments workbench and what is coming', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    routes({ 'GET /me': ok(officerMe) });
    render(<OfficerPage />);
    expect(byId('role-gate-loading')).toBeTruthy();
    await waitFor(() => byId('officer-home'));
    expect(byId('officer-station-name').textContent).toBe('你的站点：土桥村');
    expect(byId('officer-station-region').textContent).toBe('青海省 海东市 乐都区 碾伯镇');
    expect(byId('officer-feature-payments').textContent).toContain('已开通');
    expect(byId('officer-feature-listings').textContent).toContain('已开通');
    expect(byId('officer-feature-trainings').textContent).toContain('已开通');
    expect(byId('officer-feature-notices').textContent).toContain('即将上线');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId('officer-payments-link'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/officer/pages/payments/index' });
    fireEvent.click(byId('officer-sellers-link'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/officer/pages/sellers/index' });
    fireEvent.click(byId('officer-feature-listings'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/officer/pages/sellers/index' });
    // 培训: the station's sessions in packages/training.
    fireEvent.click(byId('officer-feature-trainings'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/training/pages/index/index?stationId=${officerMe.station!.id}&name=${encodeURIComponent(officerMe.station!.villageName)}`,
    });
  });

  it('refuses anyone else, whatever the stored role says', async () => {
    // Stored at sign-in as an officer; the server says villager now (removed meanwhile).
    saveSession(loginAnswer({ role: 'officer' }));
    routes({ 'GET /me': ok(villagerMe) });
    render(<OfficerPage />);
    await waitFor(() => byId('role-gate-denied'));
    expect(byId('role-gate-denied').textContent).toContain('当前身份：村民');
    expect(document.getElementById('officer-home')).toBeNull();
    // Someone to be appointed needs their id: the way to it is right there.
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(button('role-gate-me-button'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/index/index' });
  });

  it('explains a failure to check the role and retries', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    let fail = true;
    routes({ 'GET /me': () => (fail ? { statusCode: 500, data: errorBody('INTERNAL', 'x', 'req-5') } : ok(officerMe)) });
    render(<OfficerPage />);
    await waitFor(() => byId('role-gate-error'));
    expect(screen.getByText('错误编号 req-5')).toBeTruthy();
    fail = false;
    await act(async () => fireEvent.click(button('role-gate-retry-button')));
    await waitFor(() => byId('officer-home'));
  });
});

describe('admin back office', () => {
  it('asks a signed-out visitor to sign in', () => {
    render(<AdminPage />);
    expect(byId('role-gate-sign-in').textContent).toContain('请以管理员身份登录后继续。');
  });

  it('refuses an officer', async () => {
    saveSession(loginAnswer({ role: 'officer' }));
    routes({ 'GET /me': ok(officerMe) });
    render(<AdminPage />);
    await waitFor(() => byId('role-gate-denied'));
    expect(byId('role-gate-denied').textContent).toContain('只有县级、市州和省级管理员可以使用管理后台。');
  });

  it('appoints an officer by station code and user id', async () => {
    saveSession(loginAnswer({ role: 'province_admin' }));
    const request = routes({
      'GET /me': ok(adminMe),
      'GET /stations/by-code/630202002214': ok(station),
      'POST /admin/officers': ok({ user: { id: 'unew00000001', role: 'officer', stationId: station.id } }),
    });
    render(<AdminPage />);
    await waitFor(() => byId('admin-home'));
    expect(byId('admin-region').textContent).toBe('管辖范围：青海省');
    expect(byId('admin-role').textContent).toBe('省级管理员');
    type('admin-appoint-station-input', '630202002214');
    type('admin-appoint-user-input', 'unew00000001');
    await act(async () => fireEvent.click(button('admin-appoint-button')));
    await waitFor(() => byId('admin-appoint-success'));
    expect(byId('admin-appoint-success').textContent).toBe('已任命 unew00000001 为土桥村益农信息社的信息员。');
    const post = request.mock.calls.map(([options]) => options as RequestOptions).find((o) => o.method === 'POST')!;
    expect(post.data).toEqual({ stationId: station.id, userId: 'unew00000001' });
    expect((post.header as Record<string, string>).Authorization).toBe('Bearer token-abc');
  });

  it('maps a 404 of the appointment to one neutral text (a typo or someone outside the region)', async () => {
    saveSession(loginAnswer({ role: 'county_admin' }));
    routes({
      'GET /me': ok(adminMe),
      'GET /stations/by-code/630202002214': ok(station),
      'POST /admin/officers': { statusCode: 404, data: errorBody('NOT_FOUND') },
    });
    render(<AdminPage />);
    await waitFor(() => byId('admin-home'));
    type('admin-appoint-station-input', '630202002214');
    type('admin-appoint-user-input', 'usomeone');
    await act(async () => fireEvent.click(button('admin-appoint-button')));
    await waitFor(() => byId('admin-appoint-error'));
    expect(byId('admin-appoint-error').textContent).toBe(
      '没有找到可以任命的人：请核对账号码（10 分钟内有效，只能用一次）或用户编号；也可能站点或此人不在你的管辖范围内。',
    );
  });

  it("lists a station's officers and removes one after confirming", async () => {
    saveSession(loginAnswer({ role: 'province_admin' }));
    const request = routes({
      'GET /me': ok(adminMe),
      'GET /stations/by-code/630202002214': ok(station),
      [`GET /stations/${station.id}/officers`]: ok({ items: [{ id: 'uoff1', name: '卓玛' }, { id: 'uoff2' }], nextCursor: null }),
      'DELETE /admin/officers/uoff1': ok({ user: { id: 'uoff1', role: 'villager' } }),
    });
    render(<AdminPage />);
    await waitFor(() => byId('admin-home'));
    type('admin-officers-station-input', '630202002214');
    await act(async () => fireEvent.click(button('admin-officers-load-button')));
    await waitFor(() => byId('admin-officers-list'));
    expect(byId('admin-officer-uoff1').textContent).toContain('卓玛');
    expect(byId('admin-officer-uoff2').textContent).toContain('微信用户');
    fireEvent.click(button('admin-officer-remove-uoff1'));
    expect(request.mock.calls.some(([options]) => (options as RequestOptions).method === 'DELETE')).toBe(false);
    await act(async () => fireEvent.click(button('admin-officer-confirm-uoff1')));
    await waitFor(() => byId('admin-remove-success'));
    expect(byId('admin-remove-success').textContent).toBe('已撤销 卓玛（uoff1） 的信息员身份。');
    expect(document.getElementById('admin-officer-uoff1')).toBeNull();
    expect(byId('admin-officer-uoff2')).toBeTruthy();
  });

  it('says when a station has no officers', async () => {
    saveSession(loginAnswer({ role: 'province_admin' }));
    routes({
      'GET /me': ok(adminMe),
      'GET /stations/by-code/630202002214': ok(station),
      [`GET /stations/${station.id}/officers`]: ok({ items: [], nextCursor: null }),
    });
    render(<AdminPage />);
    await waitFor(() => byId('admin-home'));
    type('admin-officers-station-input', '630202002214');
    await act(async () => fireEvent.click(button('admin-officers-load-button')));
    await waitFor(() => byId('admin-officers-empty'));
    expect(byId('admin-officers-empty').textContent).toBe('这个站点还没有信息员。');
  });
});
