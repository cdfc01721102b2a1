/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StationProfile } from '../../../shared/schemas/stations';
import { useNearestStations, NEAREST_LIMIT } from '../../../miniprogram/src/hooks/use-nearest-stations';
import { useRegionBrowser } from '../../../miniprogram/src/hooks/use-region-children';
import { searchKey, useStationSearch } from '../../../miniprogram/src/hooks/use-station-search';
import { ApiError } from '../../../miniprogram/src/services/api';
import { isLocationDenied, locate } from '../../../miniprogram/src/services/location';
import { station } from './fixtures';

const named = (villageName: string, code: string): StationProfile => ({ ...station, id: `st${code}`, code, villageName });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('useStationSearch', () => {
  it('asks nothing for an empty or too long text', () => {
    expect(searchKey('   ')).toBeUndefined();
    expect(searchKey('x'.repeat(41))).toBeUndefined();
    expect(searchKey(' 土桥 ')).toBe('土桥');
  });

  it('searches once typing pauses, then pages along nextCursor', async () => {
    jest.useFakeTimers();
    const search = jest
      .fn()
      .mockResolvedValueOnce({ items: [named('土桥村', '630202002214')], nextCursor: 'c2' })
      .mockResolvedValueOnce({ items: [named('台其村', '630222101201')], nextCursor: null });
    const { result } = renderHook(() => useStationSearch(search, 300));
    expect(result.current.state.status).toBe('idle');

    act(() => result.current.setQuery('t'));
    act(() => result.current.setQuery('tq'));
    expect(result.current.pending).toBe(true);
    await act(async () => jest.advanceTimersByTime(300));
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('tq', undefined);
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(result.current.searched).toBe('tq');

    await act(async () => result.current.loadMore());
    expect(search).toHaveBeenLastCalledWith('tq', 'c2');
    const { state } = result.current;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.items.map((s) => s.villageName)).toEqual(['土桥村', '台其村']);
    expect(state.nextCursor).toBeNull();
    // Nothing more to load: no call.
    await act(async () => result.current.loadMore());
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('drops the answer for an older text', async () => {
    jest.useFakeTimers();
    const slow = deferred<{ items: StationProfile[]; nextCursor: null }>();
    const search = jest
      .fn()
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce({ items: [named('土桥村', '630202002214')], nextCursor: null });
    const { result } = renderHook(() => useStationSearch(search, 300));
    act(() => result.current.setQuery('tu'));
    await act(async () => jest.advanceTimersByTime(300));
    act(() => result.current.setQuery('tuqiao'));
    await act(async () => jest.advanceTimersByTime(300));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(async () => slow.resolve({ items: [named('土门村', '630000000001')], nextCursor: null }));
    const { state } = result.current;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.items.map((s) => s.villageName)).toEqual(['土桥村']);
  });

  it('keeps the results when the next page fails, and says so', async () => {
    jest.useFakeTimers();
    const search = jest
      .fn()
      .mockResolvedValueOnce({ items: [named('土桥村', '630202002214')], nextCursor: 'c2' })
      .mockRejectedValueOnce(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'x' }));
    const { result } = renderHook(() => useStationSearch(search, 300));
    act(() => result.current.setQuery('tq'));
    await act(async () => jest.advanceTimersByTime(300));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    await act(async () => result.current.loadMore());
    expect(result.current.state).toMatchObject({
      status: 'ready',
      items: [{ villageName: '土桥村' }],
      more: { status: 'error', error: { code: 'NETWORK_ERROR' } },
    });
  });

  it('marks a text longer than the API takes and does not send it', async () => {
    jest.useFakeTimers();
    const search = jest.fn();
    const { result } = renderHook(() => useStationSearch(search, 300));
    act(() => result.current.setQuery('长'.repeat(41)));
    await act(async () => jest.advanceTimersByTime(300));
    expect(result.current.tooLong).toBe(true);
    expect(search).not.toHaveBeenCalled();
  });
});

describe('useNearestStations', () => {
  const point = { lat: 36.48, lng: 102.4 };

  it('waits for the tap, then locates and lists nearest first (at most 20)', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...named(`村${i}`, String(630202002200 + i)), distanceMeters: i * 100 }));
    const deps = { locate: jest.fn().mockResolvedValue({ kind: 'located', point }), list: jest.fn().mockResolvedValue({ items: many }) };
    const { result } = renderHook(() => useNearestStations(deps));
    expect(result.current.state.status).toBe('intro');
    expect(deps.locate).not.toHaveBeenCalled();
    await act(async () => result.current.start());
    expect(deps.list).toHaveBeenCalledWith(point);
    expect(result.current.state).toMatchObject({ status: 'ready', point });
    if (result.current.state.status === 'ready') expect(result.current.state.stations).toHaveLength(NEAREST_LIMIT);
  });

  it.each([
    [{ kind: 'denied' }, 'denied'],
    [{ kind: 'unavailable', detail: 'timeout' }, 'unavailable'],
  ])('without a position (%p) says so and lists nothing', async (outcome, status) => {
    const deps = { locate: jest.fn().mockResolvedValue(outcome), list: jest.fn() };
    const { result } = renderHook(() => useNearestStations(deps));
    await act(async () => result.current.start());
    expect(result.current.state.status).toBe(status);
    expect(deps.list).not.toHaveBeenCalled();
  });

  it('reports a failed list (e.g. 400 for a position out of range)', async () => {
    const deps = {
      locate: jest.fn().mockResolvedValue({ kind: 'located', point }),
      list: jest.fn().mockRejectedValue(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'near' })),
    };
    const { result } = renderHook(() => useNearestStations(deps));
    await act(async () => result.current.start());
    expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('locate', () => {
  it('asks for WGS84 and returns the point', async () => {
    const getLocation = jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 36.48, longitude: 102.4, errMsg: 'getLocation:ok' } as never);
    await expect(locate()).resolves.toEqual({ kind: 'located', point: { lat: 36.48, lng: 102.4 } });
    expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  });

  it.each([
    ['getLocation:fail auth deny', true],
    ['getLocation:fail auth denied', true],
    ['getLocation:fail:system permission denied', true],
    ['User denied Geolocation', true],
    ['getLocation:fail timeout', false],
    ['Position unavailable', false],
  ])('tells a refusal from a failure: %p', async (errMsg, denied) => {
    expect(isLocationDenied(errMsg)).toBe(denied);
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg });
    expect((await locate()).kind).toBe(denied ? 'denied' : 'unavailable');
  });
});

describe('useRegionBrowser', () => {
  const answer = (code: string) => ({
    region: {
      code,
      name: code,
      level: 'province' as const,
      stationCount: 1,
      villageCount: 2,
      areaType: 'semi_pastoral' as const,
      areaTypeCorrection: null,
      chain: [],
    },
    items: [],
    nextCursor: null,
  });

  it('shows the region in the page link, or the province when there is none or it is not a code', async () => {
    const fetchChildren = jest.fn(async (code: string) => answer(code));
    const { result } = renderHook(() => useRegionBrowser(undefined, fetchChildren));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(fetchChildren).toHaveBeenCalledWith('63');

    const { result: other } = renderHook(() => useRegionBrowser('630202002', fetchChildren));
    await waitFor(() => expect(other.current.state).toMatchObject({ status: 'ready', value: { region: { code: '630202002' } } }));
    const { result: bad } = renderHook(() => useRegionBrowser('x', fetchChildren));
    expect(bad.current.code).toBe('63');
    await waitFor(() => expect(bad.current.state.status).toBe('ready'));
  });
});
