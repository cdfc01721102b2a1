/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeResponse } from '../../../shared/schemas/accounts';
import { useHomeStation } from '../../../miniprogram/src/hooks/use-home-station';
import type { MeState } from '../../../miniprogram/src/hooks/use-me';
import { usePosterDownload } from '../../../miniprogram/src/hooks/use-poster-download';
import { useStationEditor } from '../../../miniprogram/src/hooks/use-station-editor';
import { useStationPhone } from '../../../miniprogram/src/hooks/use-station-phone';
import { ApiError } from '../../../miniprogram/src/services/api';
import { downloadPoster } from '../../../miniprogram/src/services/poster';
import { saveSession } from '../../../miniprogram/src/services/session';
import { resetStorage } from '../../stubs/taro';
import { loginAnswer, officerMe, station, villagerMe } from './fixtures';

const ready = (me: MeResponse): MeState => ({ status: 'ready', me, token: 'token-abc' });
const apiError = (status: number, code: string, details?: Array<{ path: string; message: string }>) =>
  new ApiError({ status, code, message: code, details });

beforeEach(() => resetStorage());
const platform = process.env.TARO_ENV;
afterEach(() => {
  jest.restoreAllMocks();
  process.env.TARO_ENV = platform;
});

describe('useStationPhone', () => {
  it('reveals the number on request only', async () => {
    const fetchPhone = jest.fn().mockResolvedValue({ phone: '0972-8610836' });
    const { result } = renderHook(() => useStationPhone(station.id, fetchPhone));
    expect(fetchPhone).not.toHaveBeenCalled();
    await act(async () => result.current.reveal());
    expect(result.current.state).toEqual({ status: 'revealed', phone: '0972-8610836' });
  });

  it.each([
    [apiError(429, 'RATE_LIMITED'), '查看号码太频繁了，请一小时后再试。'],
    [apiError(404, 'NOT_FOUND'), '这个服务站没有留电话。'],
    [apiError(401, 'UNAUTHENTICATED'), '请先登录。'],
  ])('explains %p', async (error, message) => {
    const { result } = renderHook(() => useStationPhone(station.id, jest.fn().mockRejectedValue(error)));
    await act(async () => result.current.reveal());
    expect(result.current.state).toEqual({ status: 'failed', message });
  });
});

describe('useHomeStation', () => {
  it('offers a villager to make this their station, then shows it is', async () => {
    const updated: MeResponse = {
      ...villagerMe,
      user: { ...villagerMe.user, homeStationId: station.id },
      homeStation: { id: station.id, code: station.code, villageName: '土桥村', regionNames: ['青海省', '海东市', '乐都区', '碾伯镇'] },
    };
    const put = jest.fn().mockResolvedValue(updated);
    let me = ready(villagerMe);
    const onUpdated = jest.fn((next: MeResponse) => (me = ready(next)));
    const { result, rerender } = renderHook(() => useHomeStation(station.id, me, onUpdated, put));
    expect(result.current.state).toEqual({ status: 'can-set', pending: false, error: undefined });
    await act(async () => result.current.set());
    expect(put).toHaveBeenCalledWith(station.id);
    rerender();
    expect(result.current.state).toEqual({ status: 'is-home', justSet: true });
  });

  it('shows nothing to officers, admins and signed-out visitors', () => {
    for (const me of [ready(officerMe), { status: 'signed-out' } as MeState, { status: 'loading' } as MeState]) {
      const { result } = renderHook(() => useHomeStation(station.id, me, jest.fn(), jest.fn()));
      expect(result.current.state.status).toBe('hidden');
    }
  });

  it('says why setting it failed', async () => {
    const { result } = renderHook(() =>
      useHomeStation(station.id, ready(villagerMe), jest.fn(), jest.fn().mockRejectedValue(apiError(0, 'NETWORK_ERROR'))),
    );
    await act(async () => result.current.set());
    expect(result.current.state).toEqual({ status: 'can-set', pending: false, error: '网络连接失败，请检查网络后重试。' });
  });
});

