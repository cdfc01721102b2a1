import { createHash } from 'node:crypto';

/**
 * A station's code is printed in its QR code, so it must never change: it is derived from the
 * village's 12-digit national division code alone. Reseeding or a fresh database yields the same
 * code, and a WeChat `scene` (32 chars max) holds it with room to spare.
 */
export const stationCodeForVillage = (villageCode: string) => villageCode;

/** The opaque id: stable for the same reason, but not guessable from the code. */
export const stationIdForVillage = (villageCode: string) => 'st' + createHash('sha256').update(`station:${villageCode}`).digest('hex').slice(0, 20);

const STATION_SUFFIXES: Array<[RegExp, 'village' | 'herding']> = [
  [/(村民委员会|村委会)$/, 'village'],
  [/(牧民委员会|牧委会)$/, 'herding'],
];

/** Administrative villages and herding committees get a station; urban communities do not. */
export function villageKindOf(officialName: string): 'village' | 'herding' | null {
  for (const [pattern, kind] of STATION_SUFFIXES) if (pattern.test(officialName)) return kind;
  return null;
}

/** 土桥村委会 -> 土桥村, 水磨村村委会 -> 水磨村, 马海牧委会 stays: how villagers name their village. */
export function shortVillageName(officialName: string): string {
  const village = /^(.*?)(村民委员会|村委会)$/.exec(officialName);
  if (village) return village[1].endsWith('村') ? village[1] : `${village[1]}村`;
  return officialName.replace(/牧民委员会$/, '牧委会');
}
