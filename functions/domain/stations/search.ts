/**
 * Station search by name, over a prebuilt index (scripts/lib/search-index.ts builds it with pinyin
 * at seed time; the data layer keeps it in a few compressed items and caches it per container).
 *
 * Tiers, best first: Chinese exact > prefix > substring (village, then township, then county) >
 * pinyin (full or initials: exact, prefix, substring, township/county) > pinyin with one wrong,
 * missing or extra letter (queries of 4+ letters). Ties keep division-code order.
 *
 * Several words ("乐都 土桥", "ledu tuqiao") narrow: the whole query is tried first with the spaces
 * taken out (so "tu qiao" and "6302 0200 2214" still read as one word); otherwise a station matches
 * when every word matches one of its names, ranked by its weakest word.
 */
export interface SearchEntry {
  id: string;
  code: string;
  /** Village short and official names, township, county. */
  v: string;
  o: string;
  t: string;
  c: string;
  /** Pinyin without tones or spaces, and initials: village, township, county. */
  vp: string;
  vi: string;
  tp: string;
  ti: string;
  cp: string;
  ci: string;
}

export interface SearchIndexSource {
  load(): Promise<SearchEntry[]>;
}

const CJK = /[\u3400-\u9fff]/;

export function normaliseQuery(q: string): string {
  return q
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s'’·]+/g, '');
}

function chineseTier(e: SearchEntry, q: string): number | null {
  if (e.v === q || e.o === q) return 0;
  if (e.v.startsWith(q) || e.o.startsWith(q)) return 1;
  if (e.v.includes(q) || e.o.includes(q)) return 2;
  if (e.t === q || e.t.startsWith(q) || e.t.includes(q)) return 3;
  if (e.c === q || e.c.startsWith(q) || e.c.includes(q)) return 4;
  return null;
}

function pinyinTier(e: SearchEntry, q: string): number | null {
  if (e.vp === q || e.vi === q) return 5;
  if (e.vp.startsWith(q) || e.vi.startsWith(q)) return 6;
  if (q.length >= 3 && e.vp.includes(q)) return 7;
  if (e.tp.startsWith(q) || e.ti === q || e.cp.startsWith(q) || e.ci === q) return 8;
  if (q.length >= 4 && withinOneEdit(q, e.vp)) return 9;
  return null;
}

/** Does some prefix of `target` differ from `q` by at most one substitution, insertion or deletion? */
export function withinOneEdit(q: string, target: string): boolean {
  for (const length of [q.length, q.length - 1, q.length + 1]) {
    if (length <= 0 || length > target.length) continue;
    if (editDistanceAtMostOne(q, target.slice(0, length))) return true;
  }
  return false;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** How well one word (already normalised) matches a station, or null when it does not. */
function wordTier(entry: SearchEntry, q: string): number | null {
  if (/^\d{4,12}$/.test(q)) return entry.code === q ? 0 : entry.code.startsWith(q) ? 1 : null;
  if (CJK.test(q)) return chineseTier(entry, q);
  if (/^[a-z]+$/.test(q)) return pinyinTier(entry, q);
  return null;
}

/** The words of a query, each normalised; empty words dropped. */
export function queryWords(q: string): string[] {
  return q
    .normalize('NFKC')
    .split(/\s+/)
    .map(normaliseQuery)
    .filter((word) => word !== '');
}

/** Every word matches somewhere: the weakest word's tier; null when one word matches nothing. */
function allWordsTier(entry: SearchEntry, words: string[]): number | null {
  let worst = 0;
  for (const word of words) {
    const tier = wordTier(entry, word);
    if (tier === null) return null;
    worst = Math.max(worst, tier);
  }
  return worst;
}

export function rankStations(entries: SearchEntry[], rawQuery: string): SearchEntry[] {
  const q = normaliseQuery(rawQuery);
  if (!q) return [];
  const words = queryWords(rawQuery);
  const scored: Array<{ entry: SearchEntry; tier: number }> = [];
  for (const entry of entries) {
    const tier = wordTier(entry, q) ?? (words.length > 1 ? allWordsTier(entry, words) : null);
    if (tier !== null) scored.push({ entry, tier });
  }
  return scored.sort((a, b) => a.tier - b.tier || (a.entry.code < b.entry.code ? -1 : 1)).map((s) => s.entry);
}
