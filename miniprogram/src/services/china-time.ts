import { getLocale } from '../i18n';

/**
 * A moment of the API (ISO 8601) in China's time (UTC+8, no daylight saving), whatever the phone's time
 * zone: the stations and their staff are all in Qinghai. zh-CN "2026-11-29 15:30"; Tibetan in its own
 * order and words with Tibetan digits, "སྤྱི་ལོ་༢༠༢༦ ཟླ་༡༡ ཚེས་༢༩ ༡༥:༣༠" (year, month ཟླ་, day ཚེས་).
 */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // The UTC+8 wall clock read off an ISO string: "2026-11-29T15:30:..." -> "2026-11-29 15:30".
  const zh = new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  if (getLocale() !== 'bo') return zh;
  const [y, mo, day, time] = zh.split(/[- ]/);
  return `སྤྱི་ལོ་${y} ཟླ་${mo} ཚེས་${day} ${time}`.replace(/\d/g, (digit) => String.fromCharCode(0x0f20 + Number(digit)));
}
