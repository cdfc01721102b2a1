import type { Caller } from '../../auth/caller';
import { ADMIN_ROLES } from '../../../shared';
import type { Station, StationRepository } from './station';
import { notFound } from '../errors';

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

/** The station, if the caller may manage it; "not found" otherwise (never "someone else's"). */
export async function managedStation(stations: Pick<StationRepository, 'getById'>, caller: Caller, stationId: string): Promise<Station> {
  const station = await stations.getById(stationId);
  if (!station || !canManageStation(caller, station)) throw notFound('Station');
  return station;
}

/** Something kept for a station (a payment, a household): the station it belongs to, as it is stored with it. */
export interface StationOwned {
  stationId: string;
  stationVillageCode: string;
}

/**
 * The record, if the caller may manage its station (the same rule as `managedStation`, without
 * reading the station); "<what> not found" otherwise, whether it is missing or someone else's.
 */
export function managedRecord<T extends StationOwned>(caller: Caller, record: T | null, what: string): T {
  if (!record || !canManageStation(caller, { id: record.stationId, villageCode: record.stationVillageCode })) throw notFound(what);
  return record;
}

/** A region inside the admin's own (its code starts with theirs); "not found" otherwise. */
export function assertRegionWithin(caller: Caller, regionCode: string): void {
  if (!caller.regionCode || !regionCode.startsWith(caller.regionCode)) throw notFound('Region');
}
