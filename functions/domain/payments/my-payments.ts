import type { BillType } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { HouseholdRepository } from '../../data/households-repository';
import type { PaymentRepository } from '../../data/payments-repository';
import { AppError, notFound } from '../errors';
import { canManageStation } from '../stations/station-access';
import { toHouseholdPaymentView } from './payment';

/** "me": the payments of the household the villager is linked to (an empty list until they are). */
export async function myPayments(
  deps: { payments: PaymentRepository; households: HouseholdRepository },
  caller: Caller,
  query: { limit: number; cursor?: string },
) {
  const household = caller.householdId ? await deps.households.get(caller.householdId) : null;
  if (!household) return { household: null, items: [], nextCursor: null };
  const page = await deps.payments.listHousehold(household.id, query.limit, query.cursor);
  return {
    household: { id: household.id, headName: household.headName, stationId: household.stationId },
    items: page.items.map(toHouseholdPaymentView),
    nextCursor: page.nextCursor,
  };
}

/** The account a lookup is about: as typed, or from the bill book of a household the officer serves. */
export async function resolveLookupAccount(
  deps: { households: HouseholdRepository },
  caller: Caller,
  body: { billType: BillType; accountNo?: string; householdId?: string },
): Promise<string> {
  if (body.accountNo) return body.accountNo;
  if (!body.householdId) {
    throw new AppError('VALIDATION_FAILED', 'Give accountNo or householdId', [{ path: 'body.accountNo', message: 'is required without a householdId', code: 'missing' }]);
  }
  const household = await deps.households.get(body.householdId);
  if (!household || !canManageStation(caller, { id: household.stationId, villageCode: household.stationVillageCode })) throw notFound('Household');
  const accountNo = household.billBook[body.billType]?.accountNo;
  if (!accountNo) {
    throw new AppError('VALIDATION_FAILED', `The household has no ${body.billType} account in its bill book`, [
      { path: 'body.accountNo', message: 'is required: the bill book has no account of this type', code: 'missing' },
    ]);
  }
  return accountNo;
}
