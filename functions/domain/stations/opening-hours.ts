import type { OpeningWindow } from '../../../shared';

/** China has one time zone and no daylight saving: Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Day 1 (Monday) … 7 (Sunday) and HH:MM of an instant, in Asia/Shanghai. */
export function shanghaiClock(at: Date): { day: number; time: string } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const day = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { day, time };
}

/** Open from `open` (inclusive) to `close` (exclusive) on the listed days. */
export function isOpenAt(hours: OpeningWindow[], at: Date): boolean {
  const { day, time } = shanghaiClock(at);
  return hours.some((w) => w.days.includes(day) && w.open <= time && time < w.close);
}

/** The business day (Asia/Shanghai calendar date) of an instant, YYYY-MM-DD. */
export function businessDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
