import type { OpeningWindow } from '@shared/schemas/stations';
import { t, type MessageKey } from '../i18n/station';

/** Days of the week as the API numbers them: 1 = Monday … 7 = Sunday. */
export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export const dayName = (day: number): string => t(`day.${day}` as MessageKey);
export const dayShortName = (day: number): string => t(`day.short.${day}` as MessageKey);

/** Sorted, without repeats or anything outside 1..7. */
export function normalizeDays(days: readonly number[]): number[] {
  return Array.from(new Set(days.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7))).sort((a, b) => a - b);
}

/** Runs of consecutive days: [1,2,3,5] -> [[1,3],[5,5]]. */
function runsOf(days: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/**
 * The days of a window in words: "每天", "周一至周五", "周六、周日", "周一、周三、周五",
 * "周一至周三、周五". Three or more days in a row read as a range, two as a list.
 */
export function describeDays(days: readonly number[]): string {
  const sorted = normalizeDays(days);
  if (sorted.length === 7) return t('hours.everyDay');
  return runsOf(sorted)
    .flatMap(([from, to]) => {
      if (to - from >= 2) return [t('hours.dayRange', { from: dayName(from), to: dayName(to) })];
      return from === to ? [dayName(from)] : [dayName(from), dayName(to)];
    })
    .join(t('list.comma'));
}

/** One window in words: "周一至周六 09:00–18:00". */
export function describeWindow(window: Pick<OpeningWindow, 'days' | 'open' | 'close'>): string {
  return t('hours.window', { days: describeDays(window.days), open: window.open, close: window.close });
}

/** Every window, one line each, Monday's first; an empty list when no hours are set. */
export function describeOpeningHours(windows: readonly OpeningWindow[]): string[] {
  return [...windows]
    .sort((a, b) => (normalizeDays(a.days)[0] ?? 8) - (normalizeDays(b.days)[0] ?? 8) || a.open.localeCompare(b.open))
    .map(describeWindow);
}

/** A copy of shared/schemas/stations.ts `clockTime` (zod stays out of the bundle; unit tests compare). */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "9:00" or "0900" as typed, to "09:00"; undefined when it is no time of day. */
export function normalizeClockTime(text: string): string | undefined {
  const trimmed = text.trim().replace('：', ':');
  const match = /^(\d{1,2}):?(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const value = `${match[1].padStart(2, '0')}:${match[2]}`;
  return CLOCK_TIME_PATTERN.test(value) ? value : undefined;
}

/** China's time zone (UTC+8, no daylight saving), whatever the phone's says. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * When the station closes later today ("18:00"), if it is open now or opens again later today; undefined
 * when it is closed for the rest of the day. `at`: ms since the epoch. Closing the cash day before
 * then stops payments for the rest of the day, so the page warns.
 */
export function closesLaterToday(windows: readonly OpeningWindow[], at: number = Date.now()): string | undefined {
  const local = new Date(at + CHINA_OFFSET_MS);
  const day = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const closes = windows.filter((w) => w.days.includes(day) && time < w.close).map((w) => w.close);
  return closes.length ? closes.sort()[closes.length - 1] : undefined;
}
