import type { AreaType, Capabilities, GeoPoint, OpeningWindow, RegionRef, ServiceKey, StationProfile, StationType } from '../../../shared';
import { SERVICE_KEYS } from '../../../shared';
import { isOpenAt } from './opening-hours';

export interface Station {
  id: string;
  code: string;
  villageCode: string;
  villageName: string;
  villageOfficialName: string;
  villageKind: 'village' | 'herding';
  /** Kept in step with its village's area type (same transaction, or the county correction's sweep). */
  areaType: AreaType;
  type: StationType;
  /** Province, prefecture, county, township. */
  regionChain: RegionRef[];
  capabilities: Capabilities;
  openingHours: OpeningWindow[];
  location: GeoPoint | null;
  /** Full number: never in a public profile (masked), only through the rate-limited phone route. */
  phone: string | null;
  /** Officers by user id -> display name, kept in step with appointments (same transaction). */
  officers: Record<string, string>;
  /** Optimistic concurrency for edits. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StationPage {
  items: Station[];
  /** Opaque continuation, already signed by the repository; null on the last page. */
  nextCursor: string | null;
}

export interface StationChangeRecord {
  at: string;
  byUserId: string;
  byRole: string;
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface StationRepository {
  getById(stationId: string): Promise<Station | null>;
  getByCode(code: string): Promise<Station | null>;
  /** Up to 100 stations by id, in the order asked; missing ids are skipped. */
  getMany(stationIds: string[]): Promise<Station[]>;
  /** Stations whose village lies in `regionCode` (any level), ordered by village code. */
  listInRegion(regionCode: string, page: { limit: number; cursor?: string }): Promise<StationPage>;
  /**
   * Applies `changes` if the station is still at `expectedVersion`, records the change and moves
   * its geo index entry, all in one transaction. Returns null when the version moved on.
   */
  update(station: Station, changes: Partial<Station>, record: StationChangeRecord): Promise<Station | null>;
  listChanges(stationId: string, page: { limit: number; cursor?: string }): Promise<{ items: StationChangeRecord[]; nextCursor: string | null }>;
}

/** The four services villagers see, from what the station can do. Information is always offered. */
export function servicesOf(capabilities: Capabilities): Record<ServiceKey, boolean> {
  return {
    information: true,
    convenience: capabilities.billPayment || capabilities.cashWithdrawal || capabilities.parcelPickup,
    ecommerce: capabilities.produceSelling,
    training: capabilities.training,
  };
}

/** 13812345678 -> 138****5678; 0972-1234567 -> 0972-***4567. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const [area, number] = phone.includes('-') ? phone.split('-') : [phone.slice(0, 4), phone.slice(4)];
  return `${area}-${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
}

/**
 * A change record as shown (the station's history): phone numbers masked on both sides, as in the
 * profile. The record keeps them whole; the full number is only ever revealed through the rate-limited route.
 */
export function toStationChangeView(record: StationChangeRecord): StationChangeRecord {
  const masked = (fields: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(fields).map(([field, value]) => [field, field === 'phone' && typeof value === 'string' ? maskPhone(value) : value]),
    );
  return { ...record, before: masked(record.before), after: masked(record.after) };
}

export function toStationProfile(s: Station, now: Date = new Date(), distanceMeters?: number): StationProfile {
  const services = servicesOf(s.capabilities);
  const officerNames = Object.values(s.officers ?? {}).filter(Boolean);
  return {
    id: s.id,
    code: s.code,
    villageName: s.villageName,
    villageOfficialName: s.villageOfficialName,
    villageCode: s.villageCode,
    villageKind: s.villageKind,
    areaType: s.areaType,
    type: s.type,
    regionChain: s.regionChain,
    services: SERVICE_KEYS.map((key) => ({ key, available: services[key] })),
    capabilities: s.capabilities,
    openingHours: s.openingHours,
    openNow: s.openingHours.length ? isOpenAt(s.openingHours, now) : null,
    location: s.location,
    officerName: officerNames[0] ?? null,
    phoneMasked: s.phone ? maskPhone(s.phone) : null,
    ...(distanceMeters !== undefined ? { distanceMeters: Math.round(distanceMeters) } : {}),
  };
}
