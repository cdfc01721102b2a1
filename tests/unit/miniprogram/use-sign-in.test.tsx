/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetStorage } from '../../stubs/taro';
import { signInErrorText, useSignIn } from '../../../miniprogram/src/hooks/use-sign-in';
import { ApiError } from '../../../miniprogram/src/services/api';
import { currentSession } from '../../../miniprogram/src/services/session';
import { DEV_OPENID_PATTERN, devLoginEnabled, wechatLoginCode } from '../../../miniprogram/src/services/wechat-login';
import { errorBody, loginAnswer } from './fixtures';

const apiError = (status: number, code: string, requestId = 'r1') => new ApiError({ status, code, message: code, requestId });

beforeEach(() => resetStorage());
afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.TARO_APP_DEV_LOGIN;
});

describe('useSignIn', () => {
  it('WeChat: sends the wx.login code to the sign-in call', async () => {
    const deps = { wechatCode: jest.fn().mockResolvedValue('wx-code-1'), signIn: jest.fn().mockResolvedValue(loginAnswer()) };
    const { result } = renderHook(() => useSignIn(deps));
    await act(() => result.current.signInWithWeChat());
    expect(deps.signIn).toHaveBeenCalledWith('wx-code-1');
    expect(result.current.state).toEqual({ status: 'idle' });
  });

  it.each([
    [401, 'UNAUTHENTICATED', '登录凭证无效或已过期，请重新登录。'],
    [403, 'FORBIDDEN', '这个账号已被停用，请联系管理员。'],
    [429, 'RATE_LIMITED', '操作太频繁了，请稍后再试。'],
    [503, 'DEPENDENCY_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试。'],
  ])('explains a %i %s in words', async (status, code, message) => {
    const deps = { wechatCode: jest.fn().mockResolvedValue('c'), signIn: jest.fn().mockRejectedValue(apiError(status, code)) };
    const { result } = renderHook(() => useSignIn(deps));
    await act(() => result.current.signInWithWeChat());
    expect(result.current.state).toMatchObject({ status: 'failed', message });
  });

  it('shows the request id of a server failure only', async () => {
    const deps = { wechatCode: jest.fn().mockResolvedValue('c'), signIn: jest.fn().mockRejectedValue(apiError(500, 'INTERNAL', 'req-9')) };
    const { result } = renderHook(() => useSignIn(deps));
    await act(() => result.current.signInWithWeChat());
    expect(result.current.state).toMatchObject({ status: 'failed', requestId: 'req-9' });
    deps.signIn.mockRejectedValue(apiError(401, 'UNAUTHENTICATED', 'req-10'));
    await act(() => result.current.signInWithWeChat());
    expect(result.current.state).toEqual({ status: 'failed', message: expect.any(String), requestId: undefined });
  });

  it('WeChat: a failed wx.login never reaches the API', async () => {
    jest.spyOn(Taro, 'login').mockRejectedValue({ errMsg: 'login:fail' });
    const deps = { wechatCode: wechatLoginCode, signIn: jest.fn() };
    const { result } = renderHook(() => useSignIn(deps));
    await act(() => result.current.signInWithWeChat());
    expect(deps.signIn).not.toHaveBeenCalled();
    expect(result.current.state).toMatchObject({ status: 'failed', message: '微信登录没有成功，请稍后再试。' });
  });

  it('dev: checks the openid inline, then signs in with dev:<openid>', async () => {
    const deps = { wechatCode: jest.fn(), signIn: jest.fn().mockResolvedValue(loginAnswer()) };
    const { result } = renderHook(() => useSignIn(deps));
    act(() => result.current.setDevOpenid('not valid!'));
    await act(() => result.current.signInAsDev());
    expect(result.current.devError).toBe('openid 只能是 1 到 64 位字母、数字、下划线或短横线。');
    expect(deps.signIn).not.toHaveBeenCalled();
    act(() => result.current.setDevOpenid(' admin-qinghai '));
    expect(result.current.devError).toBeUndefined();
    await act(() => result.current.signInAsDev());
    expect(deps.signIn).toHaveBeenCalledWith('dev:admin-qinghai');
  });

  it('with the real client: a success stores the session', async () => {
    jest.spyOn(Taro, 'request').mockResolvedValue({ statusCode: 200, data: loginAnswer({ role: 'officer' }), header: {} } as never);
    const { result } = renderHook(() => useSignIn());
    act(() => result.current.setDevOpenid('officer-tuqiao'));
    await act(() => result.current.signInAsDev());
    expect(currentSession()?.user.role).toBe('officer');
  });

  it('with the real client: a 401 stores nothing and says why', async () => {
    jest.spyOn(Taro, 'request').mockResolvedValue({ statusCode: 401, data: errorBody('UNAUTHENTICATED'), header: {} } as never);
    const { result } = renderHook(() => useSignIn());
    act(() => result.current.setDevOpenid('someone'));
    await act(() => result.current.signInAsDev());
    expect(currentSession()).toBeUndefined();
    expect(result.current.state).toMatchObject({ status: 'failed', message: '登录凭证无效或已过期，请重新登录。' });
  });
});

describe('sign-in helpers', () => {
  it('reads the dev-login build flag', () => {
    expect(devLoginEnabled()).toBe(false);
    process.env.TARO_APP_DEV_LOGIN = '1';
    expect(devLoginEnabled()).toBe(true);
    process.env.TARO_APP_DEV_LOGIN = '';
    expect(devLoginEnabled()).toBe(false);
  });

  it('accepts the dev openids the server accepts', () => {
    for (const ok of ['admin-qinghai', 'e2e-officer-1a2b', 'a', 'A_b-9'.padEnd(64, 'x')])
      expect([ok, DEV_OPENID_PATTERN.test(ok)]).toEqual([ok, true]);
    for (const bad of ['', 'has space', 'dev:x', 'x'.repeat(65), '中文']) expect([bad, DEV_OPENID_PATTERN.test(bad)]).toEqual([bad, false]);
  });

  it('wechatLoginCode returns the code, or fails without one', async () => {
    jest.spyOn(Taro, 'login').mockResolvedValueOnce({ code: 'abc', errMsg: 'login:ok' });
    await expect(wechatLoginCode()).resolves.toBe('abc');
    jest.spyOn(Taro, 'login').mockResolvedValueOnce({ code: '', errMsg: 'login:ok' });
    await expect(wechatLoginCode()).rejects.toMatchObject({ code: 'WECHAT_LOGIN_FAILED' });
  });

  it('falls back to the general error text for other codes', () => {
    expect(signInErrorText(apiError(0, 'NETWORK_ERROR'))).toBe('网络连接失败，请检查网络后重试。');
  });
});
