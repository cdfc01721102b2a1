/**
 * WeChat subscribe messages (订阅消息) for alerts: after `requestSubscribeMessage` the client
 * records the templates the user accepted. Each accept is a one-time subscription: one message.
 */
import * as z from 'zod/mini';

/** The kinds of message the service sends; each is one WeChat template, configured per stage. */
export const SUBSCRIPTION_KINDS = ['alert', 'answer'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/** At most this many messages are kept in hand per template, however often the user accepts. */
export const SUBSCRIPTION_CAP = 10;

/** A WeChat template id as the platform issues them (43 URL-safe characters today). */
export const templateId = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[0-9A-Za-z_-]+$/, 'must be a template id'));

/** What `requestSubscribeMessage` answered `accept` for (ids answered `reject` or `ban` are not sent). */
export const SubscriptionsRequest = z.strictObject({
  accepted: z.array(templateId).check(z.minLength(1), z.maxLength(SUBSCRIPTION_KINDS.length)),
});
export type SubscriptionsRequest = z.infer<typeof SubscriptionsRequest>;

export const SubscriptionsResponse = z.object({
  /** Whether the user has a place (their household's village or their home station) alerts can reach. */
  located: z.boolean(),
  /** The templates to ask for (none when the stage has none configured), and how many messages each has left. */
  items: z.array(z.object({ kind: z.enum(SUBSCRIPTION_KINDS), templateId: z.string(), remaining: z.number(), cap: z.number() })),
});
export type SubscriptionsResponse = z.infer<typeof SubscriptionsResponse>;
