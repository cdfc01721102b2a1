import type { StationOfficersResponse, UserProfile } from '@shared/schemas/accounts';
import type { StationProfile } from '@shared/schemas/stations';
import { USER_ID_PATTERN } from './account-code';
import Taro from '@tarojs/taro';
import { errorText, t } from '../i18n/staff';
import { appointOfficer, getStationByCode, getStationOfficers, removeOfficer, type ApiError, type PersonRef } from './api';

/** The calls behind the admin's officer forms; tests pass fakes. */
export interface OfficerAdminApi {
  findStation: (code: string) => Promise<StationProfile>;
  appoint: (stationId: string, person: PersonRef) => Promise<{ user: UserProfile }>;
  listOfficers: (stationId: string) => Promise<StationOfficersResponse>;
  remove: (userId: string) => Promise<{ user: UserProfile }>;
  /** The text of a QR code the admin scans (the villager's account code); undefined when cancelled. */
  scan: () => Promise<string | undefined>;
}

async function scanText(): Promise<string | undefined> {
  try {
    return (await Taro.scanCode({ scanType: ['qrCode'] })).result;
  } catch {
    // Cancelled, or no camera permission: nothing to report.
    return undefined;
  }
}

export const officerAdminApi: OfficerAdminApi = {
  findStation: getStationByCode,
  appoint: appointOfficer,
  listOfficers: getStationOfficers,
  remove: removeOfficer,
  scan: scanText,
};

export function isUserId(value: string): boolean {
  return USER_ID_PATTERN.test(value);
}

/** How an officer is named in messages: their name with the id, or the id alone. */
export function officerLabel(user: { id: string; name?: string }): string {
  return user.name ? `${user.name}（${user.id}）` : user.id;
}

/** Step of a form that failed: the code lookup, or the admin call itself. */
export type OfficerAdminStep = 'station' | 'appoint' | 'list' | 'remove';

/**
 * The admin's words for a failure. The server answers 404 for anything outside the admin's region
 * exactly as for something missing (it never reveals what exists elsewhere), so the texts say
 * "not found or not yours" rather than guessing which.
 */
export function officerAdminErrorText(step: OfficerAdminStep, error: ApiError): string {
  if (error.code === 'NOT_FOUND') {
    if (step === 'station') return t('admin.error.stationNotFound');
    if (step === 'appoint') return t('admin.error.personNotFound');
    if (step === 'list') return t('admin.error.stationOutOfRegion');
    return t('admin.error.notAnOfficer');
  }
  if (error.code === 'VALIDATION_FAILED') return step === 'station' ? t('admin.stationCodeInvalid') : t('admin.error.invalid');
  if (error.code === 'CONFLICT' && step === 'appoint') return t('admin.error.conflict');
  if (error.code === 'FORBIDDEN') return t('admin.error.forbidden');
  return errorText(error.code);
}
