import * as z from 'zod/mini';

/**
 * National administrative division codes: province 2 digits (63), prefecture 4 (6327),
 * county 6 (632701), township 9 (632701001), village 12 (632701001201).
 */
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

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
    /** Ancestors from the province down to the parent, for breadcrumbs. */
    chain: z.array(RegionRef),
  }),
  items: z.array(RegionSummary),
  /** Region children are never paginated (a township has at most 46 villages): always null. */
  nextCursor: z.null(),
});
export type RegionChildrenResponse = z.infer<typeof RegionChildrenResponse>;
