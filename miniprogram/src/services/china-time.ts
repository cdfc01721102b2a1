/**
 * A moment of the API (ISO 8601) as "2026-11-29 15:30" in China's time (UTC+8, no daylight saving),
 * whatever the phone's time zone: the stations and their staff are all in Qinghai.
 */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // The UTC+8 wall clock read off an ISO string: "2026-11-29T15:30:..." -> "2026-11-29 15:30".
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
