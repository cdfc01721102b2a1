import { BILL_TYPES, BILL_TYPE_KEYS, STATION_LIMITS, type BillLookupResponse, type BillType } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError } from '../errors';
import type { RateLimiter } from '../rate-limit';
import type { BillProvider } from './bill-provider';
import { resolveLookupAccount } from './my-payments';

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

/** 张三明 -> 张*明, 李四 -> 李*, 王 -> 王. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** All but the last four characters masked, and never less than half: a 4-character account shows 2. */
export function maskAccountNo(accountNo: string): string {
  const shown = Math.min(4, Math.floor(accountNo.length / 2));
  return `${'*'.repeat(accountNo.length - shown)}${accountNo.slice(-shown)}`;
}

const LOOKUP_TIMEOUT_MS = 5_000;

/** The provider's bill, or 503 when it does not answer in time (a lookup changes nothing: safe to retry). */
export async function lookupWithTimeout(provider: BillProvider, billType: BillType, accountNo: string, timeoutMs = LOOKUP_TIMEOUT_MS) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('DEPENDENCY_UNAVAILABLE', 'The bill provider did not answer; try again shortly', undefined, 5)), timeoutMs);
  });
  try {
    return await Promise.race([provider.lookup(billType, accountNo), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `POST /bills/lookup`: every attempt counts against the officer's hourly limit, found or not. */
export async function lookupBillFor(
  deps: Parameters<typeof resolveLookupAccount>[0] & { provider: BillProvider; rateLimit: RateLimiter },
  caller: Caller,
  body: { billType: BillType; accountNo?: string; householdId?: string },
): Promise<BillLookupResponse> {
  await deps.rateLimit(`bill-lookup#${caller.userId}`, BILL_LOOKUPS_PER_HOUR, 3600);
  return lookupBill(deps.provider, body.billType, await resolveLookupAccount(deps, caller, body));
}

export async function lookupBill(provider: BillProvider, billType: BillType, accountNo: string): Promise<BillLookupResponse> {
  const bill = await lookupWithTimeout(provider, billType, accountNo);
  return {
    billType,
    accountNoMasked: maskAccountNo(accountNo),
    holderNameMasked: maskName(bill.holderName),
    amountDueFen: BILL_TYPES[billType].kind === 'postpaid' ? bill.amountDueFen ?? 0 : null,
  };
}
