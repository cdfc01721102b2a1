import { getLocale } from '../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment of the API (ISO 8601) in China's time (UTC+8, no daylight saving), whatever the phone's time
 * zone: the stations and their staff are all in Qinghai. zh-CN "2026-11-29 15:30"; Tibetan in its own
 * order and words with Tibetan digits, "སྤྱི་ལོ་༢༠༢༦ ཟླ་༡༡ ཚེས་༢༩ ༡༥:༣༠" (year, month ཟླ་, day ཚེས་).
 */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * 3600_000);
  const [y, mo, day, time] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`];
  if (getLocale() !== 'bo') return `${y}-${mo}-${day} ${time}`;
  return `སྤྱི་ལོ་${y} ཟླ་${mo} ཚེས་${day} ${time}`.replace(/\d/g, (digit) => String.fromCharCode(0x0f20 + Number(digit)));
}
