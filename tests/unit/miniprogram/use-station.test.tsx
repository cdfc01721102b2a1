/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { StationProfile } from '../../../shared/schemas/stations';
import { useStation } from '../../../miniprogram/src/hooks/use-station';
import { ApiError } from '../../../miniprogram/src/services/api';
import { station } from './fixtures';

/** A promise the test settles by hand, to order answers. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const networkError = () => new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'request:fail' });

describe('useStation', () => {
  it('loads the station and gives the page its view', async () => {
    const fetchStation = jest.fn().mockResolvedValue(station);
    const { result } = renderHook(() => useStation('630202002214', fetchStation));
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(fetchStation).toHaveBeenCalledWith('630202002214');
    const { state } = result.current;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.station).toEqual(station);
    expect(state.view.title).toBe('土桥村益农信息社');
  });

  it('reports NOT_FOUND from the API', async () => {
    const fetchStation = jest.fn().mockRejectedValue(new ApiError({ status: 404, code: 'NOT_FOUND', message: 'nope', requestId: 'r1' }));
    const { result } = renderHook(() => useStation('000000000000', fetchStation));
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    expect(result.current.state).toMatchObject({ error: { code: 'NOT_FOUND', status: 404, requestId: 'r1' } });
  });

  it.each([[undefined], [''], ['bad code'], ['x'.repeat(33)]])(
    'does not call the API for the code %p and reports VALIDATION_FAILED',
    async (code) => {
      const fetchStation = jest.fn();
      const { result } = renderHook(() => useStation(code, fetchStation));
      expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'VALIDATION_FAILED' } });
      await act(async () => {});
      expect(fetchStation).not.toHaveBeenCalled();
    },
  );

  it('loads again on retry after a network error', async () => {
    const fetchStation = jest.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(station);
    const { result } = renderHook(() => useStation('630202002214', fetchStation));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'NETWORK_ERROR' } }));
    act(() => result.current.retry());
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    expect(fetchStation).toHaveBeenCalledTimes(2);
  });

  it('wraps a non-API failure as UNKNOWN', async () => {
    const fetchStation = jest.fn().mockRejectedValue(new TypeError('boom'));
    const { result } = renderHook(() => useStation('630202002214', fetchStation));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', error: { code: 'UNKNOWN', message: 'boom' } }));
  });

  it('drops the answer for a code the page no longer shows', async () => {
    const first = deferred<StationProfile>();
    const second = deferred<StationProfile>();
    const fetchStation = jest.fn((code: string) => (code === 'AAA111' ? first.promise : second.promise));
    const { result, rerender } = renderHook(({ code }) => useStation(code, fetchStation), { initialProps: { code: 'AAA111' } });
    rerender({ code: 'BBB222' });
    await act(async () => second.resolve({ ...station, code: 'BBB222' }));
    await act(async () => first.resolve({ ...station, code: 'AAA111' }));
    expect(result.current.state).toMatchObject({ status: 'ready', station: { code: 'BBB222' } });
  });
});
