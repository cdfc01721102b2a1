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
