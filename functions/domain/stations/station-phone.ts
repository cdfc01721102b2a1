import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import type { RateLimiter } from '../rate-limit';
import type { StationRepository } from './station';

/** Per signed-in user: enough to call a few stations, too few to harvest the province's numbers. */
export const PHONE_REVEALS_PER_HOUR = 20;

export async function revealStationPhone(
  deps: { stations: StationRepository; rateLimit: RateLimiter },
  caller: Caller,
  stationId: string,
): Promise<{ phone: string }> {
  await deps.rateLimit(`phone#${caller.userId}`, PHONE_REVEALS_PER_HOUR, 3600);
  const station = await deps.stations.getById(stationId);
  if (!station) throw notFound('Station');
  if (!station.phone) throw notFound('Phone number');
  return { phone: station.phone };
}