describe('useStationEditor', () => {
  it('saves only what changed and starts again from the answer', async () => {
    const saved = { ...station, openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '09:00', close: '18:00' }] };
    const save = jest.fn().mockResolvedValue(saved);
    const onSaved = jest.fn();
    const { result } = renderHook(() => useStationEditor(station, 'officer', onSaved, save));
    act(() => result.current.toggleDay(0, 7));
    await act(async () => result.current.submit());
    expect(save).toHaveBeenCalledWith(station.id, { openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '09:00', close: '18:00' }] });
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(result.current.state).toEqual({ status: 'saved', message: '已保存：营业时间。' });
  });

  it('does not call the API for a form with mistakes or without changes', async () => {
    const save = jest.fn();
    const { result } = renderHook(() => useStationEditor(station, 'officer', jest.fn(), save));
    await act(async () => result.current.submit());
    expect(result.current.state).toEqual({ status: 'saved', message: '没有需要保存的修改。' });
    act(() => result.current.setOpen(0, '25:00'));
    await act(async () => result.current.submit());
    expect(result.current.errors).toEqual({ 'hours.0.open': '请按 时:分 填写，如 09:00。' });
    expect(result.current.state).toMatchObject({ status: 'failed', message: '请先改正标红的内容。' });
    // Editing the field clears its mark.
    act(() => result.current.setOpen(0, '08:00'));
    expect(result.current.errors).toEqual({});
    expect(save).not.toHaveBeenCalled();
  });

  it('offers a reload after a conflict, and names refused fields after a 403', async () => {
    const save = jest
      .fn()
      .mockRejectedValueOnce(apiError(409, 'CONFLICT'))
      .mockRejectedValueOnce(apiError(403, 'FORBIDDEN', [{ path: 'body.type', message: 'only an administrator may change this' }]));
    const { result } = renderHook(() => useStationEditor(station, 'admin', jest.fn(), save));
    act(() => result.current.setType('simple'));
    await act(async () => result.current.submit());
    expect(result.current.state).toMatchObject({ status: 'failed', conflict: true, message: '站点信息刚被别人修改过。请重新加载后再改。' });
    await act(async () => result.current.submit());
    expect(result.current.state).toMatchObject({ status: 'failed', conflict: false, message: '这些内容只有管理员可以修改：站点类型。' });
  });

  it('adds and removes opening windows, at most seven', () => {
    // One profile object: a new one would start the form again (as after a save).
    const withoutHours = { ...station, openingHours: [] };
    const { result } = renderHook(() => useStationEditor(withoutHours, 'officer', jest.fn(), jest.fn()));
    act(() => result.current.addWindow());
    expect(result.current.draft.hours).toEqual([{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }]);
    for (let i = 0; i < 10; i++) act(() => result.current.addWindow());
    expect(result.current.draft.hours).toHaveLength(7);
    act(() => result.current.removeWindow(0));
    expect(result.current.draft.hours).toHaveLength(6);
  });
});

describe('poster download', () => {
  it('WeChat: downloads with the Bearer header and offers to send it to a chat', async () => {
    process.env.TARO_ENV = 'weapp';
    saveSession(loginAnswer({ role: 'officer' }));
    const download = jest
      .spyOn(Taro, 'downloadFile')
      .mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/p.svg', errMsg: 'downloadFile:ok' } as never);
    const share = jest.spyOn(Taro, 'shareFileMessage');
    await expect(downloadPoster({ id: station.id, code: station.code })).resolves.toEqual({ kind: 'shared', fileName: 'station-630202002214.svg' });
    expect(download).toHaveBeenCalledWith({
      url: `http://127.0.0.1:3000/stations/${station.id}/qr`,
      header: { Authorization: 'Bearer token-abc', 'Accept-Language': 'zh-CN' },
    });
    expect(share).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/p.svg', fileName: 'station-630202002214.svg' });
  });

  it('WeChat: a refused download is an error of its status', async () => {
    process.env.TARO_ENV = 'weapp';
    saveSession(loginAnswer({ role: 'officer' }));
    jest.spyOn(Taro, 'downloadFile').mockResolvedValue({ statusCode: 404, tempFilePath: 'x', errMsg: 'downloadFile:ok' } as never);
    const { result } = renderHook(() => usePosterDownload({ id: station.id, code: station.code }));
    await act(async () => result.current.start());
    expect(result.current.state).toEqual({ status: 'failed', message: '你不能下载这个站点的海报。' });
  });

  it('H5: fetches with the Bearer header and saves the file through a link', async () => {
    process.env.TARO_ENV = 'h5';
    saveSession(loginAnswer({ role: 'officer' }));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>土桥村益农信息社</text></svg>';
    // jsdom has no fetch Response: the two members the download reads.
    const fetchMock = jest.fn().mockResolvedValue({ ok: true, status: 200, blob: async () => new Blob([svg], { type: 'image/svg+xml' }) });
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:poster'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('station-630202002214.svg');
      expect(this.href).toBe('blob:poster');
    });
    const { result } = renderHook(() => usePosterDownload({ id: station.id, code: station.code }));
    await act(async () => result.current.start());
    expect(fetchMock).toHaveBeenCalledWith(`/api/stations/${station.id}/qr`, {
      headers: { Authorization: 'Bearer token-abc', Accept: 'image/svg+xml', 'Accept-Language': 'zh-CN' },
    });
    expect(click).toHaveBeenCalled();
    expect(result.current.state).toEqual({ status: 'done', ok: true, message: '已下载 station-630202002214.svg，用浏览器打开即可打印。' });
  });

  it('H5: a refusal keeps the contract error', async () => {
    process.env.TARO_ENV = 'h5';
    saveSession(loginAnswer({ role: 'villager' }));
    const body = { error: { code: 'NOT_FOUND', message: 'Station not found', requestId: 'r1' } };
    Object.assign(globalThis, { fetch: jest.fn().mockResolvedValue({ ok: false, status: 404, json: async () => body }) });
    await expect(downloadPoster({ id: station.id, code: station.code })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404, requestId: 'r1' });
  });

  it('signed out: fails before sending anything', async () => {
    process.env.TARO_ENV = 'weapp';
    const download = jest.spyOn(Taro, 'downloadFile');
    const { result } = renderHook(() => usePosterDownload({ id: station.id, code: station.code }));
    await act(async () => result.current.start());
    expect(result.current.state).toEqual({ status: 'failed', message: '请先登录。' });
    expect(download).not.toHaveBeenCalled();
  });
});
