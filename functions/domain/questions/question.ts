/**
 * A question to the experts (issue 12), as stored, and where it is kept.
 *
 *   ask ──> OPEN, reach county ──(48 h unanswered)──> reach prefecture ──(48 h more)──> reach province
 *             │  claim (one expert; lapses after 24 h, then anyone of the reach may claim it)
 *             └──(its claimer answers while the claim holds)──> ANSWERED (consent: published, anonymised)
 *
 * Reach is the level of the question's village chain whose experts of its field see it: an expert
 * sees an open question when the question's reach region contains the expert's own region.
 */
import type { QuestionField, QuestionReach } from '../../../shared';
import type { StoredImage } from '../uploads/check-uploads';

export type QuestionStatus = 'OPEN' | 'ANSWERED';

export const ESCALATE_AFTER_MS = 48 * 3600_000;
export const CLAIM_MS = 24 * 3600_000;

/** Division-code length of each reach: county 6, prefecture 4, province 2. */
export const REACH_DIGITS: Record<QuestionReach, number> = { county: 6, prefecture: 4, province: 2 };
export const NEXT_REACH: Record<QuestionReach, QuestionReach | null> = { county: 'prefecture', prefecture: 'province', province: null };

export interface Escalation {
  to: QuestionReach;
  /** When it was due (asked + 48 h, + 96 h), and when the escalation was recorded. */
  dueAt: string;
  at: string;
}

export interface QuestionRecord {
  id: string;
  field: QuestionField;
  text: string;
  photos: StoredImage[];
  consent: boolean;
  /** Who asked (the villager, or the officer for a household) and, when known, the household. */
  askedBy: string;
  householdId: string | null;
  stationId: string | null;
  /** The village the question comes from; views name its county only. */
  villageCode: string;
  countyName: string;
  status: QuestionStatus;
  reach: QuestionReach;
  /** When the next escalation is due; null at province reach or once answered. */
  dueAt: string | null;
  escalations: Escalation[];
  claimedBy: string | null;
  claimUntil: string | null;
  answer: { text: string; photos: StoredImage[]; by: string; at: string } | null;
  askedAt: string;
}

/** An answered, consented question as search holds it: no person, no village, no household. */
export interface PublishedQuestion {
  id: string;
  field: QuestionField;
  text: string;
  photos: StoredImage[];
  countyName: string;
  answerText: string;
  answerPhotos: StoredImage[];
  answeredAt: string;
  askedAt: string;
  /** Pinyin (no tones, no spaces) and initials of the question, the answer and the county, for search. */
  pinyin: string;
  initials: string;
}

export interface InboxPage {
  items: QuestionRecord[];
  nextCursor: string | null;
}

export interface QuestionRepository {
  /** The question, and its new photos attached (each still the asker's pending upload) in one transaction. */
  create(question: QuestionRecord, newUploadIds: string[]): Promise<void>;
  get(id: string): Promise<QuestionRecord | null>;
  /** The asker's questions, newest first. */
  listAskedBy(userId: string, page: { limit: number; cursor?: string }): Promise<InboxPage>;
  /**
   * Open questions of a field whose reach region is one of `reachRegions`, region by region in that
   * order (nearest first), oldest first within each: one Query per region at most per page.
   */
  inbox(field: QuestionField, reachRegions: string[], page: { limit: number; cursor?: string }): Promise<InboxPage>;
  /**
   * One transaction: the question takes the claim if it is open and unclaimed (or its claim lapsed
   * before `at`), and a claim record is added. False when another claim holds or it was answered.
   */
  claim(id: string, expertId: string, at: string, until: string): Promise<boolean>;
  /**
   * One transaction: the answer, if the question is open and `expertId` holds a claim live at `at`;
   * the new photos attached; and, with consent, the published copy for search. False otherwise.
   */
  answer(
    question: QuestionRecord,
    answer: NonNullable<QuestionRecord['answer']>,
    newUploadIds: string[],
    published: PublishedQuestion | null,
  ): Promise<boolean>;
  /** Open questions whose escalation was due by `at` (oldest due first), in the province. */
  due(provinceCode: string, at: string, limit: number): Promise<QuestionRecord[]>;
  /** Moves the question one reach up if it is still open at `from` and due: false when another run did. */
  escalate(question: QuestionRecord, escalation: Escalation, nextDueAt: string | null): Promise<boolean>;
  /** Every published question of the province (the search's corpus, cached a little per container). */
  published(provinceCode: string): Promise<PublishedQuestion[]>;
}

/** Pinyin of free text for search (functions/adapters/pinyin.ts). */
export interface Speller {
  spell(text: string): { full: string; initials: string };
}

/** The reach region of a village at a reach. */
export const reachRegionOf = (villageCode: string, reach: QuestionReach) => villageCode.slice(0, REACH_DIGITS[reach]);

/**
 * The reach regions an expert of `regionCode` sees, nearest first: their county, their prefecture,
 * the province (a prefecture's expert: the prefecture and the province; the province's: the province).
 */
export const reachRegionsOfExpert = (regionCode: string) =>
  [6, 4, 2].filter((digits) => digits <= regionCode.length).map((digits) => regionCode.slice(0, digits));

/** Whether an expert (field, region) sees this open question now. */
export const expertReaches = (field: string | undefined, regionCode: string | undefined, q: QuestionRecord) =>
  !!regionCode && field === q.field && reachRegionsOfExpert(regionCode).includes(reachRegionOf(q.villageCode, q.reach));

export const claimHolds = (q: QuestionRecord, at: string) => q.claimedBy !== null && q.claimUntil !== null && q.claimUntil > at;
