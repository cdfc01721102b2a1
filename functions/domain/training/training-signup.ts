/**
 * Sign-ups: a signed-in villager signs up themselves at any session; an officer of the session's station
 * (or an admin over it) signs up a member of one of the station's households by name. The seat is taken by
 * the repository's transaction (capacity is a DynamoDB condition): never oversubscribed, once per person.
 */
import type { SignupRequest, Training } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { UserRepository } from '../accounts/user';
import { AppError, invalidField, notFound } from '../errors';
import type { HouseholdRepository } from '../payments/household';
import { canManageStation } from '../stations/station-access';
import { toTrainingView, type SignupRecord, type TrainingRecord, type TrainingRepository } from './training';
import { accountLabel, personIdOf, personOfCaller } from './training-people';

export interface SignupDeps {
  trainings: TrainingRepository;
  users: Pick<UserRepository, 'get'>;
  households: Pick<HouseholdRepository, 'get'>;
  now?: () => Date;
}

const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

/** Why a seat was refused, read after the condition failed (the answer only; the write was already refused). */
function refusal(training: TrainingRecord | null, now: Date): AppError {
  if (!training) return notFound('Training');
  if (training.status === 'CANCELLED') return new AppError('CONFLICT', 'The session is cancelled');
  if (Date.parse(training.endsAt) <= now.getTime()) return new AppError('CONFLICT', 'The session is over');
  return new AppError('TRAINING_FULL', 'No seat left in this session');
}

/** A member of a household of the session's station, named by the officer (404 for anyone else's household). */
export async function householdMember(
  deps: Pick<SignupDeps, 'households'>,
  caller: Caller,
  training: TrainingRecord,
  request: { householdId?: string; name?: string },
) {
  if (!canManageStation(caller, { id: training.stationId, villageCode: training.stationVillageCode })) throw notFound('Training');
  if (!request.householdId) throw invalidField('body.householdId', 'is required to sign up someone else');
  if (!request.name) throw invalidField('body.name', 'is required to sign up someone else');
  const household = await deps.households.get(request.householdId);
  if (!household || household.stationId !== training.stationId) throw notFound('Household');
  return { householdId: household.id, name: request.name, personId: personIdOf({ householdId: household.id, name: request.name }) };
}

export async function signUp(deps: SignupDeps, caller: Caller, trainingId: string, request: SignupRequest): Promise<Training> {
  const training = await deps.trainings.get(trainingId);
  if (!training) throw notFound('Training');
  const now = nowOf(deps);
  const forSomeoneElse = request.householdId !== undefined || request.name !== undefined || request.phone !== undefined;
  let signup: SignupRecord;
  if (forSomeoneElse) {
    const member = await householdMember(deps, caller, training, request);
    signup = { ...member, trainingId, userId: null, phone: request.phone ?? null, by: 'officer', byUserId: caller.userId, at: now.toISOString() };
  } else {
    const user = await deps.users.get(caller.userId);
    const self = personOfCaller(caller);
    signup = {
      ...self,
      trainingId,
      name: accountLabel(caller.userId, user?.name),
      phone: null,
      by: 'self',
      byUserId: caller.userId,
      at: now.toISOString(),
    };
  }
  const outcome = await deps.trainings.signUp(training, signup, now.toISOString());
  if (outcome === 'refused') throw refusal(await deps.trainings.get(trainingId), now);
  const fresh = (await deps.trainings.get(trainingId)) ?? training;
  return toTrainingView(
    fresh,
    forSomeoneElse ? null : { signedUp: true, checkedInAt: (await deps.trainings.getCheckin(trainingId, signup.personId))?.at ?? null },
  );
}

/** The caller's own sign-up, withdrawn (its seat freed); already withdrawn is fine (the answer says so). */
export async function cancelMySignup(deps: Pick<SignupDeps, 'trainings'>, caller: Caller, trainingId: string): Promise<Training> {
  const training = await deps.trainings.get(trainingId);
  if (!training) throw notFound('Training');
  const { personId } = personOfCaller(caller);
  await deps.trainings.cancelSignup(trainingId, personId);
  const fresh = (await deps.trainings.get(trainingId)) ?? training;
  return toTrainingView(fresh, { signedUp: false, checkedInAt: (await deps.trainings.getCheckin(trainingId, personId))?.at ?? null });
}
