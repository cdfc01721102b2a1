/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import fc from 'fast-check';
import { ACCOUNT_CODE_QR_PREFIX as SHARED_PREFIX, userId as userIdSchema } from '../../../shared/schemas/accounts';
import { ACCOUNT_CODE_QR_PREFIX } from '../../../miniprogram/src/services/account-code';
import { useAppointOfficer } from '../../../miniprogram/src/hooks/use-appoint-officer';
import { useStationOfficers } from '../../../miniprogram/src/hooks/use-station-officers';
import { ApiError } from '../../../miniprogram/src/services/api';
import { isUserId, officerLabel, type OfficerAdminApi } from '../../../miniprogram/src/services/officer-admin';
import { station } from './fixtures';

const apiError = (status: number, code: string, requestId = 'r1') => new ApiError({ status, code, message: code, requestId });

function fakeApi(overrides: Partial<OfficerAdminApi> = {}): jest.Mocked<OfficerAdminApi> {
  return {
    findStation: jest.fn().mockResolvedValue(station),
    appoint: jest.fn().mockResolvedValue({ user: { id: 'u1', role: 'officer', stationId: station.id } }),
    listOfficers: jest.fn().mockResolvedValue({ items: [{ id: 'u1', name: '土桥村信息员' }, { id: 'u2' }], nextCursor: null }),
    remove: jest.fn().mockResolvedValue({ user: { id: 'u1', role: 'villager' } }),
    scan: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  } as jest.Mocked<OfficerAdminApi>;
}

