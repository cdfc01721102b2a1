import type { MeResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import type { RegionRepository } from '../regions/region';
import type { StationRepository } from '../stations/station';
import { toUserProfile, type UserRepository } from './user';

export async function getMe(
  deps: { users: UserRepository; stations: StationRepository; regions: RegionRepository },
  caller: Caller,
): Promise<MeResponse> {
  const user = await deps.users.get(caller.userId);
  if (!user) throw notFound('User');
  const [station, region, home] = await Promise.all([
    caller.stationId ? deps.stations.getById(caller.stationId) : null,
    caller.regionCode ? deps.regions.get(caller.regionCode) : null,
    user.homeStationId ? deps.stations.getById(user.homeStationId) : null,
  ]);
  const summary = (s: NonNullable<typeof station>) => ({
    id: s.id,
    code: s.code,
    villageName: s.villageName,
    regionNames: s.regionChain.map((r) => r.name),
  });
  return {
    user: toUserProfile(user),
    ...(station ? { station: summary(station) } : {}),
    ...(region ? { region: { code: region.code, name: region.name, level: region.level } } : {}),
    ...(home ? { homeStation: summary(home) } : {}),
  };
}
