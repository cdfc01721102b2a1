/**
 * The schedule form of a training session: what the officer types (a date and times in China's time,
 * as on the station's wall clock) to and from the API's instants. Pure, so it is tested without pages.
 */
import type { Training, TrainingCreateRequest, TrainingTopic } from '@shared/schemas/training';

export interface TrainingDraft {
  topic: TrainingTopic;
  title: string;
  trainer: string;
  /** YYYY-MM-DD, China's date. */
  date: string;
  /** HH:MM, China's time. */
  startTime: string;
  endTime: string;
  capacity: string;
}

export type DraftProblem = 'title' | 'date' | 'startTime' | 'endTime' | 'order' | 'capacity';

const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant from a China date and time, or null when either is not one. */
export function chinaInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{1,2}:\d{2}$/.test(time)) return null;
  const [h, m] = time.split(':').map(Number);
  if (h > 23 || m > 59) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return new Date(ms + (h * 60 + m) * 60_000 - CHINA_OFFSET_MS).toISOString();
}

const chinaParts = (iso: string) => {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return { date: d.toISOString().slice(0, 10), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
};

/** A new session's draft: tomorrow 10:00-12:00 in China, 30 seats. */
export function emptyDraft(now = new Date()): TrainingDraft {
  const tomorrow = chinaParts(new Date(now.getTime() + 24 * 3600_000).toISOString()).date;
  return { topic: 'phone_skills', title: '', trainer: '', date: tomorrow, startTime: '10:00', endTime: '12:00', capacity: '30' };
}

export function draftOf(training: Training): TrainingDraft {
  const start = chinaParts(training.startsAt);
  return {
    topic: training.topic,
    title: training.title,
    trainer: training.trainer ?? '',
    date: start.date,
    startTime: start.time,
    endTime: chinaParts(training.endsAt).time,
    capacity: String(training.capacity),
  };
}

/** The request of a draft, or what is wrong with it (shown by the field). */
export function requestOf(
  draft: TrainingDraft,
  stationId: string,
): { ok: true; body: TrainingCreateRequest } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  if (!draft.title.trim()) problems.push('title');
  const startsAt = chinaInstant(draft.date, draft.startTime);
  const endsAt = chinaInstant(draft.date, draft.endTime);
  if (chinaInstant(draft.date, '00:00') === null) problems.push('date');
  else {
    if (startsAt === null) problems.push('startTime');
    if (endsAt === null) problems.push('endTime');
    if (startsAt && endsAt && endsAt <= startsAt) problems.push('order');
  }
  const capacity = Number(draft.capacity);
  if (!/^\d+$/.test(draft.capacity) || capacity < 1 || capacity > 200) problems.push('capacity');
  if (problems.length || !startsAt || !endsAt) return { ok: false, problems };
  const trainer = draft.trainer.trim();
  return {
    ok: true,
    body: { stationId, topic: draft.topic, title: draft.title.trim(), ...(trainer ? { trainer } : {}), startsAt, endsAt, capacity },
  };
}

/** The QR code's text: `yinong:training:<id>:<token>` (the scanner opens the check-in page with both). */
export function parseCheckinQr(text: string): { id: string; token: string } | null {
  const match = /^yinong:training:(tr[0-9a-f]{24}):([A-Za-z0-9_-]{22})$/.exec(text.trim());
  return match ? { id: match[1], token: match[2] } : null;
}
