/** @jest-environment jsdom */
import { OFFICER_EDITABLE_FIELDS, phoneNumber, StationUpdateRequest } from '../../../shared/schemas/stations';
import { ApiError } from '../../../miniprogram/src/services/api';
import {
  buildUpdate,
  draftFromStation,
  EDIT_FIELDS,
  OFFICER_FIELDS,
  PHONE_PATTERN,
  saveErrorText,
  type StationDraft,
} from '../../../miniprogram/src/services/station-edit';
import { station as base } from './fixtures';

const station = { ...base, location: { lat: 36.502524, lng: 102.389715 }, phoneMasked: '0972-***0836' };
const draft = (change: Partial<StationDraft> = {}): StationDraft => ({ ...draftFromStation(station), ...change });

describe('draftFromStation', () => {
  it('starts from the profile; the phone field is empty (only the masked number is known)', () => {
    expect(draftFromStation(station)).toEqual({
      type: 'standard',
      capabilities: station.capabilities,
      hours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }],
      lat: '36.502524',
      lng: '102.389715',
      phone: '',
      clearPhone: false,
    });
  });
});

describe('buildUpdate', () => {
  it('sends nothing when nothing changed', () => {
    expect(buildUpdate(station, draft(), 'admin')).toEqual({ body: {}, errors: {} });
  });

  it('sends only what changed, normalised', () => {
    const { body, errors } = buildUpdate(
      station,
      draft({ hours: [{ days: [7, 6], open: '9:30', close: '1600' }], phone: ' 138 0013 8000 ' }),
      'officer',
    );
    expect(errors).toEqual({});
    expect(body).toEqual({ openingHours: [{ days: [6, 7], open: '09:30', close: '16:00' }], phone: '13800138000' });
    expect(StationUpdateRequest.safeParse(body).success).toBe(true);
  });

  it('never sends type or capabilities for an officer, and does for an admin', () => {
    const changed = draft({ type: 'simple', capabilities: { ...station.capabilities, parcelPickup: true } });
    expect(buildUpdate(station, changed, 'officer').body).toEqual({});
    expect(buildUpdate(station, changed, 'admin').body).toEqual({ type: 'simple', capabilities: { ...station.capabilities, parcelPickup: true } });
  });

  it('treats coordinates equal to six decimals as unchanged, empty ones as "no location"', () => {
    expect(buildUpdate(station, draft({ lat: '36.5025240001' }), 'officer').body).toEqual({});
    expect(buildUpdate(station, draft({ lat: ' ', lng: '' }), 'officer').body).toEqual({ location: null });
    expect(buildUpdate(station, draft({ lat: '36.48', lng: '102.4' }), 'officer').body).toEqual({ location: { lat: 36.48, lng: 102.4 } });
  });

  it('removes the phone only when asked and when there is one', () => {
    expect(buildUpdate(station, draft({ clearPhone: true }), 'officer').body).toEqual({ phone: null });
    expect(buildUpdate({ ...station, phoneMasked: null }, draft({ clearPhone: true }), 'officer').body).toEqual({});
  });

  it('names every mistake by its place in the form', () => {
    const { errors } = buildUpdate(
      station,
      draft({
        hours: [
          { days: [], open: '25:00', close: '18:00' },
          { days: [1], open: '18:00', close: '09:00' },
        ],
        lat: '91',
        lng: 'east',
        phone: '12345',
      }),
      'admin',
    );
    expect(Object.keys(errors).sort()).toEqual(['hours.0.days', 'hours.0.open', 'hours.1.close', 'lat', 'lng', 'phone']);
    expect(errors['hours.1.close']).toBe('关门时间要晚于开门时间。');
  });

  it('knows the fields of the contract', () => {
    expect([...OFFICER_FIELDS].sort()).toEqual([...OFFICER_EDITABLE_FIELDS].sort());
    // Every field the form may send is one the strict body accepts.
    for (const field of EDIT_FIELDS) expect(Object.keys(StationUpdateRequest.def.shape ?? {})).toContain(field);
  });

  it.each(['13800138000', '0972-8612345', '09728612345', '010-12345678', '1380013800', '0972-861234', '23800138000', '138001380001'])(
    'checks a phone number like the API: %p',
    (phone) => {
      expect(PHONE_PATTERN.test(phone)).toBe(phoneNumber.safeParse(phone).success);
    },
  );
});

describe('saveErrorText', () => {
  it('names the fields an officer may not change (403 with details)', () => {
    const error = new ApiError({
      status: 403,
      code: 'FORBIDDEN',
      message: 'no',
      details: [
        { path: 'body.type', message: 'only an administrator may change this' },
        { path: 'body.capabilities', message: 'only an administrator may change this' },
      ],
    });
    expect(saveErrorText(error, 'officer')).toBe('这些内容只有管理员可以修改：站点类型、服务能力。');
  });

  it('explains a conflict, a station out of reach and the rest', () => {
    expect(saveErrorText(new ApiError({ status: 409, code: 'CONFLICT', message: '' }), 'admin')).toBe('站点信息刚被别人修改过。请重新加载后再改。');
    expect(saveErrorText(new ApiError({ status: 404, code: 'NOT_FOUND', message: '' }), 'admin')).toBe('这个站点不在你的管辖范围内。');
    expect(saveErrorText(new ApiError({ status: 404, code: 'NOT_FOUND', message: '' }), 'officer')).toBe('你已不是这个站点的信息员。');
    expect(saveErrorText(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' }), 'officer')).toBe('网络连接失败，请检查网络后重试。');
    expect(
      saveErrorText(
        new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '', details: [{ path: 'body.openingHours.0.close', message: 'x' }] }),
        'officer',
      ),
    ).toBe('这些内容没有通过检查：营业时间。');
  });
});
