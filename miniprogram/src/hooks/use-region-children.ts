import { useCallback, useState } from 'react';
import type { RegionChildrenResponse } from '@shared/schemas/regions';
import { getRegionChildren } from '../services/api';
import { useResource } from './use-resource';

/** The province: where browsing starts. */
export const ROOT_REGION = '63';

/** A copy of shared/schemas/regions.ts `regionCode` (zod stays out of the bundle). */
export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/**
 * Browsing the division tree: the region shown (from the page's `region=` when it is a code, else
 * the province), its children with station counts, and `open(code)` to go down or, through a
 * breadcrumb, up. Within one page: the chain gives the way back.
 */
export function useRegionBrowser(initial: string | undefined, fetchChildren: (code: string) => Promise<RegionChildrenResponse> = getRegionChildren) {
  const [code, setCode] = useState(() => (initial && REGION_CODE_PATTERN.test(initial) ? initial : ROOT_REGION));
  const { state, retry } = useResource(code, fetchChildren);
  const open = useCallback((next: string) => setCode(next), []);
  return { code, state, open, retry };
}
