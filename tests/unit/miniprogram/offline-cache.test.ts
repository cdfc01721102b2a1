/** @jest-environment jsdom */
import Taro from '@tarojs/taro';
import { act, renderHook } from '@testing-library/react';
import { resetStorage } from '../../stubs/taro';
import { cachedAgeText, loadOrCached } from '../../../miniprogram/src/services/offline-cache';
import { ApiError } from '../../../miniprogram/src/services/api-error';
import { useOfflineFirstPage } from '../../../miniprogram/src/hooks/use-offline-first-page';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 10, 30, 2, 0, 0);

beforeEach(() => resetStorage());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('cache aging (fake clock)', () => {
  it('reads minutes under an hour, hours under two days, then days', () => {
    expect(cachedAgeText(T0, T0)).toBe('无网络，显示 0 分钟前的内容');
    expect(cachedAgeText(T0, T0 + 59 * MINUTE + 59_000)).toBe('无网络，显示 59 分钟前的内容');
    expect(cachedAgeText(T0, T0 + HOUR)).toBe('无网络，显示 1 小时前的内容');
    expect(cachedAgeText(T0, T0 + 3 * HOUR + 20 * MINUTE)).toBe('无网络，显示 3 小时前的内容');
    expect(cachedAgeText(T0, T0 + 47 * HOUR + 59 * MINUTE)).toBe('无网络，显示 47 小时前的内容');
    expect(cachedAgeText(T0, T0 + 48 * HOUR)).toBe('无网络，显示 2 天前的内容');
    expect(cachedAgeText(T0, T0 + 72 * HOUR)).toBe('无网络，显示 3 天前的内容');
  });

  it('never shows a negative age when the phone clock was set back', () => {
    expect(cachedAgeText(T0, T0 - HOUR)).toBe('无网络，显示 0 分钟前的内容');
  });
});

describe('loadOrCached', () => {
  const offline = new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'request:fail' });

  it('saves each answer with the time it arrived and gives it back without signal, with that time', async () => {
    jest.useFakeTimers({ now: T0 });
    await expect(loadOrCached('station.1', async () => ({ name: 'A' }))).resolves.toEqual({ name: 'A' });
    jest.setSystemTime(T0 + 3 * HOUR);
    const shown = await loadOrCached<{ name: string }>('station.1', () => Promise.reject(offline));
    expect(shown).toEqual({ name: 'A', cachedAt: T0 });
    expect(cachedAgeText(shown.cachedAt ?? 0)).toBe('无网络，显示 3 小时前的内容');
  });

  it('keeps only the newest answer per key', async () => {
    jest.useFakeTimers({ now: T0 });
    await loadOrCached('feeds.1', async () => ({ items: [1] }));
    jest.setSystemTime(T0 + HOUR);
    await loadOrCached('feeds.1', async () => ({ items: [2] }));
    await expect(loadOrCached('feeds.1', () => Promise.reject(offline))).resolves.toEqual({ items: [2], cachedAt: T0 + HOUR });
  });

  it('rethrows an answer the server gave (a 404 is not hidden behind an old copy), and offline without a copy', async () => {
    await loadOrCached('station.1', async () => ({ name: 'A' }));
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

describe('useOfflineFirstPage (the feed, a villager’s receipts)', () => {
  const offline = new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'request:fail' });

  it('keeps the first page and says since when once offline; later pages are never from the cache', async () => {
    jest.useFakeTimers({ now: T0 });
    const fetchPage = jest.fn(async (_key: string, cursor: string | undefined) => ({ items: [cursor ?? 'first'], nextCursor: 'c2' }));
    const { result } = renderHook(() => useOfflineFirstPage('feedpage', fetchPage));
    await act(async () => {
      await result.current.fetchPage('630202', undefined);
    });
    expect(result.current.cachedAt).toBeUndefined();

    fetchPage.mockRejectedValue(offline);
    jest.setSystemTime(T0 + 2 * HOUR);
    let page: unknown;
    await act(async () => {
      page = await result.current.fetchPage('630202', undefined);
    });
    expect(page).toEqual({ items: ['first'], nextCursor: 'c2', cachedAt: T0 });
    expect(result.current.cachedAt).toBe(T0);
    await expect(result.current.fetchPage('630202', 'c2')).rejects.toBe(offline);
    // Another place has no copy.
    await expect(result.current.fetchPage('630203', undefined)).rejects.toBe(offline);
  });
});
