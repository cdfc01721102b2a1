/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { resetStorage } from '../../stubs/taro';
import { cacheAge, cachedAgeText, loadOrCached, readCached, saveCached } from '../../../miniprogram/src/services/offline-cache';
import { ApiError } from '../../../miniprogram/src/services/api-error';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 30, 2, 0, 0);

beforeEach(() => resetStorage());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('cache aging (fake clock)', () => {
  it('reads minutes under an hour, hours under two days, then days', () => {
    expect(cacheAge(T0, T0)).toEqual({ unit: 'minutes', n: 0 });
    expect(cacheAge(T0, T0 + 59 * 60_000 + 59_000)).toEqual({ unit: 'minutes', n: 59 });
    expect(cacheAge(T0, T0 + HOUR)).toEqual({ unit: 'hours', n: 1 });
    expect(cacheAge(T0, T0 + 3 * HOUR + 20 * 60_000)).toEqual({ unit: 'hours', n: 3 });
    expect(cacheAge(T0, T0 + 47 * HOUR)).toEqual({ unit: 'hours', n: 47 });
    expect(cacheAge(T0, T0 + 49 * HOUR)).toEqual({ unit: 'days', n: 2 });
    // A clock set back never shows a negative age.
    expect(cacheAge(T0, T0 - HOUR)).toEqual({ unit: 'minutes', n: 0 });
  });

  it('says the age in the catalogue text', () => {
    expect(cachedAgeText(T0, T0 + 3 * HOUR)).toBe('无网络，显示 3 小时前的内容');
    expect(cachedAgeText(T0, T0 + 5 * 60_000)).toBe('无网络，显示 5 分钟前的内容');
    expect(cachedAgeText(T0, T0 + 72 * HOUR)).toBe('无网络，显示 3 天前的内容');
  });
});

describe('loadOrCached', () => {
  const offline = new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'request:fail' });

  it('saves each answer with the time it arrived and gives it back without signal, with that time', async () => {
    jest.useFakeTimers({ now: T0 });
    await expect(loadOrCached('station.1', async () => ({ name: 'A' }))).resolves.toEqual({ name: 'A' });
    expect(readCached('station.1')).toEqual({ value: { name: 'A' }, savedAt: T0 });
    jest.setSystemTime(T0 + 3 * HOUR);
    await expect(loadOrCached('station.1', () => Promise.reject(offline))).resolves.toEqual({ name: 'A', cachedAt: T0 });
  });

  it('rethrows an error the server answered (a 404 is not hidden behind an old copy), and offline without a copy', async () => {
    saveCached('station.1', { name: 'A' }, T0);
    const notFound = new ApiError({ status: 404, code: 'NOT_FOUND', message: 'gone' });
    await expect(loadOrCached('station.1', () => Promise.reject(notFound))).rejects.toBe(notFound);
    await expect(loadOrCached('station.2', () => Promise.reject(offline))).rejects.toBe(offline);
  });

  it('still answers when the storage is full', async () => {
    jest.spyOn(Taro, 'setStorageSync').mockImplementation(() => {
      throw new Error('quota');
    });
    await expect(loadOrCached('station.1', async () => ({ name: 'A' }))).resolves.toEqual({ name: 'A' });
  });
});
