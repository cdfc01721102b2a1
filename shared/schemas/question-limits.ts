/**
 * The limits of a question and its answer, apart from the zod schemas (questions.ts) so that the
 * mini-program's form can check them without bundling zod.
 */

/** Photos per question, and per answer. */
export const MAX_QUESTION_PHOTOS = 3;
/** Characters of a question's text (after trimming). */
export const QUESTION_TEXT = { min: 2, max: 1000 } as const;
/** Characters of an answer's text (after trimming). */
export const ANSWER_TEXT = { min: 2, max: 2000 } as const;
