/**
 * Scheduling (issue 15): an officer at their station, or an admin over the station's region, schedules,
 * edits and cancels a session; every change is recorded with who and when. Anyone reads a station's
 * sessions (upcoming first) and a session.
 */
import { randomBytes } from 'node:crypto';
import { TRAINING_MAX_HOURS, type Training, type TrainingCreateRequest, type TrainingUpdateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { Page, PageRequest } from '../page';
import type { StationRepository } from '../stations/station';
import { canManageStation, managedStation } from '../stations/station-access';
import { toTrainingView, type TrainingChange, type TrainingRecord, type TrainingRepository } from './training';
import { personOfCaller } from './training-people';

export interface ScheduleDeps {
  trainings: TrainingRepository;
  stations: Pick<StationRepository, 'getById'>;
  now?: () => Date;
}

const MAX_ATTEMPTS = 3;
const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

/** The session, if the caller manages its station; 404 otherwise (missing or someone else's). */
export async function managedTraining(trainings: Pick<TrainingRepository, 'get'>, caller: Caller, id: string): Promise<TrainingRecord> {
  const training = await trainings.get(id);
  if (!training || !canManageStation(caller, { id: training.stationId, villageCode: training.stationVillageCode })) throw notFound('Training');
  return training;
}

/** Start before end, at most TRAINING_MAX_HOURS long; times stored as UTC ISO strings (they sort). */
function checkTimes(startsAt: string, endsAt: string, prefix: 'body.'): { startsAt: string; endsAt: string } {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (!Number.isFinite(start)) throw invalidField(`${prefix}startsAt`, 'is not a time');
  if (!Number.isFinite(end)) throw invalidField(`${prefix}endsAt`, 'is not a time');
  if (end <= start) throw invalidField(`${prefix}endsAt`, 'must be after startsAt');
  if (end - start > TRAINING_MAX_HOURS * 3600_000)
    throw invalidField(`${prefix}endsAt`, `must be at most ${TRAINING_MAX_HOURS} hours after startsAt`);
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}

export async function createTraining(deps: ScheduleDeps, caller: Caller, request: TrainingCreateRequest): Promise<Training> {
  const station = await managedStation(deps.stations, caller, request.stationId);
  const times = checkTimes(request.startsAt, request.endsAt, 'body.');
  const now = nowOf(deps);
  if (Date.parse(times.endsAt) <= now.getTime()) throw invalidField('body.endsAt', 'must be in the future');
  const at = now.toISOString();
  const training: TrainingRecord = {
    id: `tr${randomBytes(12).toString('hex')}`,
    stationId: station.id,
    stationVillageCode: station.villageCode,
    stationName: station.villageName,
    title: request.title,
    topic: request.topic ?? 'other',
    trainer: request.trainer ?? null,
    trainerUserId: request.trainerIsMe && caller.role === 'officer' ? caller.userId : null,
    ...times,
    capacity: request.capacity,
    signedUpCount: 0,
    attendedCount: 0,
    status: 'SCHEDULED',
    cancelReason: null,
    checkinToken: randomBytes(16).toString('base64url'),
    createdBy: caller.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const { checkinToken: _secret, ...recorded } = training;
  await deps.trainings.create(training, {
    at,
    byUserId: caller.userId,
    byRole: caller.role,
    action: 'created',
    fields: [],
    before: {},
    after: recorded,
  });
  return toTrainingView(training);
}

/** Edits or cancels, conditional on the version read (a concurrent edit: re-read and re-apply, a few times). */
async function change(
  deps: ScheduleDeps,
  caller: Caller,
  id: string,
  apply: (t: TrainingRecord) => { changes: Partial<TrainingRecord>; action: TrainingChange['action'] },
): Promise<Training> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const training = await managedTraining(deps.trainings, caller, id);
    if (training.status === 'CANCELLED') throw new AppError('CONFLICT', 'The session is cancelled');
    const { changes, action } = apply(training);
    const fields = (Object.keys(changes) as Array<keyof TrainingRecord>)
      .filter((f) => JSON.stringify(training[f]) !== JSON.stringify(changes[f]))
      .sort();
    if (fields.length === 0) return toTrainingView(training);
    const at = nowOf(deps).toISOString();
    const updated = await deps.trainings.update(
      training,
      { ...changes, updatedAt: at },
      {
        at,
        byUserId: caller.userId,
        byRole: caller.role,
        action,
        fields,
        before: Object.fromEntries(fields.map((f) => [f, training[f] ?? null])),
        after: Object.fromEntries(fields.map((f) => [f, changes[f] ?? null])),
      },
    );
    if (updated) return toTrainingView(updated);
    const fresh = await deps.trainings.get(id);
    if (fresh && changes.capacity !== undefined && fresh.signedUpCount > changes.capacity) {
      throw invalidField('body.capacity', `must be at least the ${fresh.signedUpCount} people signed up`);
    }
  }
  throw new AppError('CONFLICT', 'The session kept changing while we saved; reload and try again');
}

export function updateTraining(deps: ScheduleDeps, caller: Caller, id: string, request: TrainingUpdateRequest): Promise<Training> {
  return change(deps, caller, id, (t) => {
    const times = checkTimes(request.startsAt ?? t.startsAt, request.endsAt ?? t.endsAt, 'body.');
    if (request.capacity !== undefined && request.capacity < t.signedUpCount) {
      throw invalidField('body.capacity', `must be at least the ${t.signedUpCount} people signed up`);
    }
    const changes: Partial<TrainingRecord> = { ...request };
    if (request.startsAt || request.endsAt) Object.assign(changes, times);
    return { changes, action: 'updated' };
  });
}

/** Cancelled sessions stay listed (CANCELLED, with the reason), so those signed up see it. */
export function cancelTraining(deps: ScheduleDeps, caller: Caller, id: string, reason: string): Promise<Training> {
  return change(deps, caller, id, () => ({ changes: { status: 'CANCELLED', cancelReason: reason }, action: 'cancelled' }));
}

export async function listTrainings(
  deps: Pick<ScheduleDeps, 'trainings' | 'now'>,
  query: { stationId: string; when?: 'upcoming' | 'past' } & PageRequest,
): Promise<Page<Training>> {
  const page = await deps.trainings.listOfStation(query.stationId, query.when ?? 'upcoming', nowOf(deps).toISOString(), query);
  return { items: page.items.map((t) => toTrainingView(t)), nextCursor: page.nextCursor };
}

/** Public; a signed-in caller also sees their own sign-up and check-in. */
export async function getTraining(deps: Pick<ScheduleDeps, 'trainings'>, caller: Caller | null, id: string): Promise<Training> {
  const training = await deps.trainings.get(id);
  if (!training) throw notFound('Training');
  if (!caller) return toTrainingView(training);
  const personId = personOfCaller(caller).personId;
  const [signup, checkin] = await Promise.all([deps.trainings.getSignup(id, personId), deps.trainings.getCheckin(id, personId)]);
  return toTrainingView(training, { signedUp: signup !== null, checkedInAt: checkin?.at ?? null });
}
