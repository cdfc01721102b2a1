import type { StationHistoryResponse, StationProfile, StationUpdateRequest } from '../../../shared';
import { OFFICER_EDITABLE_FIELDS } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { labelPeople } from '../accounts/person-labels';
import type { UserRepository } from '../accounts/user';
import { AppError, notFound } from '../errors';
import { canManageStation, managedStation } from './station-access';
import { toStationChangeView, toStationProfile, type Station, type StationRepository } from './station';

/** A concurrent edit (or appointment) moves the version on; re-read and re-apply a few times. */
const MAX_ATTEMPTS = 3;

export async function updateStation(
  deps: { stations: StationRepository; now?: () => Date },
  caller: Caller,
  stationId: string,
  request: StationUpdateRequest,
): Promise<StationProfile> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const station = await deps.stations.getById(stationId);
    if (!station || !canManageStation(caller, station)) throw notFound('Station');
    const fields = Object.keys(request) as Array<keyof StationUpdateRequest>;
    if (caller.role === 'officer') {
      const refused = fields.filter((f) => !(OFFICER_EDITABLE_FIELDS as readonly string[]).includes(f));
      if (refused.length) {
        throw new AppError(
          'FORBIDDEN',
          `Officers may change ${OFFICER_EDITABLE_FIELDS.join(', ')}; ask an administrator for ${refused.join(', ')}`,
          refused.map((f) => ({ path: `body.${f}`, message: 'only an administrator may change this', code: 'forbidden_field' })),
        );
      }
    }
    const changes = request as Partial<Station>;
    const changed = fields.filter((f) => JSON.stringify(station[f]) !== JSON.stringify(changes[f])).sort();
    const now = deps.now?.() ?? new Date();
    if (changed.length === 0) return toStationProfile(station, now);
    const updated = await deps.stations.update(station, changes, {
      at: now.toISOString(),
      byUserId: caller.userId,
      byRole: caller.role,
      fields: changed,
      before: Object.fromEntries(changed.map((f) => [f, station[f] ?? null])),
      after: Object.fromEntries(changed.map((f) => [f, changes[f] ?? null])),
    });
    if (updated) return toStationProfile(updated, now);
  }
  throw new AppError('CONFLICT', 'The station kept changing while we saved; reload and try again');
}

/** A station's changes, newest first, each naming its author by name (one BatchGet of users per page). */
export async function listStationChanges(
  deps: { stations: StationRepository; users: Pick<UserRepository, 'getMany'> },
  caller: Caller,
  stationId: string,
  page: { limit: number; cursor?: string },
): Promise<StationHistoryResponse> {
  await managedStation(deps.stations, caller, stationId);
  const changes = await deps.stations.listChanges(stationId, page);
  const label = await labelPeople(
    deps.users,
    caller,
    changes.items.map((c) => ({ userId: c.byUserId, role: c.byRole })),
  );
  return {
    // Phones in before/after are masked (toStationChangeView); the full number is only in the stored record.
    items: changes.items
      .map(toStationChangeView)
      .map(({ byUserId, ...change }) => ({ ...change, by: label({ userId: byUserId, role: change.byRole }) })),
    nextCursor: changes.nextCursor,
  };
}
