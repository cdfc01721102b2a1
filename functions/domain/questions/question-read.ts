/**
 * Reading questions: the expert's inbox (nearest reach first), the asker's own, one question, and the
 * search over published ones. Escalation (48 h per level) is a scheduled job; the inbox also runs
 * the province's due escalations first (one Query, usually empty), so a late job never hides a
 * question from the experts it should already reach.
 */
import type { PublicQuestion, QuestionView } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import type { Page } from '../page';
import { normaliseQuery, queryWords } from '../stations/search';
import type { ImageStore } from '../uploads/upload';
import {
  ESCALATE_AFTER_MS,
  expertReaches,
  NEXT_REACH,
  reachRegionsOfExpert,
  type PublishedQuestion,
  type QuestionRecord,
  type QuestionRepository,
} from './question';
import { isAskerOf, photoUrls, questionViews, toPublicQuestion } from './question-views';

export interface ReadDeps {
  questions: QuestionRepository;
  images: Pick<ImageStore, 'urls'>;
  offsets: { encode(offset: number, scope: string): string; decode(cursor: string | undefined, scope: string): number };
  now?: () => Date;
}

/** Due escalations handled per run (the job loops; the inbox's check takes one batch). */
const ESCALATION_BATCH = 25;

/**
 * Moves every question of the province whose escalation is due by `now` one reach up, recorded with
 * when it was due and when it moved. Idempotent: each move is conditional on the reach it leaves.
 */
export async function escalateDue(deps: Pick<ReadDeps, 'questions' | 'now'>, provinceCode: string, batches = 1): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  let moved = 0;
  for (let batch = 0; batch < batches; batch++) {
    const due = await deps.questions.due(provinceCode, at, ESCALATION_BATCH);
    for (const q of due) {
      const to = NEXT_REACH[q.reach];
      if (!to || !q.dueAt) continue;
      const next = NEXT_REACH[to] ? new Date(Date.parse(q.dueAt) + ESCALATE_AFTER_MS).toISOString() : null;
      if (await deps.questions.escalate(q, { to, dueAt: q.dueAt, at }, next)) moved++;
    }
    if (due.length < ESCALATION_BATCH) break;
  }
  return moved;
}

export async function expertInbox(deps: ReadDeps, caller: Caller, page: { limit: number; cursor?: string }): Promise<Page<QuestionView>> {
  // An expert appointed before fields existed has none: no question reaches them (an admin re-appoints them with one).
  if (!caller.expertField || !caller.regionCode) return { items: [], nextCursor: null };
  const field = caller.expertField;
  const region = caller.regionCode;
  await escalateDue(deps, region.slice(0, 2));
  const found = await deps.questions.inbox(field, reachRegionsOfExpert(region), page);
  const at = (deps.now?.() ?? new Date()).toISOString();
  return { items: await questionViews(deps.images, caller, found.items, at), nextCursor: found.nextCursor };
}

export async function myQuestions(deps: ReadDeps, caller: Caller, page: { limit: number; cursor?: string }): Promise<Page<QuestionView>> {
  const found = await deps.questions.listAskedBy(caller.userId, page);
  const at = (deps.now?.() ?? new Date()).toISOString();
  return { items: await questionViews(deps.images, caller, found.items, at), nextCursor: found.nextCursor };
}

/** Who reads a question whole: its asker (or their household), an expert it reaches, its claimer or answerer. */
const readsWhole = (caller: Caller, q: QuestionRecord) =>
  isAskerOf(caller, q) ||
  q.claimedBy === caller.userId ||
  q.answer?.by === caller.userId ||
  (q.status === 'OPEN' && expertReaches(caller.expertField, caller.regionCode, q));

/**
 * One question. Anyone else signed in sees it only once answered with consent, and then only as
 * search shows it (no reach, no claim, nothing of the asker); otherwise 404, as if it did not exist.
 */
export async function getQuestion(deps: ReadDeps, caller: Caller, id: string): Promise<QuestionView> {
  const q = await deps.questions.get(id);
  const at = (deps.now?.() ?? new Date()).toISOString();
  if (q && readsWhole(caller, q)) return (await questionViews(deps.images, caller, [q], at))[0];
  if (!q || q.status !== 'ANSWERED' || !q.consent) throw notFound('Question');
  const [view] = await questionViews(deps.images, caller, [q], at);
  return { ...view, escalations: [], claim: null, answer: view.answer && { ...view.answer, byYou: false }, yours: false };
}

const CJK = /[\u3400-\u9fff]/;

/** How well one normalised word matches: 0 the question, 1 the answer, 2 the county, 3 pinyin; null no match. */
function wordTier(p: PublishedQuestion, word: string): number | null {
  if (CJK.test(word)) {
    if (p.text.includes(word)) return 0;
    if (p.answerText.includes(word)) return 1;
    return p.countyName.includes(word) ? 2 : null;
  }
  if (/^[a-z]+$/.test(word)) {
    if (word.length >= 2 && p.pinyin.includes(word)) return 3;
    return word.length >= 3 && p.initials.includes(word) ? 4 : null;
  }
  return null;
}

function tierOf(p: PublishedQuestion, words: string[]): number | null {
  let worst = 0;
  for (const word of words) {
    const tier = wordTier(p, word);
    if (tier === null) return null;
    worst = Math.max(worst, tier);
  }
  return worst;
}

/**
 * Published questions matching `q` in Chinese or pinyin (full or initials), best tier first, newest
 * first within a tier. The whole query without spaces is tried first ("ban dian" reads as "bandian").
 */
export async function searchQuestions(
  deps: ReadDeps,
  input: { q: string; limit: number; cursor?: string },
  provinceCode = '63',
): Promise<Page<PublicQuestion>> {
  const scope = `questions:search:${normaliseQuery(input.q)}`;
  const offset = deps.offsets.decode(input.cursor, scope);
  const corpus = await deps.questions.published(provinceCode);
  const rank = (words: string[]) =>
    corpus
      .map((p) => ({ p, tier: tierOf(p, words) }))
      .filter((hit): hit is { p: PublishedQuestion; tier: number } => hit.tier !== null)
      .sort((a, b) => a.tier - b.tier || (a.p.answeredAt < b.p.answeredAt ? 1 : -1));
  let hits = rank([normaliseQuery(input.q)].filter(Boolean));
  if (hits.length === 0) hits = rank(queryWords(input.q));
  const slice = hits.slice(offset, offset + input.limit).map((hit) => hit.p);
  const urls = await photoUrls(
    deps.images,
    slice.map((p) => [...p.photos, ...p.answerPhotos]),
  );
  return {
    items: slice.map((p) => toPublicQuestion(p, urls)),
    nextCursor: offset + input.limit < hits.length ? deps.offsets.encode(offset + input.limit, scope) : null,
  };
}
