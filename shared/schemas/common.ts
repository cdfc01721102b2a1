import * as z from 'zod/mini';
import { MAX_CODE_UNITS_PER_CHARACTER, textLength } from '../text-length';

/** The one error shape of every non-2xx answer. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(
      z.array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.optional(z.string()),
          /** What the request ran into, when the client can offer it instead (a household registered already). */
          existing: z.optional(z.object({ id: z.string(), label: z.string(), phoneMasked: z.nullable(z.string()) })),
        }),
      ),
    ),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/**
 * What free text (names, notes, reasons, search text) may not carry: C0 and C1 control characters
 * (DEL included) and the bidirectional marks, embeddings, overrides and isolates (U+061C,
 * U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) that make a name on a receipt or a list read other
 * than it is (an officer's "ABC" shown as "CBA"). Tibetan, Chinese, joiners and ordinary spaces pass.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_TEXT_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** One check object, shared by every freeText: a test walks the route table and finds each free-text field by it. */
export const refuseForbiddenTextCharacters = z.refine<string>(
  (value) => !FORBIDDEN_TEXT_CHARACTERS.test(value),
  'must not contain control or bidirectional-override characters',
);

/**
 * The length bounds of free text, in characters as a reader sees them (textLength: a Tibetan stack
 * such as སྒྲུ is one, as 卓 is), with zod's own issues (too_small / too_big, same message) and the
 * bounds in the OpenAPI document. Beyond the limit, no more than MAX_CODE_UNITS_PER_CHARACTER code
 * units a character: marks stacked without end on one letter count as too long, so storage stays bounded.
 */
export const textLengthBetween = (minLength: number, maxLength: number) => {
  const check = z.check<string>((ctx) => {
    const input = ctx.value;
    const length = textLength(input);
    if (length < minLength) ctx.issues.push({ code: 'too_small', origin: 'string', minimum: minLength, inclusive: true, input });
    else if (length > maxLength || input.length > maxLength * MAX_CODE_UNITS_PER_CHARACTER)
      ctx.issues.push({ code: 'too_big', origin: 'string', maximum: maxLength, inclusive: true, input });
  });
  check._zod.onattach.push((schema) => Object.assign(schema._zod.bag, { minimum: minLength, maximum: maxLength }));
  return check;
};

/**
 * Every free-text field of the contract: NFC-normalised (so the same name typed on two phones is the
 * same string, stored and searched alike) and trimmed once free of the characters above (a control
 * character is refused even at an end, never trimmed away), then measured in characters a reader sees.
 */
export const freeText = (minLength: number, maxLength: number) =>
  z.string().check(refuseForbiddenTextCharacters, z.normalize('NFC'), z.trim(), textLengthBetween(minLength, maxLength));

/** The same characters as FORBIDDEN_TEXT_CHARACTERS except the line feed: for text of several lines (an item's body). */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_BLOCK_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
export const refuseForbiddenBlockCharacters = z.refine<string>(
  (value) => !FORBIDDEN_BLOCK_CHARACTERS.test(value.replace(/\r\n/g, '\n')),
  'must not contain control or bidirectional-override characters (line breaks are fine)',
);

/** Free text of several lines (an information item's body): freeText's rules, line breaks allowed (CRLF becomes LF). */
export const freeTextBlock = (minLength: number, maxLength: number) =>
  z.string().check(
    refuseForbiddenBlockCharacters,
    z.overwrite((value) => value.replace(/\r\n/g, '\n')),
    z.normalize('NFC'),
    z.trim(),
    textLengthBetween(minLength, maxLength),
  );

/** `?limit=&cursor=` of every paginated list (api-contract.md "Lists"). */
export const PAGE_LIMIT_MAX = 50;
export const PAGE_LIMIT_DEFAULT = 20;
export const pageLimit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(PAGE_LIMIT_MAX)), PAGE_LIMIT_DEFAULT);
/** Opaque to clients; the server signs and validates it (a tampered cursor is a 400). */
export const cursor = z.string().check(z.minLength(1), z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+$/));

export const PageQuery = z.strictObject({
  limit: pageLimit,
  cursor: z.optional(cursor),
});

export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const HealthResponse = z.object({ status: z.literal('ok') });

/** The body of a route that answers a document of its own media type (the OpenAPI JSON, an SVG poster). */
export const DocumentResponse = z.string();

/**
 * Who did something (registered a household, edited a station), as another user may see them: their
 * name, or the role they acted in and the last characters of their id when they have no name. Never
 * their full id (AZ5). `you` when it was the caller.
 */
export const PersonLabel = z.object({
  name: z.nullable(z.string()),
  role: z.string(),
  idTail: z.string(),
  you: z.boolean(),
});
export type PersonLabel = z.infer<typeof PersonLabel>;
