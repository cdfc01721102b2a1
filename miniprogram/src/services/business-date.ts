/**
 * The business day of ledgers, limits and closes is the calendar day in Asia/Shanghai (UTC+8, no
 * daylight saving), whatever the phone's time zone says.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** "2026-11-29": today in China (or the day of `at`). */
export function chinaDate(at: number = Date.now()): string {
  return new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (what the API's `date=` accepts). */
export function isBusinessDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/** The day before or after a business date. */
export function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
