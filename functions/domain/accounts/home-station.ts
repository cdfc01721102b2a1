import type { MeResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import type { RegionRepository } from '../regions/region';
import type { StationRepository } from '../stations/station';
import { getMe } from './me';
import type { UserRepository } from './user';

/** Any signed-in user may bind any station as home: it is where their later services are credited. */
export async function setHomeStation(
  deps: { users: UserRepository; stations: StationRepository; regions: RegionRepository; now?: () => Date },
  caller: Caller,
  stationId: string,
): Promise<MeResponse> {
  const station = await deps.stations.getById(stationId);
  if (!station) throw notFound('Station');
  await deps.users.setHomeStation(caller.userId, station.id, (deps.now?.() ?? new Date()).toISOString());
  return getMe(deps, caller);
}
