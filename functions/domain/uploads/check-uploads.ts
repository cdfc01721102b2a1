/**
 * Before an item may name an upload, its objects are checked by content: the real size (HeadObject)
 * within the limit, and the first bytes (a ranged GetObject) a JPEG, PNG or WebP of the declared type.
 * A refused upload's objects and record are deleted, and the item is not written (the caller throws).
 */
import { MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError } from '../errors';
import { SNIFF_BYTES, sniffImage } from './image-sniff';
import type { ImageStore, UploadRecord, UploadRepository } from './upload';

/** An image as an item stores it. */
export interface StoredImage {
  uploadId: string;
  key: string;
  thumbnailKey: string;
  contentType: string;
  width: number;
  height: number;
}

export interface CheckDeps {
  uploads: UploadRepository;
  images: ImageStore;
}

const invalidImage = (index: number, message: string) =>
  new AppError('INVALID_IMAGE', `Image ${index + 1}: ${message}`, [{ path: `body.images.${index}`, message, code: 'invalid_image' }]);

/**
 * The caller's pending uploads of these ids, checked, in order. Unknown ids, other users' uploads and
 * uploads already on an item are 422 (an upload id is not a way to reach someone else's file).
 */
export async function checkNewUploads(deps: CheckDeps, caller: Caller, ids: string[], indexOf: (id: string) => number): Promise<StoredImage[]> {
  if (ids.length === 0) return [];
  const found = new Map((await deps.uploads.getMany(ids)).map((u) => [u.id, u]));
  const uploads = ids.map((id) => {
    const upload = found.get(id);
    if (!upload || upload.ownerId !== caller.userId || upload.status !== 'PENDING')
      throw invalidImage(indexOf(id), 'is not an upload of yours waiting to be used (ask POST /uploads for one)');
    return upload;
  });
  const checked = await Promise.allSettled(uploads.map((upload) => checkUpload(deps.images, upload, indexOf(upload.id))));
  const refused = checked.flatMap((result, i) => (result.status === 'rejected' ? [{ upload: uploads[i], error: result.reason as unknown }] : []));
  if (refused.length > 0) {
    // What failed the check is deleted: it never reaches a reader, and its storage is not kept.
    await Promise.all(refused.filter((r) => r.error instanceof AppError).map((r) => discard(deps, r.upload)));
    throw refused[0].error;
  }
  return checked.map((result) => (result as PromiseFulfilledResult<StoredImage>).value);
}

async function discard(deps: CheckDeps, upload: UploadRecord) {
  await deps.images.remove([upload.key, upload.thumbnailKey]);
  await deps.uploads.remove(upload.id);
}

async function checkUpload(images: ImageStore, upload: UploadRecord, index: number): Promise<StoredImage> {
  const [image, thumbnail] = await Promise.all([
    checkObject(images, upload.key, MAX_IMAGE_BYTES, upload, index, 'the image'),
    checkObject(images, upload.thumbnailKey, MAX_THUMBNAIL_BYTES, upload, index, 'its thumbnail'),
  ]);
  void thumbnail;
  return {
    uploadId: upload.id,
    key: upload.key,
    thumbnailKey: upload.thumbnailKey,
    contentType: image.contentType,
    width: image.width,
    height: image.height,
  };
}

async function checkObject(images: ImageStore, key: string, maxBytes: number, upload: UploadRecord, index: number, what: string) {
  const stored = await images.head(key);
  if (!stored) throw invalidImage(index, `${what} was not uploaded`);
  if (stored.size > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `Image ${index + 1}: ${what} is ${stored.size} bytes; at most ${maxBytes} are accepted`, [
      { path: `body.images.${index}`, message: 'is too large', code: 'too_large' },
    ]);
  const sniffed = sniffImage(await images.readStart(key, Math.min(SNIFF_BYTES, stored.size)));
  if (!sniffed) throw invalidImage(index, `${what} is not a JPEG, PNG or WebP image (checked by its content)`);
  if (sniffed.contentType !== upload.contentType)
    throw invalidImage(index, `${what} is a ${sniffed.contentType}, not the ${upload.contentType} declared`);
  return sniffed;
}
