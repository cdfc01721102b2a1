/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { resetStorage } from '../../stubs/taro';
import {
  SESSION_STORAGE_KEY,
  clearSession,
  currentSession,
  currentUser,
  hasRole,
  onSessionChange,
  saveSession,
  updateSessionUser,
} from '../../../miniprogram/src/services/session';
import { loginAnswer } from './fixtures';

const HOUR = 3_600_000;

beforeEach(() => resetStorage());

describe('session store', () => {
  it('keeps what login answered in Taro storage and gives it back', () => {
    const login = loginAnswer({ role: 'officer', stationId: 'st1' });
    saveSession(login);
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toEqual({ token: login.token, expiresAt: login.expiresAt, user: login.user });
    expect(currentSession()).toEqual({ token: login.token, expiresAt: login.expiresAt, user: login.user });
    expect(currentUser()).toEqual(login.user);
  });

  it('is signed out when nothing is stored', () => {
    expect(currentSession()).toBeUndefined();
    expect(currentUser()).toBeUndefined();
  });

  it('drops an expired session (and one about to expire) and tells the listeners', () => {
    const listener = jest.fn();
    const unsubscribe = onSessionChange(listener);
    const now = Date.now();
    saveSession(loginAnswer({}, new Date(now + 30_000).toISOString()));
    listener.mockClear();
    expect(currentSession(now)).toBeUndefined();
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBe('');
    expect(listener).toHaveBeenCalledWith(undefined);

    saveSession(loginAnswer({}, new Date(now + HOUR).toISOString()));
    expect(currentSession(now)).toBeDefined();
    expect(currentSession(now + HOUR)).toBeUndefined();
    unsubscribe();
  });

  it.each([
    ['a string', 'token'],
    ['no token', { expiresAt: new Date(Date.now() + HOUR).toISOString(), user: { id: 'u1', role: 'villager' } }],
    ['no user', { token: 't', expiresAt: new Date(Date.now() + HOUR).toISOString() }],
    ['a bad date', { token: 't', expiresAt: 'tomorrow', user: { id: 'u1', role: 'villager' } }],
  ])('removes a malformed stored value (%s)', (_name, value) => {
    Taro.setStorageSync(SESSION_STORAGE_KEY, value);
    expect(currentSession()).toBeUndefined();
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBe('');
  });

  it('clears on sign-out and notifies, but a stale token does not sign out a newer session', () => {
    const listener = jest.fn();
    const unsubscribe = onSessionChange(listener);
    saveSession(loginAnswer({}, undefined, 'token-new'));
    listener.mockClear();
    clearSession('token-old');
    expect(currentSession()?.token).toBe('token-new');
    expect(listener).not.toHaveBeenCalled();
    clearSession('token-new');
    expect(currentSession()).toBeUndefined();
    expect(listener).toHaveBeenCalledWith(undefined);
    listener.mockClear();
    clearSession();
    expect(listener).not.toHaveBeenCalled(); // nothing was stored
    unsubscribe();
  });

  it("updates the stored user from the server's latest word, only for the same user", () => {
    saveSession(loginAnswer({ role: 'officer', stationId: 'st1' }));
    const listener = jest.fn();
    const unsubscribe = onSessionChange(listener);
    updateSessionUser({ id: 'someone-else', role: 'province_admin' });
    expect(currentUser()?.role).toBe('officer');
    updateSessionUser({ id: 'u0123456789', role: 'villager' });
    expect(currentUser()).toEqual({ id: 'u0123456789', role: 'villager' });
    expect(listener).toHaveBeenCalledTimes(1);
    updateSessionUser({ id: 'u0123456789', role: 'villager' });
    expect(listener).toHaveBeenCalledTimes(1); // nothing changed, nobody re-renders
    unsubscribe();
  });

  it('hasRole', () => {
    expect(hasRole(undefined, ['officer'])).toBe(false);
    expect(hasRole({ role: 'officer' }, ['officer'])).toBe(true);
    expect(hasRole({ role: 'villager' }, ['officer', 'county_admin'])).toBe(false);
  });
});
