import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import type { RateLimiter } from '../rate-limit';
import { assertRegionWithin } from '../stations/station-access';
import { ACCOUNT_CODE_ATTEMPTS_PER_HOUR, type AccountCodeRepository } from './account-code';

export type ExpertField = 'crops' | 'livestock' | 'veterinary' | 'policy' | 'market';

/** Where expert appointments are written (functions/data implements it). */
export interface ExpertRepository {
  /**
   * Makes a villager or buyer (or an expert already inside `adminRegion`) an expert of `regionCode`
   * in `field`. False when the user does not exist or is out of the admin's reach. With
   * `accountCode`, the code is used up in the same write, and nothing happens unless it is still
   * the user's live code.
   */
  appoint(input: {
    userId: string;
    field: ExpertField;
    regionCode: string;
    adminRegion: string;
    now: string;
    accountCode?: { code: string; nowMs: number };
  }): Promise<boolean>;
}

export interface AppointExpertDeps {
  experts: ExpertRepository;
  accountCodes: Pick<AccountCodeRepository, 'find'>;
  rateLimiter: RateLimiter;
  now?: () => Date;
}

/**
 * An admin appoints an expert for a region inside their own; the expert then writes items for places
 * there. The person is named by their user id or by the account code they show from "me" (used up here),
 * exactly as for officers (functions/domain/accounts/officers.ts).
 */
export async function appointExpert(
  deps: AppointExpertDeps,
  admin: Caller,
  input: { userId?: string; accountCode?: string; field: ExpertField; regionCode: string },
) {
  assertRegionWithin(admin, input.regionCode);
  const now = deps.now?.() ?? new Date();
  // Every code tried counts, found or not: guessing costs the admin's hourly allowance (shared with officer appointments).
  if (input.accountCode) await deps.rateLimiter(`account-code-try:${admin.userId}`, ACCOUNT_CODE_ATTEMPTS_PER_HOUR, 3600);
  const userId = input.accountCode ? (await deps.accountCodes.find(input.accountCode, now.getTime()))?.userId : input.userId;
  // An unknown or expired code, anyone else (an officer, an admin, an expert elsewhere, nobody) is "not found": no role outside the region is disclosed.
  if (!userId) throw notFound('User (or account code)');
  const appointed = await deps.experts.appoint({
    userId,
    field: input.field,
    regionCode: input.regionCode,
    adminRegion: admin.regionCode!,
    now: now.toISOString(),
    ...(input.accountCode ? { accountCode: { code: input.accountCode, nowMs: now.getTime() } } : {}),
  });
  if (!appointed) throw notFound('User (or account code)');
  return { user: { id: userId, role: 'expert' as const, regionCode: input.regionCode, expertField: input.field } };
}
