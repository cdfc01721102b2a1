/**
 * Acknowledgements (收到) of alerts that ask for them: once per household, whoever of it taps, however
 * often. The station's officer sees which of their households have not, and records those told by
 * phone or in person; admins see the rates per station.
 */
import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import type { PageRequest } from '../page';
import type { HouseholdRecord, HouseholdRepository } from '../payments/household';
import type { RegionRepository } from '../regions/region';
import type { Station, StationRepository } from '../stations/station';
import { assertRegionWithin, managedStation } from '../stations/station-access';
import { toFeedSummary, type FeedRecord, type FeedRepository } from './feed';
import { placeOf } from './feed-read';
import { isVisibleAt } from './targeting';

export type InformedHow = 'phone' | 'in_person';

export interface HouseholdFeedState {
  ack: { at: string } | null;
  informed: { how: InformedHow; byUserId: string; at: string } | null;
}

export interface FeedAckRepository {
  /** The household's acknowledgement and the counters, in one transaction; false when the household had acknowledged already. */
  ack(feed: FeedRecord, householdId: string, stationId: string, at: string): Promise<boolean>;
  /** Records that an officer told a household which has not acknowledged; false when it was recorded already. Throws CONFLICT when it acknowledged meanwhile. */
  markInformed(feedId: string, householdId: string, stationId: string, informed: NonNullable<HouseholdFeedState['informed']>): Promise<boolean>;
  statesOf(feedId: string, householdIds: string[]): Promise<Map<string, HouseholdFeedState>>;
  stationTotals(feedId: string, stationIds: string[]): Promise<Map<string, { acked: number; informed: number }>>;
  countHouseholds(stationId: string): Promise<number>;
}

export interface AckDeps {
  feeds: FeedRepository;
  acks: FeedAckRepository;
  households: Pick<HouseholdRepository, 'get' | 'listOfStation'>;
  stations: Pick<StationRepository, 'getById' | 'listInRegion'>;
  regions: Pick<RegionRepository, 'get'>;
  now?: () => Date;
}

const nowOf = (deps: Pick<AckDeps, 'now'>) => (deps.now?.() ?? new Date()).toISOString();

/** The published, unexpired item, if it is shown at that village; 404 otherwise. */
async function feedShownAt(deps: Pick<AckDeps, 'feeds' | 'regions'>, feedId: string, villageCode: string, now: string): Promise<FeedRecord> {
  const feed = await deps.feeds.get(feedId);
  if (!feed || !isVisibleAt(feed, await placeOf(deps.regions, villageCode), now)) throw notFound('Item');
  return feed;
}

/** The caller's household, from their record (never from the request). */
async function callersHousehold(deps: Pick<AckDeps, 'households'>, caller: Caller): Promise<HouseholdRecord> {
  // The detail tells the client this 404 apart from "not shown at your village": it says what to do (ask the officer to link).
  if (!caller.householdId)
    throw new AppError('NOT_FOUND', 'Household not found (ask your station’s officer to link your WeChat to your household)', [
      { path: 'household', message: 'no household is linked to this account', code: 'no_household' },
    ]);
  const household = await deps.households.get(caller.householdId);
  if (!household) throw notFound('Household');
  return household;
}

export async function ackFeed(deps: AckDeps, caller: Caller, feedId: string) {
  const household = await callersHousehold(deps, caller);
  const at = nowOf(deps);
  const feed = await feedShownAt(deps, feedId, household.stationVillageCode, at);
  if (!feed.requiresAck) throw new AppError('CONFLICT', 'This item asks for no acknowledgement');
  const firstTime = await deps.acks.ack(feed, household.id, household.stationId, at);
  const state = firstTime ? null : (await deps.acks.statesOf(feed.id, [household.id])).get(household.id);
  return { feedId: feed.id, householdId: household.id, acknowledgedAt: state?.ack?.at ?? at, firstTime };
}

/** Whether the caller's household has acknowledged the item (or was told): the item page shows 已确认收到 instead of asking again. */
export async function myFeedAck(deps: AckDeps, caller: Caller, feedId: string) {
  const household = await callersHousehold(deps, caller);
  const feed = await feedShownAt(deps, feedId, household.stationVillageCode, nowOf(deps));
  const state = (await deps.acks.statesOf(feed.id, [household.id])).get(household.id);
  return {
    feedId: feed.id,
    householdId: household.id,
    acknowledgedAt: state?.ack?.at ?? null,
    informed: state?.informed ? { how: state.informed.how, at: state.informed.at } : null,
  };
}

