import * as z from 'zod/mini';
import { PageQuery, pageOf } from './common';
import { RegionRef, regionCode } from './regions';

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
export const stationCode = z.string().check(
  z.minLength(1),
  z.maxLength(32),
  z.regex(/^[0-9A-Za-z]+$/, 'must be 1-32 letters or digits'),
);
export const stationId = z.string().check(
  z.minLength(1),
  z.maxLength(40),
  z.regex(/^[0-9A-Za-z_-]+$/, 'must be an opaque station id'),
);

export const StationService = z.object({ key: z.enum(SERVICE_KEYS), available: z.boolean() });

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
  type: z.enum(STATION_TYPES),
  /** Province, prefecture, county and township, top down. */
  regionChain: z.array(RegionRef),
  services: z.array(StationService),
});
export type StationProfile = z.infer<typeof StationProfile>;

export const StationCodeParams = z.strictObject({ code: stationCode });
export const StationIdParams = z.strictObject({ stationId });

export const StationListQuery = z.extend(PageQuery, { region: regionCode });
export const StationListResponse = pageOf(StationProfile);
export type StationListResponse = z.infer<typeof StationListResponse>;
