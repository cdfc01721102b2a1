/**
 * The officer's view of a session: its QR code (the check-in secret: only here), who signed up and who
 * came (phones masked), and its change history by name. Officers' own training hours per month.
 */
import type { TrainingAttendance, TrainingHours } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { labelPeople } from '../accounts/person-labels';
import type { UserRepository } from '../accounts/user';
import { invalidField } from '../errors';
import { businessDay } from '../stations/opening-hours';
import { maskPhone } from '../stations/station';
import { checkinOpensAt, toTrainingView, type TrainingRepository } from './training';
import { managedTraining } from './training-schedule';

/** The text a session's QR code carries; the mini-program's scanner and the H5 check-in page both read it. */
export const checkinQrText = (trainingId: string, token: string) => `yinong:training:${trainingId}:${token}`;
/** The check-in page of the mini-program with the session and its token (on H5: `/#` + this path). */
export const checkinLink = (trainingId: string, token: string) => `/packages/training/pages/checkin/index?id=${trainingId}&t=${token}`;

export async function trainingAttendance(
  deps: { trainings: TrainingRepository; users: Pick<UserRepository, 'getMany'>; qrImage: (text: string) => Promise<string> },
  caller: Caller,
  trainingId: string,
): Promise<TrainingAttendance> {
  const training = await managedTraining(deps.trainings, caller, trainingId);
  const { signups, checkins, changes } = await deps.trainings.peopleOf(trainingId);
  const came = new Map(checkins.map((c) => [c.personId, c]));
  const people: TrainingAttendance['people'] = signups.map((s) => {
    const checkin = came.get(s.personId);
    came.delete(s.personId);
    return {
      signupId: s.personId,
      name: s.name,
      phoneMasked: s.phone ? maskPhone(s.phone) : null,
      signedUpBy: s.by,
      signedUpAt: s.at,
      checkedInAt: checkin?.at ?? null,
      checkedInBy: checkin?.by ?? null,
    };
  });
  // Walk-ins: checked in without a sign-up.
  for (const c of came.values()) {
    people.push({
      signupId: null,
      name: c.name,
      phoneMasked: c.phone ? maskPhone(c.phone) : null,
      signedUpBy: null,
      signedUpAt: null,
      checkedInAt: c.at,
      checkedInBy: c.by,
    });
  }
  const label = await labelPeople(
    deps.users,
    caller,
    changes.map((c) => ({ userId: c.byUserId, role: c.byRole })),
  );
  const text = checkinQrText(training.id, training.checkinToken);
  return {
    training: toTrainingView(training),
    qr: {
      text,
      link: checkinLink(training.id, training.checkinToken),
      image: await deps.qrImage(text),
      validFrom: checkinOpensAt(training),
      validUntil: training.endsAt,
    },
    people,
    history: changes.map((c) => {
      const by = label({ userId: c.byUserId, role: c.byRole });
      return { at: c.at, action: c.action, fields: c.fields, by: by.name ?? `${by.role} ·${by.idTail}` };
    }),
  };
}

const MAX_MONTHS = 12;
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * An officer's training minutes per month (attended, given, sessions): the read the supervision work
 * uses for any officer; the route answers the caller's own. Months without a session answer zeros.
 */
export async function officerTrainingHours(
  deps: { trainings: Pick<TrainingRepository, 'officerMonths'>; now?: () => Date },
  userId: string,
  range: { from?: string; to?: string },
): Promise<TrainingHours> {
  const to = range.to ?? businessDay(deps.now?.() ?? new Date()).slice(0, 7);
  const from = range.from ?? monthOf(monthIndex(to) - 5);
  const count = monthIndex(to) - monthIndex(from) + 1;
  if (count < 1) throw invalidField('query.from', 'must not be after to');
  if (count > MAX_MONTHS) throw invalidField('query.from', `must be at most ${MAX_MONTHS} months before to`);
  const stored = new Map((await deps.trainings.officerMonths(userId, from, to)).map((m) => [m.month, m]));
  const months = Array.from({ length: count }, (_, i) => monthOf(monthIndex(from) + i)).map(
    (month) => stored.get(month) ?? { month, attendedMinutes: 0, gaveMinutes: 0, sessions: 0 },
  );
  return { userId, months };
}

export const myTrainingHours = (deps: Parameters<typeof officerTrainingHours>[0], caller: Caller, range: { from?: string; to?: string }) =>
  officerTrainingHours(deps, caller.userId, range);
