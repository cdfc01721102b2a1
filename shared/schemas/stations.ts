import * as z from 'zod/mini';
import { freeText, PageQuery, pageOf, PersonLabel } from './common';
import { areaType, RegionRef, regionCode } from './regions';

/** 标准站 / 专业站 / 简易站 */
export const STATION_TYPES = ['standard', 'specialized', 'simple'] as const;
export type StationType = (typeof STATION_TYPES)[number];

/** The four services of an 益农信息社, in the order the programme lists them. */
export const SERVICE_KEYS = ['information', 'convenience', 'ecommerce', 'training'] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

/** 村 (farming/mixed village) or 牧委会 (herding committee), from the village's official name. */
export const VILLAGE_KINDS = ['village', 'herding'] as const;

/**
 * A station code: at most 32 chars of [0-9A-Za-z] (it must fit a WeChat QR `scene`), derived from the
 * village's division code. Lookups are case-insensitive.
 */
export const stationCode = z.string().check(z.minLength(1), z.maxLength(32), z.regex(/^[0-9A-Za-z]+$/, 'must be 1-32 letters or digits'));
export const stationId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be an opaque station id'));

export const StationService = z.object({ key: z.enum(SERVICE_KEYS), available: z.boolean() });

/** What a station can actually do; the four services shown to villagers derive from these. */
export const CAPABILITY_KEYS = ['billPayment', 'cashWithdrawal', 'parcelPickup', 'produceSelling', 'training'] as const;
export type CapabilityKey = (typeof CAPABILITY_KEYS)[number];
export const Capabilities = z.strictObject({
  billPayment: z.boolean(),
  cashWithdrawal: z.boolean(),
  parcelPickup: z.boolean(),
  produceSelling: z.boolean(),
  training: z.boolean(),
});
export type Capabilities = z.infer<typeof Capabilities>;

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00-23:59)'));
/** One weekly window, e.g. Monday-Saturday 09:00-18:00 (days 1 = Monday … 7 = Sunday), Asia/Shanghai. */
export const OpeningWindow = z
  .strictObject({
    days: z.array(z.int().check(z.gte(1), z.lte(7))).check(z.minLength(1), z.maxLength(7)),
    open: clockTime,
    close: clockTime,
  })
  .check(z.refine((w) => w.open < w.close, { message: 'open must be before close', path: ['close'] }));
export type OpeningWindow = z.infer<typeof OpeningWindow>;
export const OpeningHours = z.array(OpeningWindow).check(z.maxLength(7));

export const latitude = z.number().check(z.gte(-90), z.lte(90));
export const longitude = z.number().check(z.gte(-180), z.lte(180));
export const GeoPoint = z.strictObject({ lat: latitude, lng: longitude });
export type GeoPoint = z.infer<typeof GeoPoint>;

/** Mainland mobile or landline with area code; stored whole, shown masked. */
export const phoneNumber = z.string().check(z.regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'must be a mobile number or an area code and number'));

/** What anyone may see of a station: no full phone numbers, no internal keys. */
export const StationProfile = z.object({
  id: z.string(),
  code: z.string(),
  /** The village as villagers name it, e.g. 土桥村; the station is "<villageName>益农信息社". */
  villageName: z.string(),
  /** The committee's official name in the national division list, e.g. 土桥村委会. */
  villageOfficialName: z.string(),
  villageCode: z.string(),
  villageKind: z.enum(VILLAGE_KINDS),
  /** 农区 / 半农半牧区 / 牧区 (the county's by the seed rule, or as an admin corrected it). */
  areaType,
  type: z.enum(STATION_TYPES),
  /** Province, prefecture, county and township, top down. */
  regionChain: z.array(RegionRef),
  services: z.array(StationService),
  capabilities: Capabilities,
  openingHours: OpeningHours,
  /** Open at the moment of the answer (Asia/Shanghai); null when no hours are set. */
  openNow: z.nullable(z.boolean()),
  location: z.nullable(z.object({ lat: z.number(), lng: z.number() })),
  officerName: z.nullable(z.string()),
  /** e.g. 138****5678; the full number needs a separate, rate-limited request. */
  phoneMasked: z.nullable(z.string()),
  /** Only in answers to `near=`. */
  distanceMeters: z.optional(z.number()),
});
export type StationProfile = z.infer<typeof StationProfile>;

export const StationCodeParams = z.strictObject({ code: stationCode });
export const StationIdParams = z.strictObject({ stationId });

/** `lat,lng` in decimal degrees. */
const nearPoint = z.string().check(
  z.regex(/^-?\d{1,3}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/, 'must be "lat,lng" in decimal degrees'),
  z.refine((value) => {
    const [lat, lng] = value.split(',').map(Number);
    return Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  }, 'is out of range: latitude -90..90, longitude -180..180'),
);
export const searchText = freeText(1, 40);
export const NEAR_RADIUS_METERS = 200_000;
/**
 * The area served: China's bounding box, in decimal degrees. `near=` outside it answers an empty list
 * without reading anything; inside it the nearest search costs a bounded number of reads (see
 * functions/domain/stations/nearest.ts), which holds only because the box stays far from the poles.
 */
export const SERVED_AREA = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 } as const;
export function isInServedArea(point: { lat: number; lng: number }): boolean {
  return point.lat >= SERVED_AREA.minLat && point.lat <= SERVED_AREA.maxLat && point.lng >= SERVED_AREA.minLng && point.lng <= SERVED_AREA.maxLng;
}

/** Exactly one of region (browse), q (search) or near (nearest first). */
export const StationListQuery = z.extend(PageQuery, { region: z.optional(regionCode), q: z.optional(searchText), near: z.optional(nearPoint) }).check(
  z.refine((query) => [query.region, query.q, query.near].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of region, q or near',
    path: ['region'],
  }),
);
export const StationListResponse = pageOf(StationProfile);
export type StationListResponse = z.infer<typeof StationListResponse>;

/**
 * Station edits. Officers of the station may change where it is, when it opens and its phone;
 * admins over its region may also change its type and capabilities. Every change is audited.
 */
export const StationUpdateRequest = z
  .strictObject({
    type: z.optional(z.enum(STATION_TYPES)),
    capabilities: z.optional(Capabilities),
    openingHours: z.optional(OpeningHours),
    location: z.optional(z.nullable(GeoPoint)),
    phone: z.optional(z.nullable(phoneNumber)),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, 'change at least one field'));
export type StationUpdateRequest = z.infer<typeof StationUpdateRequest>;
export const OFFICER_EDITABLE_FIELDS = ['openingHours', 'location', 'phone'] as const;

export const StationPhoneResponse = z.object({ phone: z.string() });

export const StationChange = z.object({
  at: z.string(),
  /** Who made the change (by name; no user id). */
  by: PersonLabel,
  byRole: z.string(),
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
export const StationHistoryResponse = pageOf(StationChange);
export type StationHistoryResponse = z.infer<typeof StationHistoryResponse>;

export const HomeStationRequest = z.strictObject({ stationId });
