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
  const [user, station, region] = await Promise.all([
    deps.users.get(caller.userId),
    caller.stationId ? deps.stations.getById(caller.stationId) : null,
    caller.regionCode ? deps.regions.get(caller.regionCode) : null,
  ]);
  if (!user) throw notFound('User');
  return {
    user: toUserProfile(user),
    ...(station
      ? {
          station: {
            id: station.id,
            code: station.code,
            villageName: station.villageName,
            regionNames: station.regionChain.map((r) => r.name),
          },
        }
      : {}),
    ...(region ? { region: { code: region.code, name: region.name, level: region.level } } : {}),
  };
}
