/**
 * Sellers: the station's officer registers a household of the station, or a cooperative, with its
 * consent. One seller per household (a marker claimed in the same transaction).
 */
import { randomBytes } from 'node:crypto';
import { PRODUCE_CATEGORIES, type Seller, type SellerCreateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { PageRequest } from '../page';
import type { HouseholdRepository } from '../payments/household';
import type { StationRepository } from '../stations/station';
import { managedRecord, managedStation } from '../stations/station-access';
import type { SellerRecord, SellerRepository } from './market';

export interface SellerDeps {
  sellers: SellerRepository;
  stations: Pick<StationRepository, 'getById'>;
  households: Pick<HouseholdRepository, 'get'>;
  now?: () => Date;
}

export const listCategories = () => ({ items: PRODUCE_CATEGORIES.map((c) => ({ id: c.id, name: c.name })) });

export const toSellerView = (s: SellerRecord): Seller => ({
  id: s.id,
  stationId: s.stationId,
  kind: s.kind,
  displayName: s.displayName,
  householdId: s.householdId,
  createdAt: s.createdAt,
});

const TIBETAN_LETTER = /[\u0F40-\u0F6C]/u;

/**
 * Buyers see a household seller by part of the head's name, never all of it: a Chinese name's surname and 家
 * (张家). A name in Tibetan script has no surname: its first syllable (up to the tsheg ་) and ཚང་, "the
 * household of" (བཀྲ་ཤིས་དོན་གྲུབ → བཀྲ་ཚང་), not its first letter and 家 (བ家).
 */
export function householdDisplayName(headName: string): string {
  const name = headName.trim();
  if (TIBETAN_LETTER.test(name[0] ?? '')) return `${name.split(/[\s\u0F0B-\u0F14]/u)[0]}་ཚང་`;
  return `${Array.from(name)[0] ?? ''}家`;
}

export async function createSeller(deps: SellerDeps, caller: Caller, stationId: string, input: SellerCreateRequest): Promise<Seller> {
  const station = await managedStation(deps.stations, caller, stationId);
  const at = (deps.now?.() ?? new Date()).toISOString();
  let displayName: string;
  let householdId: string | null = null;
  if (input.kind === 'household') {
    if (!input.householdId || input.name !== undefined)
      throw invalidField('body.householdId', 'is required for a household seller (and a name is not)');
    const household = managedRecord(caller, await deps.households.get(input.householdId), 'Household');
    if (household.stationId !== station.id) throw notFound('Household');
    displayName = householdDisplayName(household.headName);
    householdId = household.id;
  } else {
    if (!input.name || input.householdId !== undefined) throw invalidField('body.name', 'is required for a cooperative (and a household id is not)');
    displayName = input.name;
  }
  const seller: SellerRecord = {
    id: 'sl' + randomBytes(12).toString('hex'),
    stationId: station.id,
    stationVillageCode: station.villageCode,
    kind: input.kind,
    displayName,
    householdId,
    consent: { at, recordedBy: caller.userId },
    createdAt: at,
  };
  if ((await deps.sellers.create(seller)) === 'duplicate') throw new AppError('CONFLICT', 'This household is a seller already');
  return toSellerView(seller);
}

export async function listSellers(deps: SellerDeps, caller: Caller, stationId: string, page: PageRequest) {
  const station = await managedStation(deps.stations, caller, stationId);
  const result = await deps.sellers.listOfStation(station.id, page);
  return { items: result.items.map(toSellerView), nextCursor: result.nextCursor };
}
