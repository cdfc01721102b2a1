/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { EXPERT_FIELDS, type FeedDetail } from '../../../shared/schemas/feeds';
import { useAppointExpert } from '../../../miniprogram/src/hooks/use-appoint-expert';
import { useFeedMoves } from '../../../miniprogram/src/hooks/use-feed-moves';
import { ApiError } from '../../../miniprogram/src/services/api';
import { actionsFor, EXPERT_FIELD_LIST, latestReason, moveErrorText } from '../../../miniprogram/src/services/feed-publish';

const apiError = (status: number, code: string) => new ApiError({ status, code, message: code, requestId: 'r1' });
const label = (you: boolean, name: string | null = null) => ({ name, role: 'county_admin', idTail: 'ab12', you });

function item(overrides: Partial<FeedDetail> = {}): FeedDetail {
  return {
    id: 'fd1',
    title: '暴雪预警',
    excerpt: '未来三天有暴雪',
    lang: 'zh',
    langs: ['zh'],
    category: 'weather_alert',
    regionCode: '630202',
    areaTypes: null,
    urgent: true,
    pinned: false,
    requiresAck: true,
    expiresAt: null,
    publishedAt: null,
    thumbnailUrl: null,
    body: '未来三天有暴雪',
    images: [],
    status: 'IN_REVIEW',
    author: label(false, '乐都区管理员'),
    translations: { zh: { title: '暴雪预警', body: '未来三天有暴雪' } },
    ackCount: 0,
    history: [],
    createdAt: '2026-11-30T01:00:00.000Z',
    ...overrides,
  };
}

const haidong = { role: 'prefecture_admin' as const, regionCode: '6302' };
const yushu = { role: 'prefecture_admin' as const, regionCode: '6327' };
const expert = { role: 'expert' as const, regionCode: '630202' };

describe('what an item offers its viewer', () => {
  it.each([
    ['the author of a draft: edit and submit', expert, item({ status: 'DRAFT', author: label(true) }), { edit: true, moves: ['submit'] }],
    ['the author of a rejected item: edit and submit', expert, item({ status: 'REJECTED', author: label(true) }), { edit: true, moves: ['submit'] }],
    ['a reviewer over its region, in review: publish or reject', haidong, item(), { edit: false, moves: ['publish', 'reject'] }],
    ['an admin who wrote it, in review: nothing (another admin reviews it)', haidong, item({ author: label(true) }), { edit: false, moves: [] }],
    ['an admin of another region: nothing', yushu, item(), { edit: false, moves: [] }],
    ['a reviewer, once published: retract', haidong, item({ status: 'PUBLISHED' }), { edit: false, moves: ['retract'] }],
    ['anyone, once retracted: nothing', haidong, item({ status: 'RETRACTED' }), { edit: false, moves: [] }],
  ])('%s', (_name, viewer, feed, expected) => {
    expect(actionsFor(viewer, feed)).toEqual(expected);
  });

  it('shows the reason of the latest rejection, none once it is in review again', () => {
    const history = [
      { status: 'REJECTED' as const, by: label(false), at: '2026-11-30T02:00:00.000Z', reason: '图片不清楚' },
      { status: 'IN_REVIEW' as const, by: label(true), at: '2026-11-30T03:00:00.000Z', reason: null },
      { status: 'REJECTED' as const, by: label(false), at: '2026-11-30T04:00:00.000Z', reason: '请写明用量' },
    ];
    expect(latestReason(item({ status: 'REJECTED', history }))).toBe('请写明用量');
    expect(latestReason(item({ status: 'IN_REVIEW', history: history.slice(0, 2) }))).toBeNull();
  });

  it('keeps the rejection reason after the author edits the rejected item (an edit records the status it stayed in)', () => {
    const history = [
      { status: 'REJECTED' as const, by: label(false), at: '2026-11-30T04:00:00.000Z', reason: '请写明用量' },
      { status: 'REJECTED' as const, by: label(true), at: '2026-11-30T05:00:00.000Z', reason: null, edited: true },
    ];
    expect(latestReason(item({ status: 'REJECTED', history }))).toBe('请写明用量');
  });

  it('words a refusal: 409 moved meanwhile, 403 on an own item, 404 out of reach', () => {
    expect(moveErrorText(apiError(409, 'CONFLICT'), false)).toContain('刚被别人改变');
    expect(moveErrorText(apiError(403, 'FORBIDDEN'), true)).toBe('你写的信息不能自己审核，需由本地区的其他管理员审核。');
    expect(moveErrorText(apiError(404, 'NOT_FOUND'), false)).toBe('没有找到这条信息，或它不在你的管辖范围内。');
    expect(moveErrorText(apiError(0, 'NETWORK_ERROR'), false)).toBe('网络连接失败，请检查网络后重试。');
  });

  it('knows the same expert fields as the API', () => {
    expect([...EXPERT_FIELD_LIST]).toEqual([...EXPERT_FIELDS]);
  });
});

