import type { FeedItem } from '@shared/schemas/feeds';

/**
 * THE SPOT FOR THE SUBSCRIBE-MESSAGE PROMPT (issue 11, the notify engineer's part): rendered on an
 * item's page under its 收到 panel, and on the feed under the tabs without an item. It renders
 * nothing until then: replace the body with the `requestSubscribeMessage` prompt (allow one message
 * for the next alert) and keep the props; the pages need no other change.
 */
export function SubscribePromptSlot(_props: { item?: FeedItem; region?: string }) {
  return null;
}
