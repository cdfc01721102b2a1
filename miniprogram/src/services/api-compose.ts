import type { FeedCategoriesResponse, FeedCreateRequest, FeedDetail, FeedUpdateRequest } from '@shared/schemas/feeds';
import type { UploadCreateRequest, UploadCreateResponse } from '@shared/schemas/uploads';
import type * as z from 'zod/mini';
import { request } from './api-client';

/**
 * The endpoints an author writes with (the publish subpackage's write/edit page and the upload
 * service), on the one client of api-client.ts. Types only come from @shared.
 */

export type FeedCategories = z.infer<typeof FeedCategoriesResponse>;

/** `GET /feed-categories`: the tabs, with their Chinese and Tibetan names. */
export function getFeedCategories(): Promise<FeedCategories> {
  return request<FeedCategories>('/feed-categories', { auth: false });
}

/** `GET /feeds/{id}` as its author: the whole item (every version, status, history). */
export function getFeedForEditing(id: string): Promise<FeedDetail> {
  return request<FeedDetail>(`/feeds/${encodeURIComponent(id)}`);
}

/** `POST /feeds`: a new draft. */
export function createFeed(body: FeedCreateRequest): Promise<FeedDetail> {
  return request<FeedDetail>('/feeds', { method: 'POST', body });
}

/** `PUT /feeds/{id}`: its author rewrites a draft or a rejected item. */
export function updateFeed(id: string, body: FeedUpdateRequest): Promise<FeedDetail> {
  return request<FeedDetail>(`/feeds/${encodeURIComponent(id)}`, { method: 'PUT', body });
}

/** `POST /feeds/{id}/submit`: to the reviewers. */
export function submitFeed(id: string): Promise<FeedDetail> {
  return request<FeedDetail>(`/feeds/${encodeURIComponent(id)}/submit`, { method: 'POST' });
}

/** `POST /uploads`: presigned POSTs for an image and its thumbnail. */
export function createUpload(body: UploadCreateRequest): Promise<UploadCreateResponse> {
  return request<UploadCreateResponse>('/uploads', { method: 'POST', body });
}
