import type { AreaType } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { invalidField, notFound } from '../errors';
import { assertRegionWithin } from '../stations/station-access';
import type { AreaTypeCorrection, Region } from './region';

/** Where corrections are kept (functions/data implements it). */
export interface AreaTypeRepository {
  getRegion(code: string): Promise<Region | null>;
  /**
   * A village: its region item, its station (when it has one) and the change record, in one transaction.
   * A county: its item and the change record in one transaction, then every township, village and
   * station below it that no admin corrected on its own (a village's own correction wins over its county's).
   */
  correct(region: Region, correction: AreaTypeCorrection, byRole: string): Promise<void>;
}

/** Only counties and villages are corrected: a township follows its county, a prefecture is too coarse to be one type. */
const CORRECTABLE = ['county', 'village'];

export async function correctAreaType(deps: { areaTypes: AreaTypeRepository; now?: () => Date }, caller: Caller, code: string, areaType: AreaType) {
  assertRegionWithin(caller, code);
  const region = await deps.areaTypes.getRegion(code);
  if (!region) throw notFound('Region');
  if (!CORRECTABLE.includes(region.level)) throw invalidField('params.code', 'must be a county or a village: only those are corrected');
  const correction: AreaTypeCorrection = { areaType, byUserId: caller.userId, at: (deps.now?.() ?? new Date()).toISOString() };
  await deps.areaTypes.correct(region, correction, caller.role);
  return { code: region.code, level: region.level, areaType, areaTypeCorrection: correction };
}