export async function stationAcks(deps: AckDeps, caller: Caller, stationId: string, feedId: string, page: PageRequest) {
  const station = await managedStation(deps.stations, caller, stationId);
  const feed = await feedShownAt(deps, feedId, station.villageCode, nowOf(deps));
  const households = await deps.households.listOfStation(station.id, page);
  const [states, totals] = await Promise.all([
    deps.acks.statesOf(
      feed.id,
      households.items.map((h) => h.id),
    ),
    deps.acks.stationTotals(feed.id, [station.id]),
  ]);
  return {
    feedId: feed.id,
    stationId: station.id,
    totals: totals.get(station.id) ?? { acked: 0, informed: 0 },
    items: households.items.map((h: HouseholdRecord) => ({
      householdId: h.id,
      headName: h.headName,
      ack: states.get(h.id)?.ack ?? null,
      informed: states.get(h.id)?.informed ?? null,
    })),
    nextCursor: households.nextCursor,
  };
}

export async function markInformed(
  deps: AckDeps,
  caller: Caller,
  stationId: string,
  feedId: string,
  input: { householdId: string; how: InformedHow },
) {
  const station = await managedStation(deps.stations, caller, stationId);
  const at = nowOf(deps);
  const feed = await feedShownAt(deps, feedId, station.villageCode, at);
  const household = await deps.households.get(input.householdId);
  if (!household || household.stationId !== station.id) throw notFound('Household');
  if (!feed.requiresAck) throw new AppError('CONFLICT', 'This item asks for no acknowledgement');
  const informed = { how: input.how, byUserId: caller.userId, at };
  const recorded = await deps.acks.markInformed(feed.id, household.id, station.id, informed);
  const stored = recorded ? informed : ((await deps.acks.statesOf(feed.id, [household.id])).get(household.id)?.informed ?? informed);
  return { feedId: feed.id, householdId: household.id, ...stored };
}

/**
 * Per station of the region (division-code order, paginated): households, acknowledged, informed.
 * The stations are those of the region the item reaches there (its target, or the admin's region
 * inside it) and of the area types it names.
 */
export async function ackRates(deps: AckDeps, caller: Caller, code: string, feedId: string, page: PageRequest) {
  assertRegionWithin(caller, code);
  const feed = await deps.feeds.get(feedId);
  if (!feed || feed.publishedAt === null) throw notFound('Item');
  const reach = code.startsWith(feed.regionCode) ? code : feed.regionCode.startsWith(code) ? feed.regionCode : null;
  if (reach === null) throw notFound('Item');
  const stations = await deps.stations.listInRegion(reach, page);
  const targeted = stations.items.filter((s: Station) => feed.areaTypes === null || feed.areaTypes.includes(s.areaType));
  const [totals, counts] = await Promise.all([
    deps.acks.stationTotals(
      feed.id,
      targeted.map((s) => s.id),
    ),
    Promise.all(targeted.map((s) => deps.acks.countHouseholds(s.id))),
  ]);
  return {
    items: targeted.map((s, i) => ({
      stationId: s.id,
      villageCode: s.villageCode,
      villageName: s.villageName,
      households: counts[i],
      acked: totals.get(s.id)?.acked ?? 0,
      informed: totals.get(s.id)?.informed ?? 0,
    })),
    nextCursor: stations.nextCursor,
  };
}

/**
 * The alerts asking for 收到 that reach into the admin's region, newest first: targeted at a place
 * inside it (a county, a township, a village) or at the region itself or above. The admin's way to
 * each alert's rates; the feed of the region itself shows only those targeted at it or above.
 */
export async function regionAckAlerts(deps: AckDeps, caller: Caller, code: string, page: PageRequest) {
  assertRegionWithin(caller, code);
  const place = await placeOf(deps.regions, code);
  const found = await deps.feeds.ackAlertsReaching(code, place.chain, page);
  const now = nowOf(deps);
  return { items: found.items.map((feed) => toFeedSummary(feed, 'zh', now)), nextCursor: found.nextCursor };
}
