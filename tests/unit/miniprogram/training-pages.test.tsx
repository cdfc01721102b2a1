/** @jest-environment jsdom */
/**
 * Training (培训体验, issue 15): the pages of packages/training through the real API client with
 * Taro.request answered by route: a station's sessions, a session (sign up, withdraw, the officer's
 * cancel with a reason and a confirm), the schedule form (China's times to instants), the attendance page
 * (QR code, check in a person without a phone) and the page the QR code opens (checked in, once).
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Training, TrainingAttendance } from '../../../shared/schemas/training';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import TrainingListPage from '../../../miniprogram/src/packages/training/pages/index/index';
import TrainingSessionPage from '../../../miniprogram/src/packages/training/pages/session/index';
import TrainingEditPage from '../../../miniprogram/src/packages/training/pages/edit/index';
import TrainingAttendancePage from '../../../miniprogram/src/packages/training/pages/attendance/index';
import TrainingCheckinPage from '../../../miniprogram/src/packages/training/pages/checkin/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { chinaInstant, parseCheckinQr, requestOf, emptyDraft } from '../../../miniprogram/src/services/training-form';
import { errorBody, loginAnswer, station } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const ID = 'tr0123456789abcdef01234567';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const HOUSEHOLD = 'hh0123456789abcdef01234567';
const nameField = () => byId('training-person-name').querySelector('input')?.value ?? byId('training-person-name').getAttribute('value');
const bodyOf = (options: RequestOptions) => (typeof options.data === 'string' ? JSON.parse(options.data) : options.data);

const session = (fields: Partial<Training> = {}): Training => ({
  id: ID,
  stationId: station.id,
  stationName: '土桥村',
  title: '手机上网课',
  topic: 'phone_skills',
  trainer: '李老师',
  startsAt: '2099-12-01T02:00:00.000Z',
  endsAt: '2099-12-01T04:00:00.000Z',
  capacity: 30,
  signedUpCount: 3,
  attendedCount: 0,
  status: 'SCHEDULED',
  cancelReason: null,
  checkinOpensAt: '2099-12-01T01:30:00.000Z',
  mine: { signedUp: false, checkedInAt: null },
  ...fields,
});

const attendance = (fields: Partial<TrainingAttendance> = {}): TrainingAttendance => ({
  training: session(),
  qr: {
    text: `yinong:training:${ID}:${TOKEN}`,
    link: `/packages/training/pages/checkin/index?id=${ID}&t=${TOKEN}`,
    image: 'data:image/svg+xml;base64,AA',
    validFrom: '2099-12-01T01:30:00.000Z',
    validUntil: '2099-12-01T04:00:00.000Z',
  },
  people: [
    {
      signupId: 'a'.repeat(24),
      name: '卓玛',
      phoneMasked: '139****5678',
      signedUpBy: 'officer',
      signedUpAt: '2099-11-30T01:00:00.000Z',
      checkedInAt: null,
      checkedInBy: null,
    },
    {
      signupId: null,
      name: '多杰',
      phoneMasked: null,
      signedUpBy: null,
      signedUpAt: null,
      checkedInAt: '2099-12-01T02:05:00.000Z',
      checkedInBy: 'qr',
    },
  ],
  history: [{ at: '2099-11-29T01:00:00.000Z', action: 'updated', fields: ['capacity'], by: '王主任' }],
  ...fields,
});

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
  saveSession(loginAnswer({ role: 'villager' }));
});

afterEach(() => jest.restoreAllMocks());

describe('the schedule form’s times', () => {
  it('turns a China date and time into the instant (UTC+8) and refuses impossible ones', () => {
    expect(chinaInstant('2026-12-01', '10:00')).toBe('2026-12-01T02:00:00.000Z');
    expect(chinaInstant('2026-12-01', '07:30')).toBe('2026-11-30T23:30:00.000Z');
    expect([chinaInstant('2026-02-30', '10:00'), chinaInstant('2026-12-01', '24:00'), chinaInstant('12/01', '10:00')]).toEqual([null, null, null]);
    const draft = { ...emptyDraft(), title: ' ', endTime: '09:00', capacity: '0' };
    expect(requestOf(draft, station.id)).toEqual({ ok: false, problems: ['title', 'order', 'capacity'] });
    expect(parseCheckinQr(`yinong:training:${ID}:${TOKEN}`)).toEqual({ id: ID, token: TOKEN });
    expect(parseCheckinQr('yinong:pickup:st1:123456')).toBeNull();
  });
});

describe('a station’s sessions', () => {
  it('lists the upcoming ones with time and seats, more on demand, the ended ones on their tab; its officer may schedule', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ stationId: station.id, name: encodeURIComponent('土桥村') });
    const second = session({ id: 'tr00000000000000000000000b', title: '网上卖货', topic: 'selling_online', status: 'CANCELLED' });
    routes({
      [`GET /trainings?stationId=${station.id}&when=upcoming`]: ok({ items: [session()], nextCursor: 'c1' }),
      [`GET /trainings?stationId=${station.id}&when=upcoming&cursor=c1`]: ok({ items: [second], nextCursor: null }),
      [`GET /trainings?stationId=${station.id}&when=past`]: ok({ items: [], nextCursor: null }),
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<TrainingListPage />);
    await waitFor(() => byId(`training-${ID}`));
    expect(byId('training-list').textContent).toContain('土桥村的培训');
    expect(byId(`training-${ID}`).textContent).toContain('手机使用 · 手机上网课');
    expect(byId(`training-${ID}`).textContent).toContain('2099-12-01 10:00 至 12:00 · 已报名 3/30');
    fireEvent.click(button('training-more'));
    await waitFor(() => byId('training-tr00000000000000000000000b'));
    expect(byId('training-tr00000000000000000000000b').textContent).toContain('已取消');
    fireEvent.click(byId(`training-${ID}`));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/training/pages/session/index?id=${ID}` });
    fireEvent.click(button('training-schedule'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/training/pages/edit/index?stationId=${station.id}` });
    fireEvent.click(byId('training-when-past'));
    await waitFor(() => byId('training-empty'));
    expect(byId('training-empty').textContent).toContain('还没有结束的培训');
  });

  it('a villager sees no schedule button', async () => {
    setRouterParams({ stationId: station.id });
    routes({ [`GET /trainings?stationId=${station.id}&when=upcoming`]: ok({ items: [], nextCursor: null }) });
    render(<TrainingListPage />);
    await waitFor(() => byId('training-empty'));
    expect(exists('training-schedule')).toBe(false);
  });
});

describe('a session', () => {
  it('a villager signs up, sees it, and withdraws', async () => {
    setRouterParams({ id: ID });
    const signUp = jest.fn(() => ok(session({ signedUpCount: 4, mine: { signedUp: true, checkedInAt: null } })));
    routes({
      [`GET /trainings/${ID}`]: ok(session()),
      [`POST /trainings/${ID}/signups`]: signUp,
      [`DELETE /trainings/${ID}/signups/mine`]: ok(session({ mine: { signedUp: false, checkedInAt: null } })),
    });
    render(<TrainingSessionPage />);
    await waitFor(() => byId('training-session'));
    expect(byId('training-time').textContent).toContain('2099-12-01 10:00 至 12:00');
    expect(byId('training-seats').textContent).toContain('3/30 人');
    expect(exists('training-manage')).toBe(false);
    fireEvent.click(button('training-sign-up'));
    await waitFor(() => byId('training-signed-up'));
    expect(signUp).toHaveBeenCalledTimes(1);
    expect(byId('training-seats').textContent).toContain('4/30 人');
    fireEvent.click(button('training-withdraw'));
    await waitFor(() => byId('training-sign-up'));
  });

  it('a full session says so; a cancelled one shows its reason and takes no one; a refusal is shown by its code', async () => {
    setRouterParams({ id: ID });
    routes({ [`GET /trainings/${ID}`]: ok(session({ status: 'CANCELLED', cancelReason: '下雪路断' })) });
    const { unmount } = render(<TrainingSessionPage />);
    await waitFor(() => byId('training-cancelled'));
    expect(byId('training-cancelled').textContent).toContain('这次培训已取消：下雪路断');
    expect(exists('training-sign-up')).toBe(false);
    unmount();
    jest.restoreAllMocks();
    routes({
      [`GET /trainings/${ID}`]: ok(session({ signedUpCount: 29 })),
      [`POST /trainings/${ID}/signups`]: { statusCode: 409, data: errorBody('TRAINING_FULL') },
    });
    render(<TrainingSessionPage />);
    await waitFor(() => byId('training-sign-up'));
    fireEvent.click(button('training-sign-up'));
    await waitFor(() => byId('training-message'));
    expect(byId('training-message').textContent).toBe('没有成功：名额已满。');
  });

  it('signed out: 去登录报名 comes back to the session', async () => {
    resetStorage();
    setRouterParams({ id: ID });
    routes({ [`GET /trainings/${ID}`]: ok(session({ mine: null })) });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<TrainingSessionPage />);
    await waitFor(() => byId('training-sign-in'));
    fireEvent.click(button('training-sign-in'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/me/pages/index/index?returnTo=${encodeURIComponent(`/packages/training/pages/session/index?id=${ID}`)}`,
    });
  });

  it('its officer cancels with a reason after confirming; without confirming nothing is sent', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ id: ID });
    const cancel = jest.fn((options: RequestOptions) => ok(session({ status: 'CANCELLED', cancelReason: bodyOf(options).reason })));
    routes({ [`GET /trainings/${ID}`]: ok(session()), [`POST /trainings/${ID}/cancel`]: cancel });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: '' });
    render(<TrainingSessionPage />);
    await waitFor(() => byId('training-manage'));
    type('training-cancel-reason', '下雪路断');
    fireEvent.click(button('training-cancel'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(modal.mock.calls[0][0]?.content).toContain('已报名的 3 人');
    expect(cancel).not.toHaveBeenCalled();
    fireEvent.click(button('training-cancel'));
    await waitFor(() => byId('training-cancelled'));
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(byId('training-cancelled').textContent).toContain('下雪路断');
  });
});

describe('the schedule form', () => {
  it('sends China’s wall-clock times as instants and opens the new session; mistakes are shown by their field', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ stationId: station.id });
    const create = jest.fn((options: RequestOptions) => ({ statusCode: 201, data: session({ ...bodyOf(options), id: ID }) }));
    routes({ 'POST /trainings': create });
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    render(<TrainingEditPage />);
    fireEvent.click(button('training-save'));
    await waitFor(() => expect(byId('training-title-error').textContent).toContain('请填写课程名称'));
    expect(create).not.toHaveBeenCalled();
    fireEvent.click(byId('training-topic-livestock_disease'));
    type('training-title', '春季防疫');
    type('training-trainer', '赵兽医');
    type('training-date', '2099-03-01');
    type('training-start', '09:30');
    type('training-end', '11:00');
    type('training-capacity', '40');
    fireEvent.click(byId('training-trainer-is-me'));
    fireEvent.click(button('training-save'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/training/pages/session/index?id=${ID}` }));
    expect(bodyOf(create.mock.calls[0][0])).toEqual({
      stationId: station.id,
      topic: 'livestock_disease',
      title: '春季防疫',
      trainer: '赵兽医',
      startsAt: '2099-03-01T01:30:00.000Z',
      endsAt: '2099-03-01T03:00:00.000Z',
      capacity: 40,
      trainerIsMe: true,
    });
  });

  it('editing sends only what changed', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ id: ID });
    const update = jest.fn((options: RequestOptions) => ok(session(bodyOf(options))));
    routes({ [`GET /trainings/${ID}`]: ok(session()), [`PATCH /trainings/${ID}`]: update });
    render(<TrainingEditPage />);
    await waitFor(() => expect((byId('training-title') as HTMLInputElement).value).toBe('手机上网课'));
    type('training-capacity', '50');
    type('training-end', '12:30');
    fireEvent.click(button('training-save'));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(bodyOf(update.mock.calls[0][0])).toEqual({ capacity: 50, endsAt: '2099-12-01T04:30:00.000Z' });
  });
});

describe('签到与名单 (the officer)', () => {
  it('shows the QR code with its window and link, the list, and checks in a signed-up person without a phone', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ id: ID });
    let checkedIn = false;
    const checkIn = jest.fn((_options: RequestOptions) => {
      checkedIn = true;
      return ok({ training: session(), name: '卓玛', checkedInAt: '2099-12-01T02:10:00.000Z', already: false });
    });
    const checkedInPeople = () =>
      attendance().people.map((p, i) => (i === 0 ? { ...p, checkedInAt: '2099-12-01T02:10:00.000Z', checkedInBy: 'officer' as const } : p));
    routes({
      [`GET /trainings/${ID}/attendance`]: () => ok(attendance(checkedIn ? { people: checkedInPeople() } : {})),
      [`GET /stations/${station.id}/households?limit=50`]: ok({ items: [{ id: HOUSEHOLD, headName: '多杰', phoneMasked: null }], nextCursor: null }),
      [`POST /trainings/${ID}/checkins`]: checkIn,
    });
    render(<TrainingAttendancePage />);
    await waitFor(() => byId('training-qr-image'));
    expect(byId('training-qr-link').textContent).toContain(`#/packages/training/pages/checkin/index?id=${ID}&t=${TOKEN}`);
    expect(byId('training-qr').textContent).toContain('2099-12-01 09:30 至 2099-12-01 12:00');
    expect(byId('training-person-0').textContent).toContain('卓玛 139****5678');
    expect(byId('training-person-1-state').textContent).toContain('已签到 10:05 · 现场签到');
    expect(byId('training-history-0').textContent).toContain('王主任 修改了 名额');
    fireEvent.click(button('training-person-0-checkin'));
    await waitFor(() => byId('training-person-0-state'));
    expect(bodyOf(checkIn.mock.calls[0][0])).toEqual({ signupId: 'a'.repeat(24) });
    expect(byId('training-person-0-state').textContent).toContain('已签到 10:10（信息员代签）');
  });

  it('signs up a household member by name and phone', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ id: ID });
    const signUp = jest.fn((_options: RequestOptions) => ({ statusCode: 201, data: session() }));
    routes({
      [`GET /trainings/${ID}/attendance`]: ok(attendance()),
      [`GET /stations/${station.id}/households?limit=50`]: ok({ items: [{ id: HOUSEHOLD, headName: '多杰', phoneMasked: null }], nextCursor: null }),
      [`POST /trainings/${ID}/signups`]: signUp,
    });
    render(<TrainingAttendancePage />);
    await waitFor(() => byId(`training-household-${HOUSEHOLD}`));
    fireEvent.click(byId(`training-household-${HOUSEHOLD}`));
    type('training-person-name', '拉姆');
    type('training-person-phone', '13912345678');
    fireEvent.click(button('training-person-sign-up'));
    await waitFor(() => expect(signUp).toHaveBeenCalledTimes(1));
    expect(bodyOf(signUp.mock.calls[0][0])).toEqual({ householdId: HOUSEHOLD, name: '拉姆', phone: '13912345678' });
  });

  it('without signal a sign-up by name waits on the phone (badge); 立即同步 sends it once with the SAME key and reads the list again', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ id: ID });
    let online = false;
    let listReads = 0;
    const sent: Array<{ key: string; body: unknown }> = [];
    routes({
      [`GET /trainings/${ID}/attendance`]: () => (listReads++, ok(attendance())),
      [`GET /stations/${station.id}/households?limit=50`]: ok({ items: [{ id: HOUSEHOLD, headName: '多杰', phoneMasked: null }], nextCursor: null }),
      [`POST /trainings/${ID}/signups`]: (options: RequestOptions) => {
        sent.push({ key: (options.header as Record<string, string>)['Idempotency-Key'], body: bodyOf(options) });
        if (!online) throw { errMsg: 'request:fail' };
        return { statusCode: 201, data: session({ signedUpCount: 4 }) };
      },
    });
    render(<TrainingAttendancePage />);
    await waitFor(() => byId(`training-household-${HOUSEHOLD}`));
    fireEvent.click(byId(`training-household-${HOUSEHOLD}`));
    type('training-person-name', '拉姆');
    expect(nameField()).toBe('拉姆');
    fireEvent.click(button('training-person-sign-up'));
    await waitFor(() => expect(byId('training-attendance-message').textContent).toBe('没有网络：拉姆的报名已存在手机上，联网后自动补交'));
    expect(byId('officer-queue-badge').textContent).toBe('1 条待同步');
    // The form is cleared for the next person: the queued one is kept on the phone.
    expect(nameField()).toBe('');
    const readsBefore = listReads;

    online = true;
    fireEvent.click(button('officer-queue-retry'));
    await waitFor(() => expect(exists('officer-queue-badge')).toBe(false));
    expect(sent.map((s) => s.body)).toEqual([
      { householdId: HOUSEHOLD, name: '拉姆' },
      { householdId: HOUSEHOLD, name: '拉姆' },
    ]);
    expect(sent[0].key).toMatch(/^signup/);
    expect(sent[1].key).toBe(sent[0].key);
    // Sent: the list is read again (the server decides who is signed up).
    await waitFor(() => expect(listReads).toBeGreaterThan(readsBefore));
  });

  it('a queued check-in the server refuses is listed with its name and reason until dismissed, never dropped', async () => {
    saveSession(loginAnswer({ role: 'officer', stationId: station.id }));
    setRouterParams({ id: ID });
    routes({
      [`GET /trainings/${ID}/attendance`]: ok(attendance()),
      [`GET /stations/${station.id}/households?limit=50`]: ok({ items: [], nextCursor: null }),
      [`POST /trainings/${ID}/checkins`]: () => ({ statusCode: 409, data: errorBody('CHECKIN_CLOSED') }),
    });
    render(<TrainingAttendancePage />);
    await waitFor(() => byId('training-person-0-checkin'));
    fireEvent.click(button('training-person-0-checkin'));
    await waitFor(() => byId('officer-queue-conflicts'));
    expect(byId('officer-queue-conflicts').textContent).toContain('培训签到 卓玛');
    expect(byId('training-attendance-message').textContent).toContain('没有成功');
    expect(exists('officer-queue-badge')).toBe(false);
    const dismiss = document.querySelector('[id^="officer-queue-dismiss-"]') as HTMLElement;
    fireEvent.click(dismiss.querySelector('button') ?? dismiss);
    await waitFor(() => expect(exists('officer-queue-conflicts')).toBe(false));
  });
});

describe('the page the QR code opens', () => {
  it('checks the signed-in person in with the token and says so; again says already', async () => {
    setRouterParams({ id: ID, t: TOKEN });
    let scans = 0;
    const checkIn = jest.fn((_options: RequestOptions) => {
      scans += 1;
      return ok({ training: session(), name: 'you', checkedInAt: '2099-12-01T02:01:00.000Z', already: scans > 1 });
    });
    routes({ [`POST /trainings/${ID}/checkins`]: checkIn });
    const { unmount } = render(<TrainingCheckinPage />);
    await waitFor(() => byId('checkin-result'));
    expect(byId('checkin-result').textContent).toBe('签到成功！');
    expect(bodyOf(checkIn.mock.calls[0][0])).toEqual({ token: TOKEN });
    unmount();
    render(<TrainingCheckinPage />);
    await waitFor(() => byId('checkin-result'));
    expect(byId('checkin-result').textContent).toBe('你已经签到过了（2099-12-01 10:01）。');
  });

  it('outside the window it says the code is not open; signed out it asks to sign in and come back; a broken link says so', async () => {
    setRouterParams({ id: ID, t: TOKEN });
    routes({ [`POST /trainings/${ID}/checkins`]: { statusCode: 409, data: errorBody('CHECKIN_CLOSED') } });
    const first = render(<TrainingCheckinPage />);
    await waitFor(() => byId('checkin-error'));
    expect(byId('checkin-error').textContent).toContain('不在签到时间内');
    first.unmount();
    resetStorage();
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const second = render(<TrainingCheckinPage />);
    await waitFor(() => byId('checkin-sign-in'));
    fireEvent.click(button('checkin-sign-in-button'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/me/pages/index/index?returnTo=${encodeURIComponent(`/packages/training/pages/checkin/index?id=${ID}&t=${TOKEN}`)}`,
    });
    second.unmount();
    setRouterParams({ id: ID });
    render(<TrainingCheckinPage />);
    expect(byId('checkin-error').textContent).toContain('签到链接不完整');
  });
});
