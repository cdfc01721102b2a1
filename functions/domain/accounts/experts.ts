import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import { assertRegionWithin } from '../stations/station-access';

export type ExpertField = 'crops' | 'livestock' | 'veterinary' | 'policy' | 'market';

/** Where expert appointments are written (functions/data implements it). */
export interface ExpertRepository {
  /**
   * Makes a villager or buyer (or an expert already inside `adminRegion`) an expert of `regionCode`
   * in `field`. False when the user does not exist or is out of the admin's reach.
   */
  appoint(input: { userId: string; field: ExpertField; regionCode: string; adminRegion: string; now: string }): Promise<boolean>;
}

/** An admin appoints an expert for a region inside their own; the expert then writes items for places there. */
export async function appointExpert(
  deps: { experts: ExpertRepository; now?: () => Date },
  admin: Caller,
  input: { userId: string; field: ExpertField; regionCode: string },
) {
  assertRegionWithin(admin, input.regionCode);
  const appointed = await deps.experts.appoint({ ...input, adminRegion: admin.regionCode!, now: (deps.now?.() ?? new Date()).toISOString() });
  // Anyone else (an officer, an admin, an expert elsewhere, nobody) is "not found": no role outside the region is disclosed.
  if (!appointed) throw notFound('User');
  return { user: { id: input.userId, role: 'expert' as const, regionCode: input.regionCode, expertField: input.field } };
}