describe('useFeedMoves', () => {
  function render(send: jest.Mock) {
    const onMoved = jest.fn();
    const onStale = jest.fn();
    const hook = renderHook(() => useFeedMoves('fd1', false, onMoved, onStale, send));
    return { result: hook.result, onMoved, onStale };
  }

  it('publishes at once and hands over the item as it is now', async () => {
    const send = jest.fn().mockResolvedValue(item({ status: 'PUBLISHED' }));
    const { result, onMoved } = render(send);
    await act(() => result.current.start('publish'));
    expect(send).toHaveBeenCalledWith('fd1', 'publish', undefined);
    expect(onMoved).toHaveBeenCalledWith(expect.objectContaining({ status: 'PUBLISHED' }));
    expect(result.current.state).toEqual({ status: 'done', action: 'publish' });
  });

  it('asks for a reason before rejecting, and sends it trimmed', async () => {
    const send = jest.fn().mockResolvedValue(item({ status: 'REJECTED' }));
    const { result } = render(send);
    await act(() => result.current.start('reject'));
    expect(result.current.reasonError).toBe('请写明原因（2 到 200 个字）。');
    expect(send).not.toHaveBeenCalled();
    act(() => result.current.setReason('  图片不清楚 '));
    await act(() => result.current.start('reject'));
    expect(send).toHaveBeenCalledWith('fd1', 'reject', '图片不清楚');
  });

  it('retracts only after a confirm; cancelling sends nothing', async () => {
    const send = jest.fn().mockResolvedValue(item({ status: 'RETRACTED' }));
    const { result } = render(send);
    act(() => result.current.setReason('内容已过时'));
    await act(() => result.current.start('retract'));
    expect(result.current.state).toEqual({ status: 'confirming' });
    act(() => result.current.cancel());
    expect(send).not.toHaveBeenCalled();
    await act(() => result.current.start('retract'));
    await act(() => result.current.confirmRetract());
    expect(send).toHaveBeenCalledWith('fd1', 'retract', '内容已过时');
    expect(result.current.state).toEqual({ status: 'done', action: 'retract' });
  });

  it('on 409 says someone else moved it first and reloads the item', async () => {
    const send = jest.fn().mockRejectedValue(apiError(409, 'CONFLICT'));
    const { result, onStale, onMoved } = render(send);
    await act(() => result.current.start('publish'));
    expect(result.current.state).toEqual({ status: 'failed', message: expect.stringContaining('刚被别人改变'), requestId: undefined });
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(onMoved).not.toHaveBeenCalled();
  });
});

describe('useAppointExpert', () => {
  const answer = { user: { id: 'u1', role: 'expert', regionCode: '630202', expertField: 'livestock' } };

  it('reads the account code, asks for a field, and names the result', async () => {
    const send = jest.fn().mockResolvedValue(answer);
    const { result } = renderHook(() => useAppointExpert('630202', send));
    act(() => result.current.setPerson('1234 5678'));
    await act(() => result.current.submit('乐都区'));
    expect(result.current.fieldErrors.field).toBe('请选择专业领域。');
    expect(send).not.toHaveBeenCalled();
    act(() => result.current.setField('livestock'));
    await act(() => result.current.submit('乐都区'));
    expect(send).toHaveBeenCalledWith({ accountCode: '12345678' }, 'livestock', '630202');
    expect(result.current.state).toEqual({ status: 'done', userId: 'u1', message: '已任命 u1 为乐都区的畜牧专家。' });
    expect(result.current.person).toBe('');
  });

  it('a used code, an officer or someone elsewhere: one neutral 404 text', async () => {
    const send = jest.fn().mockRejectedValue(apiError(404, 'NOT_FOUND'));
    const { result } = renderHook(() => useAppointExpert('6302', send));
    act(() => {
      result.current.setPerson('12345678');
      result.current.setField('crops');
      result.current.setRegion('630202');
    });
    await act(() => result.current.submit('乐都区'));
    expect(send).toHaveBeenCalledWith({ accountCode: '12345678' }, 'crops', '630202');
    expect(result.current.state).toEqual({ status: 'failed', message: expect.stringContaining('没有找到可以任命的人'), requestId: undefined });
  });
});
