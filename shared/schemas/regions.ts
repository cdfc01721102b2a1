import * as z from 'zod/mini';

/**
 * National administrative division codes: province 2 digits (63), prefecture 4 (6327),
 * county 6 (632701), township 9 (632701001), village 12 (632701001201).
 */
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** 农区 / 半农半牧区 / 牧区: what a place lives from, so feeds can target herders and farmers apart. */
export const AREA_TYPES = ['farming', 'semi_pastoral', 'pastoral'] as const;
export type AreaType = (typeof AREA_TYPES)[number];
export const areaType = z.enum(AREA_TYPES);

export const regionCode = z.string().check(z.regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'must be a division code of 2, 4, 6, 9 or 12 digits'));

export const RegionRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
});
export type RegionRef = z.infer<typeof RegionRef>;

export const RegionSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  /** Stations in this region and all its descendants. */
  stationCount: z.number(),
  /** Village-level units (villages, herding committees, urban communities) below this region. */
  villageCount: z.number(),
  areaType,
});
export type RegionSummary = z.infer<typeof RegionSummary>;

export const RegionPathParams = z.strictObject({ code: regionCode });

export const RegionChildrenResponse = z.object({
  region: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    stationCount: z.number(),
    villageCount: z.number(),
    areaType,
    /** Who last corrected the area type, and when (null: the seeded rule's value). */
    areaTypeCorrection: z.nullable(z.object({ areaType, byUserId: z.string(), at: z.string() })),
    /** Ancestors from the province down to the parent, for breadcrumbs. */
    chain: z.array(RegionRef),
  }),
  items: z.array(RegionSummary),
  /** Region children are never paginated (a township has at most 46 villages): always null. */
  nextCursor: z.null(),
});
export type RegionChildrenResponse = z.infer<typeof RegionChildrenResponse>;

/** A region admin corrects a county's or a village's area type. */
export const RegionAreaTypeRequest = z.strictObject({ areaType });
export const RegionAreaTypeResponse = z.object({
  code: z.string(),
  level: z.enum(REGION_LEVELS),
  areaType,
  areaTypeCorrection: z.object({ areaType, byUserId: z.string(), at: z.string() }),
});