describe('useAppointOfficer', () => {
  async function submit(api: OfficerAdminApi, code = ' 630202002214 ', user = ' u1 ') {
    const hook = renderHook(() => useAppointOfficer(api));
    act(() => {
      hook.result.current.setStationCode(code);
      hook.result.current.setPerson(user);
    });
    await act(() => hook.result.current.submit());
    return hook.result;
  }

  it('resolves the station code to its id, appoints, and names the officer and the station', async () => {
    const api = fakeApi();
    const result = await submit(api);
    expect(api.findStation).toHaveBeenCalledWith('630202002214');
    expect(api.appoint).toHaveBeenCalledWith(station.id, { userId: 'u1' });
    expect(result.current.state).toEqual({ status: 'done', userId: 'u1', message: '已任命 u1 为土桥村益农信息社的信息员。' });
    expect(result.current.person).toBe('');
    expect(result.current.stationCode).toBe(' 630202002214 ');
  });

  it('checks both fields before calling anything', async () => {
    const api = fakeApi();
    const result = await submit(api, '6302-02', 'not an id');
    expect(result.current.fieldErrors).toEqual({
      stationCode: '站点编码只能是 1 到 32 位字母或数字。',
      person: '请输入对方出示的 8 位账号码，或 1 到 40 位的用户编号。',
    });
    expect(api.findStation).not.toHaveBeenCalled();
    act(() => result.current.setPerson('u1'));
    expect(result.current.fieldErrors.person).toBeUndefined();
    expect(result.current.fieldErrors.stationCode).toBeDefined();
  });

  it.each([
    ['an unknown station code', { findStation: jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND')) }, '没有找到这个站点编码，请核对后再试。'],
    [
      'a typo, an expired code or a person outside the region (one neutral text)',
      { appoint: jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND')) },
      '没有找到可以任命的人：请核对账号码（10 分钟内有效，只能用一次）或用户编号；也可能站点或此人不在你的管辖范围内。',
    ],
    ['an admin or expert', { appoint: jest.fn().mockRejectedValue(apiError(409, 'CONFLICT')) }, '这个用户是管理员或专家，不能任命为信息员。'],
    ['bad input', { appoint: jest.fn().mockRejectedValue(apiError(400, 'VALIDATION_FAILED')) }, '站点编码或账号码格式不对，请核对后再试。'],
    ['an admin without a region', { appoint: jest.fn().mockRejectedValue(apiError(403, 'FORBIDDEN')) }, '你的账号没有绑定管辖地区，不能管理信息员。'],
    ['a network failure', { appoint: jest.fn().mockRejectedValue(apiError(0, 'NETWORK_ERROR')) }, '网络连接失败，请检查网络后重试。'],
  ])('explains %s', async (_name, overrides, message) => {
    const result = await submit(fakeApi(overrides));
    expect(result.current.state).toEqual({ status: 'failed', message, requestId: undefined });
  });

  it.each([
    ['1234 5678', '12345678'],
    ['１２３４－５６７８', '12345678'],
    ['yinong-account:87654321', '87654321'],
  ])('reads %s as the account code %s', async (typed, accountCode) => {
    const api = fakeApi();
    await submit(api, '630202002214', typed);
    expect(api.appoint).toHaveBeenCalledWith(station.id, { accountCode });
  });

  it('reads the QR code the server draws (the same prefix as shared/)', () => {
    expect(ACCOUNT_CODE_QR_PREFIX).toBe(SHARED_PREFIX);
  });

  it('fills the field from a scanned account QR code, and refuses a QR code that is not one', async () => {
    const api = fakeApi({ scan: jest.fn().mockResolvedValueOnce('yinong-account:87654321').mockResolvedValueOnce('630202002214') });
    const hook = renderHook(() => useAppointOfficer(api));
    await act(() => hook.result.current.scan());
    expect(hook.result.current.person).toBe('87654321');
    await act(() => hook.result.current.scan());
    expect(hook.result.current.fieldErrors.person).toBe('扫到的不是账号码，请扫描对方“我的”页面上的账号码。');
  });

  it('keeps the request id of a server error for support', async () => {
    const result = await submit(fakeApi({ appoint: jest.fn().mockRejectedValue(apiError(500, 'INTERNAL', 'req-7')) }));
    expect(result.current.state).toMatchObject({ status: 'failed', requestId: 'req-7' });
  });
});

describe('useStationOfficers', () => {
  async function loaded(api: OfficerAdminApi, code = '630202002214') {
    const hook = renderHook(() => useStationOfficers(api));
    act(() => hook.result.current.setStationCode(code));
    await act(() => hook.result.current.load());
    return hook.result;
  }

  it("lists the station's officers by its code", async () => {
    const api = fakeApi();
    const result = await loaded(api);
    expect(api.listOfficers).toHaveBeenCalledWith(station.id);
    expect(result.current.list).toMatchObject({ status: 'ready', station: { villageName: '土桥村' }, officers: [{ id: 'u1' }, { id: 'u2' }] });
  });

  it('removes an officer only after the confirmation, and drops them from the list', async () => {
    const api = fakeApi();
    const result = await loaded(api);
    act(() => result.current.askRemove('u1'));
    expect(result.current.confirming).toBe('u1');
    expect(api.remove).not.toHaveBeenCalled();
    act(() => result.current.cancelRemove());
    expect(result.current.confirming).toBeUndefined();

    act(() => result.current.askRemove('u1'));
    await act(() => result.current.confirmRemove({ id: 'u1', name: '土桥村信息员' }));
    expect(api.remove).toHaveBeenCalledWith('u1');
    expect(result.current.list).toMatchObject({ status: 'ready', officers: [{ id: 'u2' }] });
    expect(result.current.notice).toEqual({ kind: 'done', message: '已撤销 土桥村信息员（u1） 的信息员身份。' });
    expect(result.current.removing).toBeUndefined();
  });

  it('says so when the officer is no longer one of the region', async () => {
    const api = fakeApi({ remove: jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND')) });
    const result = await loaded(api);
    await act(() => result.current.confirmRemove({ id: 'u2' }));
    expect(result.current.notice).toEqual({ kind: 'failed', message: '这个用户已不是你管辖范围内的信息员。' });
    expect(result.current.list).toMatchObject({ officers: [{ id: 'u1' }, { id: 'u2' }] });
  });

  it.each([
    ['an unknown code', { findStation: jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND')) }, '没有找到这个站点编码，请核对后再试。'],
    ['a station outside the region', { listOfficers: jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND')) }, '这个站点不在你的管辖范围内。'],
  ])('explains %s', async (_name, overrides, message) => {
    const result = await loaded(fakeApi(overrides));
    expect(result.current.list).toMatchObject({ status: 'failed', message });
  });

  it('checks the code before calling anything', async () => {
    const api = fakeApi();
    const result = await loaded(api, 'bad code');
    expect(result.current.fieldError).toBe('站点编码只能是 1 到 32 位字母或数字。');
    expect(api.findStation).not.toHaveBeenCalled();
  });
});

describe('officer-admin helpers', () => {
  it('the user id rule agrees with the shared zod schema', () => {
    fc.assert(fc.property(fc.string({ maxLength: 48 }), (text) => isUserId(text) === userIdSchema.safeParse(text).success));
    for (const sample of ['u0123456789abcdef0123', 'a_b-c', '', 'x'.repeat(41), 'a b']) {
      expect([sample, isUserId(sample)]).toEqual([sample, userIdSchema.safeParse(sample).success]);
    }
  });

  it('names an officer by name and id, or id alone', () => {
    expect(officerLabel({ id: 'u1', name: '卓玛' })).toBe('卓玛（u1）');
    expect(officerLabel({ id: 'u1' })).toBe('u1');
  });
});
