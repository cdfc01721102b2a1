/**
 * An upload: the record of a presigned POST handed to an author, and the two objects it allows (the
 * image and its thumbnail). It is PENDING until an item names it; the item's write marks it ATTACHED
 * to that item in the same transaction, so one upload never ends up on two items.
 *
 *   POST /uploads ──> PENDING ──(item create/edit: content checked, one transaction)──> ATTACHED
 *                        │
 *                        └──(content or size refused)──> objects and record deleted
 */
import type { ImageContentType, UPLOAD_PURPOSES } from '../../../shared';

export type UploadStatus = 'PENDING' | 'ATTACHED';

export interface UploadRecord {
  id: string;
  ownerId: string;
  purpose: (typeof UPLOAD_PURPOSES)[number];
  /** What the author declared, and the presigned POST enforces on real S3. */
  contentType: ImageContentType;
  size: number;
  thumbnailSize: number;
  key: string;
  thumbnailKey: string;
  status: UploadStatus;
  /** The item it is attached to. */
  feedId: string | null;
  createdAt: string;
}

export interface UploadRepository {
  create(upload: UploadRecord, expiresAtEpochSeconds: number): Promise<void>;
  /** The uploads of these ids that exist (any order). */
  getMany(ids: string[]): Promise<UploadRecord[]>;
  remove(id: string): Promise<void>;
}

/** An object as stored: its real size and the type it was stored with. */
export interface StoredObject {
  size: number;
  contentType: string | null;
}

/** Object storage as the domain needs it (S3 deployed, s3rver locally: functions/adapters/s3-image-store.ts). */
export interface ImageStore {
  /** A presigned POST for exactly this key, this content type and at most `maxBytes`. */
  presignPost(
    key: string,
    options: { contentType: string; maxBytes: number; expiresSeconds: number },
  ): Promise<{ url: string; fields: Record<string, string> }>;
  /** null when nothing is stored under the key. */
  head(key: string): Promise<StoredObject | null>;
  /** The object's first `bytes` bytes (a ranged GET). */
  readStart(key: string, bytes: number): Promise<Uint8Array>;
  remove(keys: string[]): Promise<void>;
  /** Where readers load each key from (presigned GETs deployed, the local S3's public address locally). */
  urls(keys: string[]): Promise<Map<string, string>>;
}

/** Keys under one prefix (the only one the functions' role may touch). */
export const imageKeys = (uploadId: string, contentType: ImageContentType) => {
  const ext = contentType === 'image/jpeg' ? 'jpg' : contentType === 'image/png' ? 'png' : 'webp';
  return { key: `feed-images/${uploadId}.${ext}`, thumbnailKey: `feed-images/${uploadId}.thumb.${ext}` };
};
