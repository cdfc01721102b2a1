import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import { canManageStation } from '../stations/station-access';
import type { StationRepository } from '../stations/station';
import { toUserProfile, type User, type UserRepository } from './user';

/**
 * An admin appoints or removes officers of stations inside their own region. Anything outside it
 * answers 404, exactly like something that does not exist (BOLA: never reveal it exists elsewhere).
 */
export async function appointOfficer(
  deps: { users: UserRepository; stations: StationRepository; now?: () => Date },
  admin: Caller,
  input: { stationId: string; userId: string },
) {
  const region = adminRegion(admin);
  const station = await deps.stations.getById(input.stationId);
  if (!station || !station.villageCode.startsWith(region)) throw notFound('Station');
  const appointed = await deps.users.appointOfficer({
    userId: input.userId,
    stationId: station.id,
    stationVillageCode: station.villageCode,
    adminRegion: region,
    now: (deps.now?.() ?? new Date()).toISOString(),
  });
  if (appointed) return { user: toUserProfile(appointed) };
  // The condition failed. Only a user this admin administers (bound to a place inside the region) is
  // told apart (409, naming the role); anyone else, an expert or an admin elsewhere included, is
  // 404 like a user that does not exist, so no role outside the region is disclosed.
  const user = await deps.users.get(input.userId);
  if (!user || !isBoundInside(user, region)) throw notFound('User');
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
export async function listStationOfficers(
  deps: { users: UserRepository; stations: StationRepository },
  caller: Caller,
  stationId: string,
) {
  const station = await deps.stations.getById(stationId);
  if (!station || !canManageStation(caller, station)) throw notFound('Station');
  const officers = await deps.users.listOfficers(station.id);
  return { items: officers.map((o) => ({ id: o.id, ...(o.name ? { name: o.name } : {}) })), nextCursor: null };
}
