import type { Capabilities, OpeningWindow, StationProfile, StationType, StationUpdateRequest } from '@shared/schemas/stations';
import { errorText, t, type MessageKey } from '../i18n/staff';
import type { ApiError } from './api-error';
import { CLOCK_TIME_PATTERN, normalizeClockTime, normalizeDays } from './opening-hours';

/**
 * The station form of officers and admins, as plain data: a draft made from the profile, checked
 * and turned into the smallest PATCH (only what changed, only what the role may change).
 */

/** Who edits: an officer changes hours, location and phone; an admin also type and capabilities. */
export type EditorRole = 'officer' | 'admin';

/** Field names of the PATCH body, as the API and its history name them. */
export type EditField = keyof StationUpdateRequest;
export const EDIT_FIELDS = ['type', 'capabilities', 'openingHours', 'location', 'phone'] as const satisfies readonly EditField[];
/** A copy of shared OFFICER_EDITABLE_FIELDS (unit tests compare). */
export const OFFICER_FIELDS = ['openingHours', 'location', 'phone'] as const satisfies readonly EditField[];

export const fieldsFor = (role: EditorRole): readonly EditField[] => (role === 'admin' ? EDIT_FIELDS : OFFICER_FIELDS);

export interface HoursDraft {
  days: number[];
  open: string;
  close: string;
}

export interface StationDraft {
  type: StationType;
  capabilities: Capabilities;
  hours: HoursDraft[];
  /** As typed (H5) or picked (WeChat); both empty = no location. */
  lat: string;
  lng: string;
  /** Empty = leave the number as it is (the form only knows the masked one). */
  phone: string;
  /** Remove the station's number. */
  clearPhone: boolean;
}

export const MAX_WINDOWS = 7;
export const DEFAULT_WINDOW: HoursDraft = { days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' };

/** Six decimals: about 10 cm, more than a phone's fix; what the form shows and compares. */
const coordinateText = (value: number) => String(Number(value.toFixed(6)));

export function draftFromStation(station: StationProfile): StationDraft {
  return {
    type: station.type,
    capabilities: { ...station.capabilities },
    hours: station.openingHours.map((window) => ({ days: normalizeDays(window.days), open: window.open, close: window.close })),
    lat: station.location ? coordinateText(station.location.lat) : '',
    lng: station.location ? coordinateText(station.location.lng) : '',
    phone: '',
    clearPhone: false,
  };
}

/** Errors by place in the form: `hours.0.days`, `hours.1.close`, `lat`, `lng`, `phone`. */
export type DraftErrors = Record<string, string>;

/** A copy of shared/schemas/stations.ts `phoneNumber` (unit tests compare). */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const parseCoordinate = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (!/^-?\d{1,3}(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
};

function checkHours(hours: HoursDraft[], errors: DraftErrors): OpeningWindow[] {
  return hours.map((window, index) => {
    const days = normalizeDays(window.days);
    const open = normalizeClockTime(window.open);
    const close = normalizeClockTime(window.close);
    if (days.length === 0) errors[`hours.${index}.days`] = t('edit.error.days');
    if (!open) errors[`hours.${index}.open`] = t('edit.error.time');
    if (!close) errors[`hours.${index}.close`] = t('edit.error.time');
    else if (open && open >= close) errors[`hours.${index}.close`] = t('edit.error.closeAfterOpen');
    return { days, open: open ?? window.open, close: close ?? window.close };
  });
}

function checkLocation(draft: StationDraft, errors: DraftErrors): { lat: number; lng: number } | null {
  const latText = draft.lat.trim();
  const lngText = draft.lng.trim();
  if (latText === '' && lngText === '') return null;
  const lat = parseCoordinate(latText);
  const lng = parseCoordinate(lngText);
  if (lat === undefined || Math.abs(lat) > 90) errors.lat = t('edit.error.lat');
  if (lng === undefined || Math.abs(lng) > 180) errors.lng = t('edit.error.lng');
  return lat !== undefined && lng !== undefined ? { lat, lng } : null;
}

const sameHours = (a: readonly OpeningWindow[], b: readonly OpeningWindow[]) =>
  JSON.stringify(a.map((w) => [normalizeDays(w.days), w.open, w.close])) === JSON.stringify(b.map((w) => [normalizeDays(w.days), w.open, w.close]));

const sameLocation = (a: { lat: number; lng: number } | null, b: { lat: number; lng: number } | null) =>
  a === null || b === null ? a === b : coordinateText(a.lat) === coordinateText(b.lat) && coordinateText(a.lng) === coordinateText(b.lng);

const sameCapabilities = (a: Capabilities, b: Capabilities) =>
  (Object.keys(a) as Array<keyof Capabilities>).every((key) => a[key] === b[key]) && Object.keys(a).length === Object.keys(b).length;

/**
 * The PATCH body for what the draft changed, or the form's errors. Fields the role may not change
 * are never sent; an empty body means nothing to save.
 */
export function buildUpdate(station: StationProfile, draft: StationDraft, role: EditorRole): { body: StationUpdateRequest; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const allowed = new Set<EditField>(fieldsFor(role));
  const body: StationUpdateRequest = {};

  if (allowed.has('type') && draft.type !== station.type) body.type = draft.type;
  if (allowed.has('capabilities') && !sameCapabilities(draft.capabilities, station.capabilities)) body.capabilities = { ...draft.capabilities };

  if (draft.hours.length > MAX_WINDOWS) errors.hours = t('edit.error.tooManyWindows', { n: MAX_WINDOWS });
  const hours = checkHours(draft.hours, errors);
  if (allowed.has('openingHours') && !sameHours(hours, station.openingHours)) body.openingHours = hours;

  const location = checkLocation(draft, errors);
  if (allowed.has('location') && !errors.lat && !errors.lng && !sameLocation(location, station.location)) body.location = location;

  const phone = draft.phone.replace(/\s+/g, '');
  if (draft.clearPhone) {
    if (allowed.has('phone') && station.phoneMasked !== null) body.phone = null;
  } else if (phone !== '') {
    if (!PHONE_PATTERN.test(phone)) errors.phone = t('edit.error.phone');
    else if (allowed.has('phone')) body.phone = phone;
  }
  return { body, errors };
}

/** Whether a clock time is complete as typed (for the inline check while typing). */
export const isClockTime = (text: string) => CLOCK_TIME_PATTERN.test(text);

/** The form's name of a field of the API (`body.type` or `type`). */
export function fieldLabel(field: string): string {
  const name = field.replace(/^body\./, '').split('.')[0];
  return (EDIT_FIELDS as readonly string[]).includes(name) ? t(`edit.field.${name}` as MessageKey) : name;
}

/** What a failed save tells the editor: the refused fields (403), conflict (409), region (404). */
export function saveErrorText(error: ApiError, role: EditorRole): string {
  if (error.code === 'FORBIDDEN' && error.details.length > 0) {
    const fields = Array.from(new Set(error.details.map((detail) => fieldLabel(detail.path))));
    return t('edit.error.forbiddenFields', { fields: fields.join(t('list.comma')) });
  }
  if (error.code === 'CONFLICT') return t('edit.error.conflict');
  if (error.code === 'NOT_FOUND') return t(role === 'admin' ? 'edit.error.notInRegion' : 'edit.error.notYourStation');
  if (error.code === 'VALIDATION_FAILED' && error.details.length > 0) {
    const fields = Array.from(new Set(error.details.map((detail) => fieldLabel(detail.path))));
    return t('edit.error.invalidFields', { fields: fields.join(t('list.comma')) });
  }
  return errorText(error.code);
}
