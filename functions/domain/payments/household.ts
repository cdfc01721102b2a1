import { randomBytes, randomInt } from 'node:crypto';
import type { BillType, Household, HouseholdCreateRequest, PersonLabel } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { labelPeople, type PersonRef } from '../accounts/person-labels';
import type { UserRepository } from '../accounts/user';
import { AppError, notFound } from '../errors';
import type { Page, PageRequest } from '../page';
import type { RateLimiter } from '../rate-limit';
import { maskPhone, type StationRepository } from '../stations/station';
import { managedRecord, managedStation } from '../stations/station-access';
import { maskAccountNo } from './masks';

/** A household as stored: the phone and account numbers in full, answered masked only. */
export interface HouseholdRecord {
  id: string;
  stationId: string;
  stationVillageCode: string;
  headName: string;
  phone: string | null;
  members: Array<{ name: string; relation: string | null }>;
  consent: { at: string; recordedBy: string };
  billBook: Partial<Record<BillType, { accountNo: string; savedAt: string }>>;
  linkedUserCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Who a household is, for telling the same family registered twice: its normalised head name and phone. */
export interface HouseholdIdentity {
  normalisedName: string;
  phone: string | null;
}

/** Where households and link codes are kept (functions/data implements it). */
export interface HouseholdRepository {
  /**
   * Stores the household with its identity marker in one transaction. `duplicate` (nothing stored)
   * when the marker names another household already, unless `allowDuplicate` (the marker then
   * points to the newest).
   */
  create(
    household: HouseholdRecord,
    identity: HouseholdIdentity,
    allowDuplicate: boolean,
  ): Promise<{ kind: 'created' } | { kind: 'duplicate'; householdId: string }>;
  get(householdId: string): Promise<HouseholdRecord | null>;
  /** The households a station serves, newest first. */
  listOfStation(stationId: string, page: PageRequest): Promise<Page<HouseholdRecord>>;
  /** Throws when the household does not exist. */
  saveBillBookEntry(householdId: string, billType: BillType, accountNo: string, at: string): Promise<HouseholdRecord>;
  /** A new code for the user; false when the code is taken by someone else's live code (pick another). */
  putLinkCode(code: string, userId: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
  /** Uses a live code once, linking its user to the household; null when it is unknown, expired or used. */
  redeemLinkCode(code: string, householdId: string, nowMs: number, at: string): Promise<{ userId: string } | null>;
}

/** How a household's records name the people in them (functions/domain/accounts/person-labels.ts). */
type Labeller = (ref: PersonRef) => PersonLabel;

export function toHouseholdView(h: HouseholdRecord, label: Labeller): Household {
  return {
    id: h.id,
    stationId: h.stationId,
    headName: h.headName,
    phoneMasked: h.phone ? maskPhone(h.phone) : null,
    members: h.members,
    consent: { at: h.consent.at, by: label({ userId: h.consent.recordedBy }) },
    billBook: Object.entries(h.billBook)
      .filter((entry): entry is [BillType, { accountNo: string; savedAt: string }] => entry[1] !== undefined)
      .map(([billType, entry]) => ({ billType, accountNoMasked: maskAccountNo(entry.accountNo), savedAt: entry.savedAt })),
    linkedUserCount: Number(h.linkedUserCount ?? 0),
    createdAt: h.createdAt,
  };
}

export interface HouseholdDeps {
  households: HouseholdRepository;
  users: Pick<UserRepository, 'getMany'>;
  stations: Pick<StationRepository, 'getById'>;
  rateLimiter: RateLimiter;
  now?: () => Date;
}

const LINK_CODE_TTL_MS = 10 * 60_000;
/** An officer may try this many link codes an hour: a 6-digit code cannot be guessed by trying. */
const LINK_ATTEMPTS_PER_HOUR = 20;
const LINK_CODES_PER_HOUR = 10;

/** The household, if the caller may see it (its station's officers, admins over its region); 404 otherwise. */
async function householdFor(deps: Pick<HouseholdDeps, 'households'>, caller: Caller, householdId: string): Promise<HouseholdRecord> {
  return managedRecord(caller, await deps.households.get(householdId), 'Household');
}

/** The views of some households, their people labelled with one BatchGet of users for them all. */
async function householdViews(deps: Pick<HouseholdDeps, 'users'>, caller: Caller, records: HouseholdRecord[]): Promise<Household[]> {
  const label = await labelPeople(
    deps.users,
    caller,
    records.map((h) => ({ userId: h.consent.recordedBy })),
  );
  return records.map((h) => toHouseholdView(h, label));
}

const householdView = async (deps: Pick<HouseholdDeps, 'users'>, caller: Caller, record: HouseholdRecord) =>
  (await householdViews(deps, caller, [record]))[0];

export async function getHousehold(deps: Pick<HouseholdDeps, 'households' | 'users'>, caller: Caller, householdId: string): Promise<Household> {
  return householdView(deps, caller, await householdFor(deps, caller, householdId));
}

export async function createHousehold(
  deps: Pick<HouseholdDeps, 'households' | 'stations' | 'users' | 'now'>,
  caller: Caller,
  stationId: string,
  input: HouseholdCreateRequest,
): Promise<Household> {
  const station = await managedStation(deps.stations, caller, stationId);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const members = (input.members ?? []).map((m) => ({ name: m.name, relation: m.relation ?? null }));
  if (!members.some((m) => m.name === input.headName)) members.unshift({ name: input.headName, relation: 'head' });
  const household: HouseholdRecord = {
    id: 'hh' + randomBytes(12).toString('hex'),
    stationId: station.id,
    stationVillageCode: station.villageCode,
    headName: input.headName,
    phone: input.phone ?? null,
    members,
    consent: { at, recordedBy: caller.userId },
    billBook: {},
    linkedUserCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  const created = await deps.households.create(household, identityOf(household), input.allowDuplicate === true);
  if (created.kind === 'duplicate') throw await duplicateHousehold(deps, created.householdId);
  return householdView(deps, caller, household);
}

/**
 * The same family, however the name was typed: Unicode NFC, no spaces (“索南 扎西” = “索南扎西”),
 * Latin letters in lower case.
 */
export function identityOf(h: Pick<HouseholdRecord, 'headName' | 'phone'>): HouseholdIdentity {
  return { normalisedName: h.headName.normalize('NFC').replace(/\s+/gu, '').toLowerCase(), phone: h.phone };
}

/** 409 naming the household registered already, so the officer can use it instead (or confirm a second one). */
async function duplicateHousehold(deps: Pick<HouseholdDeps, 'households'>, householdId: string): Promise<AppError> {
  const existing = await deps.households.get(householdId);
  return new AppError(
    'CONFLICT',
    'A household with this head name and phone is registered at this station already; send allowDuplicate: true to register another',
    [
      {
        path: 'body.headName',
        code: 'duplicate_household',
        message: 'is registered already with this phone',
        ...(existing
          ? { existing: { id: existing.id, label: existing.headName, phoneMasked: existing.phone ? maskPhone(existing.phone) : null } }
          : {}),
      },
    ],
  );
}

/** The households a station serves, newest first. */
export async function stationHouseholds(
  deps: Pick<HouseholdDeps, 'households' | 'stations' | 'users'>,
  caller: Caller,
  stationId: string,
  page: PageRequest,
) {
  const station = await managedStation(deps.stations, caller, stationId);
  const found = await deps.households.listOfStation(station.id, page);
  return { items: await householdViews(deps, caller, found.items), nextCursor: found.nextCursor };
}

export async function saveBillBookEntry(
  deps: Pick<HouseholdDeps, 'households' | 'users' | 'now'>,
  caller: Caller,
  householdId: string,
  billType: BillType,
  accountNo: string,
) {
  await householdFor(deps, caller, householdId);
  const saved = await deps.households.saveBillBookEntry(householdId, billType, accountNo, (deps.now?.() ?? new Date()).toISOString());
  return householdView(deps, caller, saved);
}

/** A 6-digit code for the signed-in user, valid 10 minutes. */
export async function issueLinkCode(deps: Omit<HouseholdDeps, 'stations'>, caller: Caller) {
  await deps.rateLimiter(`link-code:${caller.userId}`, LINK_CODES_PER_HOUR, 3600);
  const nowMs = (deps.now?.() ?? new Date()).getTime();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (await deps.households.putLinkCode(code, caller.userId, nowMs + LINK_CODE_TTL_MS, nowMs)) {
      return { code, expiresAt: new Date(nowMs + LINK_CODE_TTL_MS).toISOString() };
    }
  }
  throw new AppError('CONFLICT', 'Could not issue a code right now; try again');
}

export async function linkHousehold(deps: Omit<HouseholdDeps, 'stations'>, caller: Caller, householdId: string, code: string) {
  await householdFor(deps, caller, householdId);
  await deps.rateLimiter(`link-attempt:${caller.userId}`, LINK_ATTEMPTS_PER_HOUR, 3600);
  const now = deps.now?.() ?? new Date();
  const linked = await deps.households.redeemLinkCode(code, householdId, now.getTime(), now.toISOString());
  if (!linked) throw notFound('Link code (it may have expired or been used)');
  return { household: await householdView(deps, caller, (await deps.households.get(householdId))!) };
}
