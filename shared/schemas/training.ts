/**
 * Training sessions (培训体验, issue 15): an officer or an admin over the station's region schedules a
 * session at a station; villagers sign up (capacity is a DynamoDB condition); attendance is taken by
 * scanning the session's QR code at the station inside its window, once per person.
 */
import * as z from 'zod/mini';
import { freeText, pageLimit, cursor } from './common';
import { householdId, mobilePhone } from './payments';
import { stationId } from './stations';

import { TRAINING_TOPICS } from '../training-topics';

export { TRAINING_TOPICS, type TrainingTopic } from '../training-topics';
/** The QR code checks people in from this many minutes before the start until the end. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 30;
export const TRAINING_CAPACITY_MAX = 200;
/** A session lasts at most this long (a day's workshop), so an hour count is never absurd. */
export const TRAINING_MAX_HOURS = 12;

export const trainingId = z.string().check(z.regex(/^tr[0-9a-f]{24}$/, 'must be a training session id'));
/** The session's check-in secret, as its QR code carries it. */
export const checkinToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'must be a check-in token'));
const isoInstant = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO-8601 instant with a zone'));
const capacity = z.number().check(z.int(), z.gte(1), z.lte(TRAINING_CAPACITY_MAX));
const topic = z.enum(TRAINING_TOPICS);
const personName = freeText(1, 30);

export const TrainingCreateRequest = z.strictObject({
  stationId,
  title: freeText(1, 60),
  topic: z.optional(topic),
  trainer: z.optional(freeText(1, 30)),
  /** The scheduling officer gives the session (their hours count as given when they check in). */
  trainerIsMe: z.optional(z.boolean()),
  startsAt: isoInstant,
  endsAt: isoInstant,
  capacity,
});
export type TrainingCreateRequest = z.infer<typeof TrainingCreateRequest>;

export const TrainingUpdateRequest = z.strictObject({
  title: z.optional(freeText(1, 60)),
  topic: z.optional(topic),
  trainer: z.optional(freeText(1, 30)),
  startsAt: z.optional(isoInstant),
  endsAt: z.optional(isoInstant),
  capacity: z.optional(capacity),
});
export type TrainingUpdateRequest = z.infer<typeof TrainingUpdateRequest>;

export const TrainingCancelRequest = z.strictObject({ reason: freeText(1, 100) });

/**
 * A sign-up: empty for oneself (a signed-in villager), or an officer's for a member of a household of
 * the session's station, by name (and a phone when they have one).
 */
export const SignupRequest = z.strictObject({
  householdId: z.optional(householdId),
  name: z.optional(personName),
  phone: z.optional(mobilePhone),
});
export type SignupRequest = z.infer<typeof SignupRequest>;

/** A check-in: the QR code's token (the scanner checks in themselves), or an officer's for a person without a phone. */
export const CheckinRequest = z.strictObject({
  token: z.optional(checkinToken),
  /** Officers: a person already signed up (their sign-up's id), or a household member by name. */
  signupId: z.optional(z.string().check(z.regex(/^[0-9a-f]{24}$/, 'must be a sign-up id'))),
  householdId: z.optional(householdId),
  name: z.optional(personName),
});
export type CheckinRequest = z.infer<typeof CheckinRequest>;

export const TrainingParams = z.strictObject({ trainingId });
export const TrainingListQuery = z.strictObject({
  stationId,
  /** `upcoming` (not ended yet, soonest first: the default) or `past` (latest first). */
  when: z.optional(z.enum(['upcoming', 'past'])),
  limit: pageLimit,
  cursor: z.optional(cursor),
});
export const TrainingHoursQuery = z.strictObject({
  /** Months `YYYY-MM` (Asia/Shanghai), at most 12; the last 6 by default. */
  from: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'))),
  to: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'))),
});

export const TRAINING_STATUSES = ['SCHEDULED', 'CANCELLED'] as const;

/** A session as anyone sees it: no person in it but the trainer's name. */
export const Training = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  title: z.string(),
  topic: topic,
  trainer: z.nullable(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  signedUpCount: z.number(),
  attendedCount: z.number(),
  status: z.enum(TRAINING_STATUSES),
  cancelReason: z.nullable(z.string()),
  /** When the QR code checks people in. */
  checkinOpensAt: z.string(),
  /** The caller's own sign-up and check-in (null when signed out). */
  mine: z.nullable(z.object({ signedUp: z.boolean(), checkedInAt: z.nullable(z.string()) })),
});
export type Training = z.infer<typeof Training>;
export const TrainingPage = z.object({ items: z.array(Training), nextCursor: z.nullable(z.string()) });

export const CheckinResponse = z.object({
  training: Training,
  /** The person checked in (their name as the officer typed it, or `you`). */
  name: z.string(),
  checkedInAt: z.string(),
  /** True when this person was checked in already: nothing new was recorded. */
  already: z.boolean(),
});
export type CheckinResponse = z.infer<typeof CheckinResponse>;

/** Who is expected and who came: for the station's officers and admins over it. */
export const TrainingAttendance = z.object({
  training: Training,
  /** The QR code shown at the station: its text, a link that opens the check-in page, and the image. */
  qr: z.object({ text: z.string(), link: z.string(), image: z.string(), validFrom: z.string(), validUntil: z.string() }),
  people: z.array(
    z.object({
      signupId: z.nullable(z.string()),
      name: z.string(),
      phoneMasked: z.nullable(z.string()),
      /** `self` (signed up in the mini-program) or `officer` (signed up by an officer). */
      signedUpBy: z.nullable(z.enum(['self', 'officer'])),
      signedUpAt: z.nullable(z.string()),
      checkedInAt: z.nullable(z.string()),
      /** `qr` (scanned) or `officer` (checked in by an officer). */
      checkedInBy: z.nullable(z.enum(['qr', 'officer'])),
    }),
  ),
  history: z.array(z.object({ at: z.string(), action: z.string(), fields: z.array(z.string()), by: z.string() })),
});
export type TrainingAttendance = z.infer<typeof TrainingAttendance>;

export const TrainingHours = z.object({
  userId: z.string(),
  months: z.array(z.object({ month: z.string(), attendedMinutes: z.number(), gaveMinutes: z.number(), sessions: z.number() })),
});
export type TrainingHours = z.infer<typeof TrainingHours>;
