import { randomBytes } from 'node:crypto';
import type { FeedCreateRequest, FeedDetail, FeedStatus, FeedUpdateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { UserRepository } from '../accounts/user';
import type { RegionRepository } from '../regions/region';
import { checkNewUploads, type StoredImage } from '../uploads/check-uploads';
import type { ImageStore, UploadRepository } from '../uploads/upload';
import { type FeedChange, type FeedEdit, type FeedRecord, type FeedRepository, type TransitionSet } from './feed';
import { toDetails } from './feed-read';
import { assertMayTarget, isAuthorOf, isReviewerOf, visibleToEditor } from './feed-access';
import { isAlert, type AlertQueue } from '../notify/alert-notifier';

export interface FeedWriteDeps {
  feeds: FeedRepository;
  regions: Pick<RegionRepository, 'get'>;
  /** Names the people in the item's answer (its author, its history). */
  users: Pick<UserRepository, 'getMany'>;
  /** Wakes the subscribe-message notifier after an alert's publish (whose transaction queued it). */
  alerts?: AlertQueue;
  /** Needed when the item names images: the uploads to check and where they are stored. */
  uploads?: UploadRepository;
  images?: ImageStore;
  now?: () => Date;
}

/** An urgent alert stays pinned on top until it expires, at most a week. */
const PIN_MS = 7 * 24 * 3600_000;

/** The text and targeting of a create or an edit, checked: a region inside the author's, an expiry in the future. */
async function writtenFields(deps: FeedWriteDeps, caller: Caller, input: FeedCreateRequest, now: Date): Promise<Omit<FeedEdit, 'images'>> {
  assertMayTarget(caller, input.regionCode);
  if (!(await deps.regions.get(input.regionCode))) throw invalidField('body.regionCode', 'is not a region of the division list');
  const validUntil = input.expiresAt ? new Date(input.expiresAt) : null;
  if (validUntil && (Number.isNaN(validUntil.getTime()) || validUntil <= now))
    throw invalidField('body.expiresAt', 'must be a valid instant in the future');
  const translations = { ...input.translations };
  delete translations[input.lang]; // the original is the item's own text
  return {
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
  };
}

/**
 * The item's images in the order named: those it has already are kept as they are; new upload ids are
 * checked by content (checkNewUploads deletes what fails, and the item is not written).
 */
async function imagesFor(deps: FeedWriteDeps, caller: Caller, ids: string[], kept: StoredImage[]) {
  if (new Set(ids).size !== ids.length) throw invalidField('body.images', 'names an upload twice');
  const existing = new Map(kept.map((image) => [image.uploadId, image]));
  const newIds = ids.filter((id) => !existing.has(id));
  if (newIds.length > 0 && (!deps.uploads || !deps.images)) throw new Error('Images need the upload repository and the image store');
  const checked = new Map(
    (await checkNewUploads({ uploads: deps.uploads!, images: deps.images! }, caller, newIds, (id) => ids.indexOf(id))).map((i) => [i.uploadId, i]),
  );
  return { images: ids.map((id) => existing.get(id) ?? checked.get(id)!), newIds };
}

const detailOf = async (deps: FeedWriteDeps, caller: Caller, feed: FeedRecord, at: string) => (await toDetails(deps, caller, [feed], at))[0];

export async function createFeed(deps: FeedWriteDeps, caller: Caller, input: FeedCreateRequest): Promise<FeedDetail> {
  const now = deps.now?.() ?? new Date();
  const fields = await writtenFields(deps, caller, input, now);
  const { images, newIds } = await imagesFor(deps, caller, input.images ?? [], []);
  const at = now.toISOString();
  const feed: FeedRecord = {
    id: 'fd' + randomBytes(12).toString('hex'),
    status: 'DRAFT',
    authorId: caller.userId,
    ...fields,
    images,
    publishedAt: null,
    pinnedUntil: null,
    ackCount: 0,
    history: [{ status: 'DRAFT', byUserId: caller.userId, at, reason: null }],
    createdAt: at,
    updatedAt: at,
  };
  try {
    await deps.feeds.create(feed, newIds);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', 'An image was used by another item meanwhile');
    throw error;
  }
  return detailOf(deps, caller, feed, at);
}

/**
 * Its author rewrites a draft or a rejected item: one conditional write on its status, recorded in
 * its history (status unchanged, `edited`). Images no longer named are deleted from storage after.
 */
export async function updateFeed(deps: FeedWriteDeps, caller: Caller, id: string, input: FeedUpdateRequest): Promise<FeedDetail> {
  const feed = visibleToEditor(caller, await deps.feeds.get(id));
  if (!isAuthorOf(caller, feed)) throw new AppError('FORBIDDEN', 'Only its author edits an item');
  const editable: FeedStatus[] = ['DRAFT', 'REJECTED'];
  if (!editable.includes(feed.status)) throw new AppError('CONFLICT', 'Only a draft or a rejected item can be edited');
  const now = deps.now?.() ?? new Date();
  const fields = await writtenFields(deps, caller, input, now);
  const { images, newIds } = await imagesFor(deps, caller, input.images ?? [], feed.images ?? []);
  const at = now.toISOString();
  const change: FeedChange = { status: feed.status, byUserId: caller.userId, at, reason: null, edited: true };
  const edited = await deps.feeds.edit(feed, editable, { ...fields, images }, change, newIds);
  if (!edited) throw new AppError('CONFLICT', 'The item changed meanwhile (it was submitted, or an image was used elsewhere): reload it');
  const dropped = (feed.images ?? []).filter((image) => !images.some((kept) => kept.uploadId === image.uploadId));
  if (dropped.length > 0 && deps.images) {
    // Best effort: the item no longer names them; a failure here leaves an unreferenced object, nothing visible.
    await deps.images.remove(dropped.flatMap((image) => [image.key, image.thumbnailKey])).catch(() => undefined);
  }
  return detailOf(deps, caller, edited, at);
}

/** One move of the workflow; 409 when the item is not (any more) in a status it can leave that way. */
async function move(
  deps: FeedWriteDeps,
  feed: FeedRecord,
  from: FeedStatus[],
  to: FeedStatus,
  caller: Caller,
  reason: string | null,
  set?: TransitionSet,
) {
  const at = (deps.now?.() ?? new Date()).toISOString();
  const change: FeedChange = { status: to, byUserId: caller.userId, at, reason };
  const moved = await deps.feeds.transition(feed, from, to, change, set);
  if (!moved)
    throw new AppError(
      'CONFLICT',
      `The item is ${feed.status === to ? 'already' : 'not'} ${to === 'IN_REVIEW' ? 'in review' : to.toLowerCase()}${feed.status === to ? '' : ' from its current status'}`,
    );
  return detailOf(deps, caller, moved, at);
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
  const queueAlert = isAlert(feed);
  const published = await move(deps, feed, ['IN_REVIEW'], 'PUBLISHED', caller, null, { publishedAt, pinnedUntil, queueAlert });
  // The outbox entry was written with the publish; this only hurries the notifier (its schedule drains the outbox anyway).
  if (queueAlert) await deps.alerts?.wake(feed.id);
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
