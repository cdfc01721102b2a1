import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import { canManageStation } from '../stations/station-access';
import type { StationRepository } from '../stations/station';
import type { RateLimiter } from '../rate-limit';
import { ACCOUNT_CODE_ATTEMPTS_PER_HOUR, type AccountCodeRepository } from './account-code';
import { toUserProfile, type User, type UserRepository } from './user';

/** The one 404 of an appointment: an unknown or expired code, an unknown user and one out of reach look alike. */
const noSuchPerson = () => notFound('User (or account code)');

/**
 * An admin appoints or removes officers of stations inside their own region. Anything outside it
 * answers 404, exactly like something that does not exist (BOLA: never reveal it exists elsewhere).
 * The person is named by their user id or by the account code they show from "me" (used up here).
 */
export async function appointOfficer(
  deps: { users: UserRepository; stations: StationRepository; accountCodes: AccountCodeRepository; rateLimiter: RateLimiter; now?: () => Date },
  admin: Caller,
  input: { stationId: string; userId?: string; accountCode?: string },
) {
  const region = adminRegion(admin);
  const now = deps.now?.() ?? new Date();
  // Every code tried counts, found or not: guessing costs the admin's hourly allowance.
  if (input.accountCode) await deps.rateLimiter(`account-code-try:${admin.userId}`, ACCOUNT_CODE_ATTEMPTS_PER_HOUR, 3600);
  const station = await deps.stations.getById(input.stationId);
  if (!station || !station.villageCode.startsWith(region)) throw notFound('Station');
  const userId = input.accountCode ? (await deps.accountCodes.find(input.accountCode, now.getTime()))?.userId : input.userId;
  if (!userId) throw noSuchPerson();
  const appointed = await deps.users.appointOfficer({
    userId,
    stationId: station.id,
    stationVillageCode: station.villageCode,
    adminRegion: region,
    now: now.toISOString(),
    ...(input.accountCode ? { accountCode: { code: input.accountCode, nowMs: now.getTime() } } : {}),
  });
  if (appointed) return { user: toUserProfile(appointed) };
  // The condition failed. Only a user this admin administers (bound to a place inside the region) is
  // told apart (409, naming the role); an unknown or used code, an unknown user and anyone outside
  // the region (an expert or an admin elsewhere included) get the same 404, so nothing is disclosed.
  if (input.accountCode && !(await deps.accountCodes.find(input.accountCode, now.getTime()))) throw noSuchPerson();
  const user = await deps.users.get(userId);
  if (!user || !isBoundInside(user, region)) throw noSuchPerson();
  throw new AppError('CONFLICT', `A user with role ${user.role} cannot be appointed officer`);
}

/** The place a user's record binds them to (an officer's village, an admin's region) lies in `region`. */
function isBoundInside(user: User, region: string): boolean {
  const place = user.role === 'officer' ? user.stationVillageCode : user.regionCode;
  return place !== undefined && place.startsWith(region);
}

export async function removeOfficer(deps: { users: UserRepository; now?: () => Date }, admin: Caller, userId: string) {
  const removed = await deps.users.removeOfficer({
    userId,
    adminRegion: adminRegion(admin),
    now: (deps.now?.() ?? new Date()).toISOString(),
  });
  if (!removed) throw notFound('Officer');
  return { user: toUserProfile(removed) };
}

function adminRegion(admin: Caller): string {
  // Every admin record carries its region; a record without one administers nothing.
  if (!admin.regionCode) throw new AppError('FORBIDDEN', 'Your account is not bound to a region');
  return admin.regionCode;
}

/** Officers see their own station's officers; admins those of any station in their region. */
export async function listStationOfficers(deps: { users: UserRepository; stations: StationRepository }, caller: Caller, stationId: string) {
  const station = await deps.stations.getById(stationId);
  if (!station || !canManageStation(caller, station)) throw notFound('Station');
  const officers = await deps.users.listOfficers(station.id);
  return { items: officers.map((o) => ({ id: o.id, ...(o.name ? { name: o.name } : {}) })), nextCursor: null };
}
