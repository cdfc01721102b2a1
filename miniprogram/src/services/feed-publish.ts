/**
 * What the publishing pages decide from an item and the signed-in user: which moves they may offer,
 * how a status and a refusal read. The server checks every move anyway; this only avoids offering a
 * button that can only fail.
 */
import { ADMIN_ROLES, type Role } from '@shared/roles';
import type { EXPERT_FIELDS, FeedDetail, FeedStatus } from '@shared/schemas/feeds';
import type { ApiError } from './api-error';
import type { FeedAction } from './api-publish';
import { errorText, t, type MessageKey } from '../i18n/publish';

/** A copy of shared/schemas/feeds.ts EXPERT_FIELDS (zod stays out of the bundle; unit tests compare). */
export const EXPERT_FIELD_LIST = ['crops', 'livestock', 'veterinary', 'policy', 'market'] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];

export const statusText = (status: FeedStatus) => t(`publish.status.${status}` as MessageKey);
export const categoryText = (category: FeedDetail['category']) => t(`publish.category.${category}` as MessageKey);

/** A pill's tone per status: green once public, red when sent back or taken down, grey before. */
export function statusTone(status: FeedStatus): 'brand' | 'muted' | 'accent' | 'danger' {
  if (status === 'PUBLISHED') return 'brand';
  if (status === 'IN_REVIEW') return 'accent';
  if (status === 'REJECTED' || status === 'RETRACTED') return 'danger';
  return 'muted';
}

export interface Viewer {
  role: Role;
  regionCode?: string;
}

const isAdmin = (viewer: Viewer) => (ADMIN_ROLES as readonly string[]).includes(viewer.role);

/** An admin whose region contains the item's target (its reviewers, as functions/domain/feeds/feed-access.ts says). */
export const reviews = (viewer: Viewer, item: Pick<FeedDetail, 'regionCode'>) =>
  isAdmin(viewer) && viewer.regionCode !== undefined && item.regionCode.startsWith(viewer.regionCode);

/**
 * The moves the viewer may make now: its author submits a draft or a rejected item (and edits it);
 * a reviewer who did not write it publishes or rejects it in review; a reviewer retracts it once published.
 */
export function actionsFor(viewer: Viewer, item: Pick<FeedDetail, 'status' | 'regionCode' | 'author'>): { edit: boolean; moves: FeedAction[] } {
  const mine = item.author.you;
  const editable = mine && (item.status === 'DRAFT' || item.status === 'REJECTED');
  const moves: FeedAction[] = [];
  if (editable) moves.push('submit');
  if (reviews(viewer, item) && !mine && item.status === 'IN_REVIEW') moves.push('publish', 'reject');
  if (reviews(viewer, item) && item.status === 'PUBLISHED') moves.push('retract');
  return { edit: editable, moves };
}

/** The reason of the latest rejection or retraction, shown to the author beside the status. */
export function latestReason(item: Pick<FeedDetail, 'status' | 'history'>): string | null {
  if (item.status !== 'REJECTED' && item.status !== 'RETRACTED') return null;
  // The author's edits record the status the item stayed in, without a reason: the reviewer's move is the one before.
  const change = [...item.history].reverse().find((entry) => entry.status === item.status && !entry.edited);
  return change?.reason ?? null;
}

/** Reasons the API accepts (1-200 characters); we ask for at least 2 so a stray tap is not a reason. */
export const isReason = (text: string) => text.trim().length >= 2 && text.trim().length <= 200;

/** A refused or failed move in words: 409 when someone else moved it first, 403 an admin's own item. */
export function moveErrorText(error: Pick<ApiError, 'code'>, ownItem: boolean): string {
  if (error.code === 'CONFLICT') return t('publish.error.conflict');
  if (error.code === 'FORBIDDEN') return ownItem ? t('publish.error.forbiddenOwn') : t('publish.error.forbidden');
  if (error.code === 'NOT_FOUND') return t('publish.error.notFound');
  if (error.code === 'VALIDATION_FAILED') return t('publish.error.invalid');
  return errorText(error.code);
}
