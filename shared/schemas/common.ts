import * as z from 'zod/mini';

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

/** `?limit=&cursor=` of every paginated list (api-contract.md "Lists"). */
export const PAGE_LIMIT_MAX = 50;
export const PAGE_LIMIT_DEFAULT = 20;
export const pageLimit = z._default(
  z.coerce.number().check(z.int(), z.gte(1), z.lte(PAGE_LIMIT_MAX)),
  PAGE_LIMIT_DEFAULT,
);
/** Opaque to clients; the server signs and validates it (a tampered cursor is a 400). */
export const cursor = z.string().check(z.minLength(1), z.maxLength(1024), z.regex(/^[A-Za-z0-9_-]+$/));

export const PageQuery = z.strictObject({
  limit: pageLimit,
  cursor: z.optional(cursor),
});

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

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
