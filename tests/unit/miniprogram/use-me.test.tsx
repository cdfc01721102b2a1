/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { MeResponse } from '../../../shared/schemas/accounts';
import { hidePages, resetStorage, showPages } from '../../stubs/taro';
import { useMe } from '../../../miniprogram/src/hooks/use-me';
import { useSession } from '../../../miniprogram/src/hooks/use-session';
import { ApiError } from '../../../miniprogram/src/services/api';
import { clearSession, currentSession, saveSession } from '../../../miniprogram/src/services/session';
import { loginAnswer, officerMe, villagerMe } from './fixtures';

const apiError = (status: number, code: string) => new ApiError({ status, code, message: code, requestId: 'r1' });

beforeEach(() => resetStorage());

describe('useSession', () => {
  it('follows sign-in and sign-out made anywhere', () => {
    const { result } = renderHook(() => useSession());
    expect(result.current).toBeUndefined();
    act(() => void saveSession(loginAnswer()));
    expect(result.current?.user.id).toBe('u0123456789');
    act(() => clearSession());
    expect(result.current).toBeUndefined();
  });
});

describe('useMe', () => {
  it('is signed out without a session and asks nothing', () => {
    const fetchMe = jest.fn();
    const { result } = renderHook(() => useMe(fetchMe));
    expect(result.current.state).toEqual({ status: 'signed-out' });
    expect(fetchMe).not.toHaveBeenCalled();
  });

  it('loads the user from the server and keeps the stored labels in step', async () => {
    saveSession(loginAnswer({ role: 'villager' }));
    const fetchMe = jest.fn().mockResolvedValue(officerMe);
    const { result } = renderHook(() => useMe(fetchMe));
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', me: officerMe }));
    // The stored role was "villager" at sign-in; the server says officer now.
    expect(currentSession()?.user.role).toBe('officer');
  });

  it('signs out on a 401, even when the fetcher did not clear the session', async () => {
    saveSession(loginAnswer());
    const fetchMe = jest.fn().mockRejectedValue(apiError(401, 'UNAUTHENTICATED'));
    const { result } = renderHook(() => useMe(fetchMe));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'signed-out' }));
    expect(currentSession()).toBeUndefined();
  });

  it('reports other failures and loads again on reload', async () => {
    saveSession(loginAnswer());
    const fetchMe = jest.fn().mockRejectedValueOnce(apiError(503, 'DEPENDENCY_UNAVAILABLE')).mockResolvedValueOnce(villagerMe);
    const { result } = renderHook(() => useMe(fetchMe));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'DEPENDENCY_UNAVAILABLE' } }));
    expect(currentSession()).toBeDefined();
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', me: villagerMe }));
  });

  it('asks again when the page shows after being hidden, keeping the last answer on screen meanwhile', async () => {
    saveSession(loginAnswer());
    let answer: MeResponse = officerMe;
    const fetchMe = jest.fn(async () => answer);
    const { result } = renderHook(() => useMe(fetchMe));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', me: officerMe }));
    expect(fetchMe).toHaveBeenCalledTimes(1);

    // A show without a hide before it (the first onShow) is covered by the first load.
    act(() => showPages());
    expect(fetchMe).toHaveBeenCalledTimes(1);

    // The admin removed the officer while another page was open.
    answer = villagerMe;
    act(() => hidePages());
    act(() => showPages());
    expect(result.current.state).toMatchObject({ status: 'ready', me: officerMe });
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', me: villagerMe }));
    expect(fetchMe).toHaveBeenCalledTimes(2);
  });

  it('goes to signed-out when another page signs out, and loads the new user after a new sign-in', async () => {
    saveSession(loginAnswer({}, undefined, 'first'));
    const fetchMe = jest.fn().mockResolvedValueOnce(officerMe).mockResolvedValueOnce(villagerMe);
    const { result } = renderHook(() => useMe(fetchMe));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    act(() => clearSession());
    expect(result.current.state).toEqual({ status: 'signed-out' });
    act(() => void saveSession(loginAnswer({}, undefined, 'second')));
    // A new session never shows the previous user's answer.
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', me: villagerMe, token: 'second' }));
  });

  it('drops an answer that arrives after the session changed', async () => {
    saveSession(loginAnswer({}, undefined, 'first'));
    let resolveFirst!: (me: MeResponse) => void;
    const fetchMe = jest
      .fn()
      .mockImplementationOnce(() => new Promise<MeResponse>((resolve) => (resolveFirst = resolve)))
      .mockResolvedValueOnce(villagerMe);
    const { result } = renderHook(() => useMe(fetchMe));
    act(() => void saveSession(loginAnswer({}, undefined, 'second')));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ready', me: villagerMe }));
    await act(async () => resolveFirst(officerMe));
    expect(result.current.state).toMatchObject({ status: 'ready', me: villagerMe, token: 'second' });
  });
});
