/** @jest-environment jsdom */
/**
 * The pages rendered with stubbed Taro components (tests/stubs): what a user sees and where the
 * buttons lead. Layout and real rendering are covered by the Chromium e2e test on the H5 build.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
// The same module instance jest maps @tarojs/taro to (jest.config.js), typed as the stub.
import { setRouterParams } from '../../stubs/taro';
import HomePage from '../../../miniprogram/src/pages/index/index';
import StationPage from '../../../miniprogram/src/pages/station/index';
import OfficerPage from '../../../miniprogram/src/packages/officer/pages/index/index';
import AdminPage from '../../../miniprogram/src/packages/admin/pages/index/index';
import { errorBody, station } from './fixtures';

const byId = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not rendered`);
  return element;
};

function answer(statusCode: number, data: unknown) {
  return jest.spyOn(Taro, 'request').mockResolvedValue({ statusCode, data, header: {} } as never);
}

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('station page', () => {
  it('shows the station, its place and its four services', async () => {
    answer(200, station);
    const title = jest.spyOn(Taro, 'setNavigationBarTitle');
    setRouterParams({ scene: '630202002214' });
    render(<StationPage />);
    expect(byId('station-loading')).toBeTruthy();
    await waitFor(() => byId('station-details'));
    expect(byId('station-name').textContent).toBe('土桥村益农信息社');
    expect(byId('station-type').textContent).toBe('标准站');
    expect(byId('station-village').textContent).toBe('土桥村');
    expect(byId('station-township').textContent).toBe('碾伯镇');
    expect(byId('station-county').textContent).toBe('乐都区');
    expect(byId('station-prefecture').textContent).toBe('海东市');
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
    expect(request).toHaveBeenCalledTimes(2);
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
    fireEvent.change(input, { target: { value: '6327-01' } });
    fireEvent.click(byId('home-open-button').querySelector('button')!);
    expect(byId('home-code-input-error').textContent).toBe('编码只能是 1 到 32 位字母或数字。');
    expect(navigateTo).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: ' 630202002214 ' } });
    expect(document.getElementById('home-code-input-error')).toBeNull();
    fireEvent.click(byId('home-open-button').querySelector('button')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/station/index?scene=630202002214' });
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

describe('staff subpackages', () => {
  it.each([
    ['officer', OfficerPage, '请以信息员身份登录后继续。'],
    ['admin', AdminPage, '请以管理员身份登录后继续。'],
  ])('the %s page asks to sign in', (_name, Page, prompt) => {
    render(<Page />);
    expect(byId('role-gate').textContent).toContain(prompt);
  });
});
