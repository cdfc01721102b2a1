const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment of the API (ISO 8601) as "2026-11-29 15:30" in China's time (UTC+8, no daylight saving),
 * whatever the phone's time zone: the stations and their staff are all in Qinghai.
 */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
