/**
 * Ask an expert (issue 12): a villager, or their station's officer for a household, asks a question
 * of a field with up to three photos; experts of that field, nearest region first, claim and answer
 * it. Answered questions whose asker consented are searchable by anyone, without personal details.
 */
import * as z from 'zod/mini';
import { cursor, freeText, freeTextBlock, pageLimit, pageOf } from './common';
import { EXPERT_FIELDS, FeedImage } from './feeds';
import { householdId } from './payments';
import { uploadId } from './uploads';
import { ANSWER_TEXT, MAX_QUESTION_PHOTOS, QUESTION_TEXT } from './question-limits';

export const QUESTION_FIELDS = EXPERT_FIELDS;
export type QuestionField = (typeof QUESTION_FIELDS)[number];

export { MAX_QUESTION_PHOTOS, QUESTION_TEXT, ANSWER_TEXT } from './question-limits';
/** A question waits this long at each level (county, then prefecture) before the next level's experts see it. */
export const ESCALATE_AFTER_HOURS = 48;
/** A claim holds the question for its expert this long; unanswered by then, anyone of its reach may claim it. */
export const CLAIM_HOURS = 24;

/** Who sees an open question: experts of its field in its county, then its prefecture, then the province. */
export const QUESTION_REACHES = ['county', 'prefecture', 'province'] as const;
export type QuestionReach = (typeof QUESTION_REACHES)[number];

export const questionId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be a question id'));
const photos = z.array(uploadId).check(z.maxLength(MAX_QUESTION_PHOTOS));

export const QuestionCreateRequest = z.strictObject({
  field: z.enum(QUESTION_FIELDS),
  text: freeTextBlock(QUESTION_TEXT.min, QUESTION_TEXT.max),
  /** Upload ids (POST /uploads with purpose `question_photo`), checked by content. */
  photos: z.optional(photos),
  /** May the answer be published, without names, phones or the village (the county only)? */
  consent: z.boolean(),
  /** Officers only: the household of their station they ask for. */
  householdId: z.optional(householdId),
});
export type QuestionCreateRequest = z.infer<typeof QuestionCreateRequest>;

export const AnswerRequest = z.strictObject({ text: freeTextBlock(ANSWER_TEXT.min, ANSWER_TEXT.max), photos: z.optional(photos) });
export type AnswerRequest = z.infer<typeof AnswerRequest>;

export const QuestionParams = z.strictObject({ id: questionId });
export const QuestionPageQuery = z.strictObject({ limit: pageLimit, cursor: z.optional(cursor) });
export const QuestionSearchQuery = z.strictObject({ q: freeText(1, 40), limit: pageLimit, cursor: z.optional(cursor) });

/**
 * One question as its asker or an expert sees it. `state` is what the reader can do with it:
 * waiting (anyone of its reach may claim it), claimed (an expert holds it until `claim.until`),
 * answered. No person is named: `yours` says whether the caller asked it, `claim.byYou` whether they hold it.
 */
export const QuestionView = z.object({
  id: z.string(),
  field: z.enum(QUESTION_FIELDS),
  text: z.string(),
  photos: z.array(FeedImage),
  /** The county only: never the village, the household or the person. */
  place: z.object({ countyCode: z.string(), countyName: z.string() }),
  consent: z.boolean(),
  state: z.enum(['waiting', 'claimed', 'answered']),
  reach: z.enum(QUESTION_REACHES),
  escalations: z.array(z.object({ to: z.enum(QUESTION_REACHES), dueAt: z.string(), at: z.string() })),
  claim: z.nullable(z.object({ byYou: z.boolean(), until: z.string() })),
  answer: z.nullable(z.object({ text: z.string(), photos: z.array(FeedImage), answeredAt: z.string(), byYou: z.boolean() })),
  yours: z.boolean(),
  askedAt: z.string(),
});
export type QuestionView = z.infer<typeof QuestionView>;
export const QuestionPage = pageOf(QuestionView);

/** An answered question published with its asker's consent: the texts, the photos and the county. */
export const PublicQuestion = z.object({
  id: z.string(),
  field: z.enum(QUESTION_FIELDS),
  text: z.string(),
  photos: z.array(FeedImage),
  place: z.object({ countyName: z.string() }),
  answer: z.object({ text: z.string(), photos: z.array(FeedImage), answeredAt: z.string() }),
  askedAt: z.string(),
});
export type PublicQuestion = z.infer<typeof PublicQuestion>;
export const PublicQuestionPage = pageOf(PublicQuestion);
