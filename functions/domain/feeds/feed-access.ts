import { ADMIN_ROLES } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { notFound } from '../errors';
import type { FeedRecord } from './feed';

const isAdmin = (caller: Caller) => (ADMIN_ROLES as readonly string[]).includes(caller.role);

/** Admins whose region contains the item's target review it (and may retract it). */
export const isReviewerOf = (caller: Caller | null, feed: Pick<FeedRecord, 'regionCode'>) =>
  caller !== null && isAdmin(caller) && caller.regionCode !== undefined && feed.regionCode.startsWith(caller.regionCode);

export const isAuthorOf = (caller: Caller | null, feed: Pick<FeedRecord, 'authorId'>) => caller !== null && caller.userId === feed.authorId;

/** Who sees an item before (or after) it is public: its author and its reviewers. */
export const seesUnpublished = (caller: Caller | null, feed: FeedRecord) => isAuthorOf(caller, feed) || isReviewerOf(caller, feed);

/** Experts and admins write for places inside their own region only; elsewhere the region "does not exist". */
export function assertMayTarget(caller: Caller, regionCode: string): void {
  if (!caller.regionCode || !regionCode.startsWith(caller.regionCode)) throw notFound('Region');
}

/** The item, if the caller is its author or reviewer; 404 otherwise (never "someone else's draft"). */
export function visibleToEditor(caller: Caller, feed: FeedRecord | null): FeedRecord {
  if (!feed || !seesUnpublished(caller, feed)) throw notFound('Item');
  return feed;
}
