import { randomBytes } from 'node:crypto';
import type { FeedCreateRequest, FeedDetail, FeedStatus } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { UserRepository } from '../accounts/user';
import type { RegionRepository } from '../regions/region';
import { type FeedChange, type FeedRecord, type FeedRepository } from './feed';
import { toDetails } from './feed-read';
import { assertMayTarget, isAuthorOf, isReviewerOf, visibleToEditor } from './feed-access';
import { isAlert, type AlertQueue } from '../notify/alert-notifier';

export interface FeedWriteDeps {
  feeds: FeedRepository;
  regions: Pick<RegionRepository, 'get'>;
  /** Names the people in the item's answer (its author, its history). */
  users: Pick<UserRepository, 'getMany'>;
  /** Published alerts go to the subscribe-message notifier, after the publish write (never inside it). */
  alerts?: AlertQueue;
  now?: () => Date;
}

/** An urgent alert stays pinned on top until it expires, at most a week. */
const PIN_MS = 7 * 24 * 3600_000;

export async function createFeed(deps: FeedWriteDeps, caller: Caller, input: FeedCreateRequest): Promise<FeedDetail> {
  assertMayTarget(caller, input.regionCode);
  if (!(await deps.regions.get(input.regionCode))) throw invalidField('body.regionCode', 'is not a region of the division list');
  const now = deps.now?.() ?? new Date();
  const validUntil = input.expiresAt ? new Date(input.expiresAt) : null;
  if (validUntil && (Number.isNaN(validUntil.getTime()) || validUntil <= now))
    throw invalidField('body.expiresAt', 'must be a valid instant in the future');
  const translations = { ...input.translations };
  delete translations[input.lang]; // the original is the item's own text
  const at = now.toISOString();
  const feed: FeedRecord = {
    id: 'fd' + randomBytes(12).toString('hex'),
    status: 'DRAFT',
    authorId: caller.userId,
    lang: input.lang,
    title: input.title,
    body: input.body,
    translations,
    category: input.category,
    regionCode: input.regionCode,
    areaTypes: input.areaTypes ? [...new Set(input.areaTypes)].sort() : null,
    urgent: input.urgent ?? false,
    requiresAck: input.requiresAck ?? false,
    validUntil: validUntil?.toISOString() ?? null,
    publishedAt: null,
    pinnedUntil: null,
    ackCount: 0,
    history: [{ status: 'DRAFT', byUserId: caller.userId, at, reason: null }],
    createdAt: at,
    updatedAt: at,
  };
  await deps.feeds.create(feed);
  return (await toDetails(deps, caller, [feed], at))[0];
}

/** One move of the workflow; 409 when the item is not (any more) in a status it can leave that way. */
async function move(
  deps: FeedWriteDeps,
  feed: FeedRecord,
  from: FeedStatus[],
  to: FeedStatus,
  caller: Caller,
  reason: string | null,
  set?: Partial<Pick<FeedRecord, 'publishedAt' | 'pinnedUntil'>>,
) {
  const at = (deps.now?.() ?? new Date()).toISOString();
  const change: FeedChange = { status: to, byUserId: caller.userId, at, reason };
  const moved = await deps.feeds.transition(feed, from, to, change, set);
  if (!moved)
    throw new AppError(
      'CONFLICT',
      `The item is ${feed.status === to ? 'already' : 'not'} ${to === 'IN_REVIEW' ? 'in review' : to.toLowerCase()}${feed.status === to ? '' : ' from its current status'}`,
    );
  return (await toDetails(deps, caller, [moved], at))[0];
}

export async function submitFeed(deps: FeedWriteDeps, caller: Caller, id: string) {
  const feed = visibleToEditor(caller, await deps.feeds.get(id));
  if (!isAuthorOf(caller, feed)) throw new AppError('FORBIDDEN', 'Only its author submits an item for review');
  return move(deps, feed, ['DRAFT', 'REJECTED'], 'IN_REVIEW', caller, null);
}

/** A reviewer of the item who did not write it: an admin's own item goes to another admin of that region or above. */
async function reviewable(deps: FeedWriteDeps, caller: Caller, id: string): Promise<FeedRecord> {
  const feed = await deps.feeds.get(id);
  if (!feed || !isReviewerOf(caller, feed)) throw notFound('Item');
  if (isAuthorOf(caller, feed)) throw new AppError('FORBIDDEN', 'You wrote this item: another admin of its region reviews it');
  return feed;
}

export async function publishFeed(deps: FeedWriteDeps, caller: Caller, id: string) {
  const feed = await reviewable(deps, caller, id);
  const publishedAt = (deps.now?.() ?? new Date()).toISOString();
  const pinEnd = new Date(Date.parse(publishedAt) + PIN_MS).toISOString();
  const pinnedUntil = feed.urgent ? (feed.validUntil && feed.validUntil < pinEnd ? feed.validUntil : pinEnd) : null;
  const published = await move(deps, feed, ['IN_REVIEW'], 'PUBLISHED', caller, null, { publishedAt, pinnedUntil });
  if (isAlert(feed)) await deps.alerts?.enqueue(feed.id, publishedAt);
  return published;
}

export async function rejectFeed(deps: FeedWriteDeps, caller: Caller, id: string, reason: string) {
  return move(deps, await reviewable(deps, caller, id), ['IN_REVIEW'], 'REJECTED', caller, reason);
}

/** Any reviewer of its region takes a published item down (its author too, when an admin there). */
export async function retractFeed(deps: FeedWriteDeps, caller: Caller, id: string, reason: string) {
  const feed = await deps.feeds.get(id);
  if (!feed || !isReviewerOf(caller, feed)) throw notFound('Item');
  return move(deps, feed, ['PUBLISHED'], 'RETRACTED', caller, reason);
}
