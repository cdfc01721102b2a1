/**
 * Attendance. The session's QR code (shown at the station by its officer) carries the session's secret
 * token; a signed-in person who scans it inside the window (30 minutes before the start to the end) is
 * checked in once, however many scans race: the check-in item's `attribute_not_exists` decides, and the
 * session's count and (for an officer) their month of training minutes move in the same transaction.
 * Officers check in a person without a phone: one signed up (by sign-up id) or a household member by name.
 *
 *   scan ──token matches? (404 otherwise) ──window open? (409 CHECKIN_CLOSED) ──ONE transaction──> checked in
 *                                                                      └─ condition failed ──> already (200)
 */
import { timingSafeEqual } from 'node:crypto';
import type { CheckinRequest, CheckinResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { UserRepository } from '../accounts/user';
import { AppError, invalidField, notFound } from '../errors';
import type { HouseholdRepository } from '../payments/household';
import { businessDay } from '../stations/opening-hours';
import { canManageStation } from '../stations/station-access';
import {
  checkinOpen,
  durationMinutes,
  toTrainingView,
  type CheckinRecord,
  type OfficerMinutes,
  type TrainingRecord,
  type TrainingRepository,
} from './training';
import { trainingAttended, type TrainingEventSink } from './training-events';
import { accountLabel, personOfCaller } from './training-people';
import { householdMember } from './training-signup';

export interface CheckinDeps {
  trainings: TrainingRepository;
  users: Pick<UserRepository, 'get'>;
  households: Pick<HouseholdRepository, 'get'>;
  /**
   * Where each new attendance goes, for listeners beyond the service ledger (which records it in the
   * check-in's own transaction: trainings-repository); nothing by default.
   */
  onAttended?: TrainingEventSink;
  now?: () => Date;
}

const tokenMatches = (stored: string, given: string) => stored.length === given.length && timingSafeEqual(Buffer.from(stored), Buffer.from(given));

/** An officer's minutes for the session: attended, or given when they are its trainer (month of its start, Asia/Shanghai). */
function officerMinutes(caller: Caller, training: TrainingRecord): OfficerMinutes | null {
  if (caller.role !== 'officer') return null;
  return {
    userId: caller.userId,
    month: businessDay(new Date(training.startsAt)).slice(0, 7),
    kind: training.trainerUserId === caller.userId ? 'gave' : 'attended',
    minutes: durationMinutes(training),
  };
}

async function personToCheckIn(deps: CheckinDeps, caller: Caller, training: TrainingRecord, request: CheckinRequest, at: string) {
  if (request.token !== undefined) {
    // A wrong token says nothing about the session: the same 404 as a session that does not exist.
    if (!tokenMatches(training.checkinToken, request.token)) throw notFound('Training');
    const user = await deps.users.get(caller.userId);
    const checkin: CheckinRecord = {
      ...personOfCaller(caller),
      trainingId: training.id,
      name: accountLabel(caller.userId, user?.name),
      phone: null,
      by: 'qr',
      byUserId: caller.userId,
      at,
    };
    return { checkin, minutes: officerMinutes(caller, training) };
  }
  if (!canManageStation(caller, { id: training.stationId, villageCode: training.stationVillageCode })) throw notFound('Training');
  if (request.signupId !== undefined) {
    const signup = await deps.trainings.getSignup(training.id, request.signupId);
    if (!signup) throw notFound('Sign-up');
    const { personId, userId, householdId, name, phone } = signup;
    return {
      checkin: { personId, userId, householdId, name, phone, trainingId: training.id, by: 'officer' as const, byUserId: caller.userId, at },
      minutes: null,
    };
  }
  if (request.householdId === undefined) throw invalidField('body.token', 'is required (or an officer’s signupId, or householdId and name)');
  const member = await householdMember(deps, caller, training, request);
  return {
    checkin: { ...member, userId: null, phone: null, trainingId: training.id, by: 'officer' as const, byUserId: caller.userId, at },
    minutes: null,
  };
}

export async function checkIn(deps: CheckinDeps, caller: Caller, trainingId: string, request: CheckinRequest): Promise<CheckinResponse> {
  const training = await deps.trainings.get(trainingId);
  if (!training) throw notFound('Training');
  const now = deps.now?.() ?? new Date();
  const { checkin, minutes } = await personToCheckIn(deps, caller, training, request, now.toISOString());
  if (!checkinOpen(training, now))
    throw new AppError('CHECKIN_CLOSED', 'Check-in is open from 30 minutes before the start to the end of a scheduled session');
  const outcome = await deps.trainings.checkIn(training, checkin, now.toISOString(), minutes);
  if (outcome === 'refused') throw new AppError('CHECKIN_CLOSED', 'The session was cancelled or is over');
  const stored = outcome === 'already' ? await deps.trainings.getCheckin(trainingId, checkin.personId) : checkin;
  if (outcome === 'checked_in') {
    await deps.onAttended?.(
      trainingAttended(training, checkin, {
        checkedInBy: caller.role === 'officer' ? caller.userId : null,
        scheduledBy: training.createdBy,
      }),
    );
  }
  const fresh = (await deps.trainings.get(trainingId)) ?? training;
  const self = request.token !== undefined;
  return {
    training: toTrainingView(
      fresh,
      self ? { signedUp: (await deps.trainings.getSignup(trainingId, checkin.personId)) !== null, checkedInAt: stored?.at ?? checkin.at } : null,
    ),
    name: self ? 'you' : checkin.name,
    checkedInAt: stored?.at ?? checkin.at,
    already: outcome === 'already',
  };
}
