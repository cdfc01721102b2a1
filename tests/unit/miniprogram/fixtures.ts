import type { LoginResponse, MeResponse, UserProfile } from '../../../shared/schemas/accounts';
import type { StationProfile } from '../../../shared/schemas/stations';

/** 土桥村 (碾伯镇, 乐都区, 海东市): shaped like the API's answer. */
export const station: StationProfile = {
  id: 'st0123456789abcdef0123',
  code: '630202002214',
  villageName: '土桥村',
  villageOfficialName: '土桥村村委会',
  villageCode: '630202002214',
  villageKind: 'village',
  type: 'standard',
  regionChain: [
    { code: '63', name: '青海省', level: 'province' },
    { code: '6302', name: '海东市', level: 'prefecture' },
    { code: '630202', name: '乐都区', level: 'county' },
    { code: '630202002', name: '碾伯镇', level: 'township' },
  ],
  services: [
    { key: 'information', available: true },
    { key: 'convenience', available: true },
    { key: 'ecommerce', available: false },
    { key: 'training', available: true },
  ],
  capabilities: { billPayment: true, cashWithdrawal: true, parcelPickup: false, produceSelling: false, training: true },
  openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }],
  openNow: null,
  location: null,
  officerName: null,
  phoneMasked: null,
};

export function errorBody(code: string, message = code, requestId = 'req-123') {
  return { error: { code, message, requestId } };
}

/** What POST /auth/login answers: user `u0123456789` with `fields`, valid for an hour unless given. */
export function loginAnswer(
  fields: Partial<Omit<UserProfile, 'id'>> = {},
  expiresAt = new Date(Date.now() + 3_600_000).toISOString(),
  token = 'token-abc',
): LoginResponse {
  return { token, expiresAt, user: { id: 'u0123456789', role: 'villager', ...fields } };
}

/** GET /me for the officer of 土桥村. */
export const officerMe: MeResponse = {
  user: { id: 'u0123456789', role: 'officer', stationId: station.id, name: '土桥村信息员' },
  station: { id: station.id, code: station.code, villageName: '土桥村', regionNames: ['青海省', '海东市', '乐都区', '碾伯镇'] },
};

/** GET /me for the province admin. */
export const adminMe: MeResponse = {
  user: { id: 'uadmin000001', role: 'province_admin', regionCode: '63', name: '青海省管理员' },
  region: { code: '63', name: '青海省', level: 'province' },
};

/** GET /me for a villager without a name. */
export const villagerMe: MeResponse = { user: { id: 'u0123456789', role: 'villager' } };
