import type { Caller } from '../../auth/caller';
import { ADMIN_ROLES } from '../../../shared';
import type { Station } from './station';

/**
 * Who may manage a station: its own officers, and admins whose region contains its village.
 * Everyone else is told the station does not exist (404), never that it is someone else's.
 */
export function canManageStation(caller: Caller, station: Pick<Station, 'id' | 'villageCode'>): boolean {
  if (caller.role === 'officer') return caller.stationId === station.id;
  if ((ADMIN_ROLES as readonly string[]).includes(caller.role)) {
    return caller.regionCode !== undefined && station.villageCode.startsWith(caller.regionCode);
  }
  return false;
}
