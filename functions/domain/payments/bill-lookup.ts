import { BILL_TYPES, BILL_TYPE_KEYS, STATION_LIMITS, type BillLookupResponse, type BillType } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError } from '../errors';
import type { RateLimiter } from '../rate-limit';
import { managedRecord } from '../stations/station-access';
import { assertProviderConfigured, type BillProvider } from './bill-provider';
import type { HouseholdRepository } from './household';
import { maskAccountNo, maskName } from './masks';
import { PROVIDER_TIMEOUT_MS, withTimeout } from './provider-timeout';

/**
 * Per officer: a busy station's day of payments (a lookup or two each) fits many times over, while
 * probing account numbers for holder names (AZ5) stops after this many an hour.
 */
export const BILL_LOOKUPS_PER_HOUR = 100;

export function listBillTypes() {
  return {
    items: BILL_TYPE_KEYS.map((billType) => ({ billType, ...BILL_TYPES[billType] })),
    stationLimits: { ...STATION_LIMITS },
  };
}

/** The provider's bill, or 503 when it does not answer in time (a lookup changes nothing: safe to retry). */
export function lookupWithTimeout(provider: BillProvider, billType: BillType, accountNo: string, timeoutMs = PROVIDER_TIMEOUT_MS) {
  return withTimeout(provider.lookup(billType, accountNo), timeoutMs, () => {
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'The bill provider did not answer; try again shortly', undefined, 5);
  });
}

/**
 * What is due on an account, typed or from the bill book of a household the officer serves. Every
 * attempt counts against the officer's hourly limit, found or not.
 */
export async function lookupBill(
  deps: { provider: BillProvider; households: Pick<HouseholdRepository, 'get'>; rateLimit: RateLimiter },
  caller: Caller,
  body: { billType: BillType; accountNo?: string; householdId?: string },
): Promise<BillLookupResponse> {
  const { billType } = body;
  const accountNo = await resolveLookupAccount(deps, caller, body);
  assertProviderConfigured(deps.provider);
  await deps.rateLimit(`bill-lookup#${caller.userId}`, BILL_LOOKUPS_PER_HOUR, 3600);
  const bill = await lookupWithTimeout(deps.provider, billType, accountNo);
  return {
    billType,
    accountNoMasked: maskAccountNo(accountNo),
    holderNameMasked: maskName(bill.holderName),
    amountDueFen: BILL_TYPES[billType].kind === 'postpaid' ? (bill.amountDueFen ?? 0) : null,
  };
}

/** The account a lookup is about: as typed, or from the bill book of a household the officer serves. */
async function resolveLookupAccount(
  deps: { households: Pick<HouseholdRepository, 'get'> },
  caller: Caller,
  body: { billType: BillType; accountNo?: string; householdId?: string },
): Promise<string> {
  if (body.accountNo) return body.accountNo;
  if (!body.householdId) {
    throw new AppError('VALIDATION_FAILED', 'Give accountNo or householdId', [
      { path: 'body.accountNo', message: 'is required without a householdId', code: 'missing' },
    ]);
  }
  const household = managedRecord(caller, await deps.households.get(body.householdId), 'Household');
  const accountNo = household.billBook[body.billType]?.accountNo;
  if (!accountNo) {
    throw new AppError('VALIDATION_FAILED', `The household has no ${body.billType} account in its bill book`, [
      { path: 'body.accountNo', message: 'is required: the bill book has no account of this type', code: 'missing' },
    ]);
  }
  return accountNo;
}
