import type { RegionChildrenResponse } from '@shared/schemas/regions';
import { getRegionChildren } from '../services/api';
import { useResource } from './use-resource';

/** The province: where browsing starts. */
export const ROOT_REGION = '63';

/** A copy of shared/schemas/regions.ts `regionCode` (zod stays out of the bundle). */
export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** The region a browse page shows: its `region=` when that is a code, else the province. */
export function browseRegion(param: string | undefined): string {
  return param && REGION_CODE_PATTERN.test(param) ? param : ROOT_REGION;
}

/**
 * One level of the division tree: the region in the page's link and its children with station
 * counts. Each level is a page of its own (services/region-navigation.ts), so the level is in the
 * history and the URL: Back goes up one level, a reload stays where it was.
 */
export function useRegionBrowser(param: string | undefined, fetchChildren: (code: string) => Promise<RegionChildrenResponse> = getRegionChildren) {
  const code = browseRegion(param);
  const { state, retry } = useResource(code, fetchChildren);
  return { code, state, retry };
}
