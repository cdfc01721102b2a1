/** @jest-environment jsdom */
/**
 * The alert subscription prompt with only the platform faked: WeChat's dialog
 * (`Taro.requestSubscribeMessage`: the user's answer) and the network (`Taro.request`: the server's).
 * Our hook, services and API client run for real.
 */
import Taro from '@tarojs/taro';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { resetStorage } from '../../stubs/taro';
import { SubscribePrompt } from '../../../miniprogram/src/components/subscribe-prompt';
import { useAlertSubscription } from '../../../miniprogram/src/hooks/use-alert-subscription';
import { saveSession } from '../../../miniprogram/src/services/session';
import { loginAnswer } from './fixtures';

type RequestOptions = Parameters<typeof Taro.request>[0];

const TEMPLATE = 'tmpl-alert-1';
const answerOf = (remaining: number, located = true) => ({ located, items: [{ kind: 'alert', templateId: TEMPLATE, remaining, cap: 10 }] });

/** The server: GET answers `held` messages left; POST adds one per accepted id. */
function fakeServer(held: number, located = true) {
  let remaining = held;
  return jest.spyOn(Taro, 'request').mockImplementation((async (options: RequestOptions) => {
    if (options.method === 'POST') remaining += (options.data as { accepted: string[] }).accepted.length;
    return { statusCode: 200, data: answerOf(remaining, located), header: {} };
  }) as never);
}

const ENV = { ...process.env };
beforeEach(() => {
  resetStorage();
  jest.restoreAllMocks();
  process.env = { ...ENV, TARO_ENV: 'weapp', TARO_APP_DEV_LOGIN: '' };
});
afterAll(() => {
  process.env = ENV;
});

describe('useAlertSubscription', () => {
  it('asks WeChat for the alert template and records only what the user accepted', async () => {
    saveSession(loginAnswer());
    const server = fakeServer(0);
    const dialog = jest
      .spyOn(Taro, 'requestSubscribeMessage')
      .mockResolvedValue({ [TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' } as never);
    const { result } = renderHook(() => useAlertSubscription());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', remaining: 0, templateIds: [TEMPLATE] }));
    await act(() => result.current.subscribe());
    expect(dialog).toHaveBeenCalledWith({ tmplIds: [TEMPLATE] });
    const post = server.mock.calls.map(([options]) => options as RequestOptions).find((o) => o.method === 'POST')!;
    expect([post.url.endsWith('/me/subscriptions'), post.data]).toEqual([true, { accepted: [TEMPLATE] }]);
    expect(result.current.state).toMatchObject({ status: 'ready', remaining: 1, outcome: 'accepted', asking: false });
  });

  it('a rejected (or banned) template is not sent to the server; the user is told how to turn it on', async () => {
    saveSession(loginAnswer());
    const server = fakeServer(2);
    jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue({ [TEMPLATE]: 'reject', errMsg: 'requestSubscribeMessage:ok' } as never);
    const { result } = renderHook(() => useAlertSubscription());
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(() => result.current.subscribe());
    expect(server.mock.calls.filter(([o]) => (o as RequestOptions).method === 'POST')).toEqual([]);
    expect(result.current.state).toMatchObject({ remaining: 2, outcome: 'declined' });
  });

  it('the dialog failing as a whole (subscriptions switched off) counts as declined, not as an error', async () => {
    saveSession(loginAnswer());
    fakeServer(0);
    jest.spyOn(Taro, 'requestSubscribeMessage').mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail switched off', errCode: 20004 });
    const { result } = renderHook(() => useAlertSubscription());
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(() => result.current.subscribe());
    expect(result.current.state).toMatchObject({ outcome: 'declined' });
  });

  it('stays hidden when signed out, without a place, and in a browser build without the dev flag', async () => {
    const server = fakeServer(0, false);
    const signedOut = renderHook(() => useAlertSubscription());
    expect(signedOut.result.current.state).toEqual({ status: 'hidden' });
    expect(server).not.toHaveBeenCalled();
    signedOut.unmount();
    saveSession(loginAnswer());
    const unlocated = renderHook(() => useAlertSubscription());
    await waitFor(() => expect(server).toHaveBeenCalled());
    await waitFor(() => expect(unlocated.result.current.state).toEqual({ status: 'hidden' }));
    process.env.TARO_ENV = 'h5';
    server.mockClear();
    const browser = renderHook(() => useAlertSubscription());
    expect(browser.result.current.state).toEqual({ status: 'hidden' });
    expect(server).not.toHaveBeenCalled();
  });

  it('the local H5 build (dev sign-in flag) simulates an accept without the WeChat API', async () => {
    process.env = { ...process.env, TARO_ENV: 'h5', TARO_APP_DEV_LOGIN: '1' };
    saveSession(loginAnswer());
    fakeServer(0);
    const dialog = jest.spyOn(Taro, 'requestSubscribeMessage');
    const { result } = renderHook(() => useAlertSubscription());
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(() => result.current.subscribe());
    expect(dialog).not.toHaveBeenCalled();
    expect(result.current).toMatchObject({ simulated: true, state: { remaining: 1, outcome: 'accepted' } });
  });
});

describe('SubscribePrompt', () => {
  it('shows the count and the button, and after an accept what happens next', async () => {
    saveSession(loginAnswer());
    fakeServer(0);
    jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue({ [TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' } as never);
    render(<SubscribePrompt />);
    await screen.findByText('现在不会收到提醒');
    await act(async () => fireEvent.click(screen.getByText('接收预警提醒')));
    await screen.findByText('还可收到 1 条提醒');
    expect(screen.getByText('已开启：下一条预警会通过微信通知您')).toBeTruthy();
    expect(screen.getByText('再接收一条')).toBeTruthy();
  });
});
