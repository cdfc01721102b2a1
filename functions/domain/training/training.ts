/**
 * Training sessions (培训体验, issue 15): what is stored, the repository the data layer implements, and
 * the public view. A session, its sign-ups, check-ins and change records share one partition.
 *
 *   sign-up:  ONE transaction: Put SIGNUP#<person> (attribute_not_exists) + session signedUpCount+1
 *             (condition: SCHEDULED, not ended, signedUpCount < capacity): never oversubscribed
 *   check-in: ONE transaction: Put CHECKIN#<person> (attribute_not_exists) + session attendedCount+1
 *             (+ the officer's month of training minutes): once per person, however many scans race
 */
import { CHECKIN_OPENS_MINUTES_BEFORE, type Training, type TrainingTopic } from '../../../shared';
import type { Page, PageRequest } from '../page';

export interface TrainingRecord {
  id: string;
  stationId: string;
  stationVillageCode: string;
  stationName: string;
  title: string;
  topic: TrainingTopic;
  trainer: string | null;
  /** The officer giving it (their check-in counts as hours given), when they said so. */
  trainerUserId: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signedUpCount: number;
  attendedCount: number;
  status: 'SCHEDULED' | 'CANCELLED';
  cancelReason: string | null;
  /** The secret its QR code carries: only the station's officers and admins over it see it. */
  checkinToken: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A person in a session: a signed-in user, or a household member an officer named. */
export interface TrainingPerson {
  personId: string;
  userId: string | null;
  householdId: string | null;
  name: string;
  /** Stored in full for the officer to call; answered masked. */
  phone: string | null;
}

export interface SignupRecord extends TrainingPerson {
  trainingId: string;
  by: 'self' | 'officer';
  byUserId: string;
  at: string;
}

export interface CheckinRecord extends TrainingPerson {
  trainingId: string;
  by: 'qr' | 'officer';
  byUserId: string;
  at: string;
}

export interface TrainingChange {
  at: string;
  byUserId: string;
  byRole: string;
  action: 'created' | 'updated' | 'cancelled';
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** Minutes ADDed to an officer's month (Asia/Shanghai) with their check-in, in the same transaction. */
export interface OfficerMinutes {
  userId: string;
  month: string;
  kind: 'attended' | 'gave';
  minutes: number;
}

export interface OfficerMonth {
  month: string;
  attendedMinutes: number;
  gaveMinutes: number;
  sessions: number;
}

export interface TrainingRepository {
  create(training: TrainingRecord, change: TrainingChange): Promise<void>;
  get(id: string): Promise<TrainingRecord | null>;
  /** `upcoming`: not ended at `now`, soonest end first; `past`: ended, latest first. ONE Query a page. */
  listOfStation(stationId: string, when: 'upcoming' | 'past', now: string, page: PageRequest): Promise<Page<TrainingRecord>>;
  /** Applies the changes if the stored version is still `training.version` (and a new capacity holds its sign-ups); null otherwise. */
  update(training: TrainingRecord, changes: Partial<TrainingRecord>, change: TrainingChange): Promise<TrainingRecord | null>;
  signUp(training: TrainingRecord, signup: SignupRecord, now: string): Promise<'signed_up' | 'already' | 'refused'>;
  /** Removes the person's sign-up (and its seat); false when there was none. */
  cancelSignup(trainingId: string, personId: string): Promise<boolean>;
  getSignup(trainingId: string, personId: string): Promise<SignupRecord | null>;
  getCheckin(trainingId: string, personId: string): Promise<CheckinRecord | null>;
  checkIn(
    training: TrainingRecord,
    checkin: CheckinRecord,
    now: string,
    minutes: OfficerMinutes | null,
  ): Promise<'checked_in' | 'already' | 'refused'>;
  /** Everything in the session's partition but the session: one Query (a session holds at most 200 sign-ups). */
  peopleOf(trainingId: string): Promise<{ signups: SignupRecord[]; checkins: CheckinRecord[]; changes: TrainingChange[] }>;
  officerMonths(userId: string, fromMonth: string, toMonth: string): Promise<OfficerMonth[]>;
}

export const checkinOpensAt = (t: Pick<TrainingRecord, 'startsAt'>) =>
  new Date(Date.parse(t.startsAt) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000).toISOString();

/** Inside the window the QR code works: from 30 minutes before the start to the end, while scheduled. */
export const checkinOpen = (t: TrainingRecord, now: Date) =>
  t.status === 'SCHEDULED' && now.getTime() >= Date.parse(checkinOpensAt(t)) && now.getTime() <= Date.parse(t.endsAt);

export const durationMinutes = (t: Pick<TrainingRecord, 'startsAt' | 'endsAt'>) =>
  Math.round((Date.parse(t.endsAt) - Date.parse(t.startsAt)) / 60_000);

export function toTrainingView(t: TrainingRecord, mine: Training['mine'] = null): Training {
  return {
    id: t.id,
    stationId: t.stationId,
    stationName: t.stationName,
    title: t.title,
    topic: t.topic,
    trainer: t.trainer,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    capacity: t.capacity,
    signedUpCount: t.signedUpCount,
    attendedCount: t.attendedCount,
    status: t.status,
    cancelReason: t.cancelReason,
    checkinOpensAt: checkinOpensAt(t),
    mine,
  };
}
