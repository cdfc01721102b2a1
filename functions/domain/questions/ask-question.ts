/**
 * POST /questions: a villager asks from the village of their household (else their home station);
 * an officer asks for a household of their own station, from its village. Photos are the caller's
 * pending uploads, checked by content (checkNewUploads, as feed items do) and attached in the
 * question's own transaction.
 */
import { randomBytes } from 'node:crypto';
import { MAX_QUESTION_PHOTOS, type QuestionCreateRequest, type QuestionView } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { UserRepository } from '../accounts/user';
import { AppError, invalidField, notFound } from '../errors';
import type { HouseholdRepository } from '../payments/household';
import type { RegionRepository } from '../regions/region';
import type { StationRepository } from '../stations/station';
import { checkNewUploads } from '../uploads/check-uploads';
import type { ImageStore, UploadRepository } from '../uploads/upload';
import { ESCALATE_AFTER_MS, type QuestionRecord, type QuestionRepository } from './question';
import { questionViews } from './question-views';

export interface AskDeps {
  questions: Pick<QuestionRepository, 'create'>;
  users: Pick<UserRepository, 'get'>;
  households: Pick<HouseholdRepository, 'get'>;
  stations: Pick<StationRepository, 'getById'>;
  regions: Pick<RegionRepository, 'get'>;
  uploads: UploadRepository;
  images: ImageStore;
  now?: () => Date;
}

/** The village a question comes from, and the household and station it concerns. */
async function placeOf(deps: AskDeps, caller: Caller, input: QuestionCreateRequest) {
  if (caller.role === 'officer') {
    if (!input.householdId) throw invalidField('body.householdId', 'is required: an officer asks for a household of their station');
    const household = await deps.households.get(input.householdId);
    // Another station's household is "not found": its existence elsewhere is not disclosed.
    if (!household || !caller.stationId || household.stationId !== caller.stationId) throw notFound('Household');
    return { villageCode: household.stationVillageCode, householdId: household.id, stationId: household.stationId };
  }
  // A villager may name their own household; any other is "not found", like an officer's reach.
  if (input.householdId !== undefined && input.householdId !== caller.householdId) throw notFound('Household');
  const household = caller.householdId ? await deps.households.get(caller.householdId) : null;
  if (household) return { villageCode: household.stationVillageCode, householdId: household.id, stationId: household.stationId };
  const user = await deps.users.get(caller.userId);
  const home = user?.homeStationId ? await deps.stations.getById(user.homeStationId) : null;
  if (!home) throw notFound('Home station (choose your station first: a question is asked from its village)');
  return { villageCode: home.villageCode, householdId: null, stationId: home.id };
}

export async function askQuestion(deps: AskDeps, caller: Caller, input: QuestionCreateRequest): Promise<QuestionView> {
  const place = await placeOf(deps, caller, input);
  const ids = input.photos ?? [];
  if (new Set(ids).size !== ids.length) throw invalidField('body.photos', 'names an upload twice');
  if (ids.length > MAX_QUESTION_PHOTOS) throw invalidField('body.photos', `has more than ${MAX_QUESTION_PHOTOS} photos`);
  const county = await deps.regions.get(place.villageCode.slice(0, 6));
  const photos = await checkNewUploads({ uploads: deps.uploads, images: deps.images }, caller, ids, (id) => ids.indexOf(id));
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  const question: QuestionRecord = {
    id: 'qs' + randomBytes(12).toString('hex'),
    field: input.field,
    text: input.text,
    photos,
    consent: input.consent,
    askedBy: caller.userId,
    householdId: place.householdId,
    stationId: place.stationId,
    villageCode: place.villageCode,
    countyName: county?.name ?? '',
    status: 'OPEN',
    reach: 'county',
    dueAt: new Date(now.getTime() + ESCALATE_AFTER_MS).toISOString(),
    escalations: [],
    claimedBy: null,
    claimUntil: null,
    answer: null,
    askedAt: at,
  };
  try {
    await deps.questions.create(question, ids);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', 'A photo was used by another question meanwhile');
    throw error;
  }
  return (await questionViews(deps.images, caller, [question], at))[0];
}
