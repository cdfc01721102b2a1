import type { FeedDetail, FeedStatus } from '@shared/schemas/feeds';
import type { ExpertField } from './feed-publish';
import { request } from './api-client';
import type { PersonRef } from './api-account';

/**
 * The endpoints of publishing (the publish subpackage and the admin's expert appointment), on the one
 * client of api-client.ts. Apart from api.ts so the pages that read the feed do not carry them.
 */

export interface FeedDetailPage {
  items: FeedDetail[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

const feedPath = (id: string, rest = '') => `/feeds/${encodeURIComponent(id)}${rest}`;

/** `GET /me/feeds`: the items the signed-in expert or admin wrote, any status, newest first. */
export function getMyFeeds(page: PageRequest = {}): Promise<FeedDetailPage> {
  return request<FeedDetailPage>('/me/feeds', { query: { limit: page.limit, cursor: page.cursor } });
}

/** `GET /feeds/review?region=`: items in review whose target lies in the region (inside the admin's own). */
export function getReviewQueue(region: string, page: PageRequest = {}): Promise<FeedDetailPage> {
  return request<FeedDetailPage>('/feeds/review', { query: { region, limit: page.limit, cursor: page.cursor } });
}

/**
 * `GET /feeds/{id}`: its authors and reviewers get the whole item (every version, status, history);
 * anyone else the reader's view of a published item (no `status`), or 404.
 */
export function getFeedDetail(id: string): Promise<FeedDetail | Omit<FeedDetail, 'status'>> {
  return request<FeedDetail>(feedPath(id));
}

/** A move of the review workflow and the status it leads to. */
export type FeedAction = 'submit' | 'publish' | 'reject' | 'retract';
export const ACTION_TARGET: Record<FeedAction, FeedStatus> = { submit: 'IN_REVIEW', publish: 'PUBLISHED', reject: 'REJECTED', retract: 'RETRACTED' };

/** `POST /feeds/{id}/{action}` (reject and retract with a reason): the item as it is now. 409 when it moved meanwhile. */
export function moveFeed(id: string, action: FeedAction, reason?: string): Promise<FeedDetail> {
  return request<FeedDetail>(feedPath(id, `/${action}`), { method: 'POST', body: reason === undefined ? undefined : { reason } });
}

export interface AppointExpertAnswer {
  user: { id: string; role: 'expert'; regionCode: string; expertField: ExpertField };
}

/** `POST /admin/experts`: the person (id or account code) becomes an expert of the field for a region inside the admin's own. */
export function appointExpert(person: PersonRef, field: ExpertField, regionCode: string): Promise<AppointExpertAnswer> {
  return request<AppointExpertAnswer>('/admin/experts', { method: 'POST', body: { ...person, field, regionCode } });
}
