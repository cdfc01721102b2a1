import { randomBytes } from 'node:crypto';
import { MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES, type UploadCreateRequest, type UploadCreateResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError } from '../errors';
import { imageKeys, type ImageStore, type UploadRecord, type UploadRepository } from './upload';

export interface UploadDeps {
  uploads: UploadRepository;
  images: ImageStore;
  now?: () => Date;
}

/** The presigned POSTs are short-lived: the client uploads right after asking. */
const POST_TTL_SECONDS = 15 * 60;
/** An upload never named by an item is forgotten after a day (TTL on its record). */
const PENDING_TTL_SECONDS = 24 * 3600;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Presigned POSTs for an image and its thumbnail, each limited to the declared type and the size limit. */
export async function createUpload(deps: UploadDeps, caller: Caller, input: UploadCreateRequest): Promise<UploadCreateResponse> {
  // Villagers and officers upload the photos of a question; only authors of items upload their images.
  if (input.purpose === 'feed_image' && (caller.role === 'villager' || caller.role === 'officer'))
    throw new AppError('FORBIDDEN', 'Item images are uploaded by experts and admins; ask with purpose question_photo for a question');
  // A listing's photos are taken by the officer who lists the produce for its seller.
  if (input.purpose === 'listing_photo' && caller.role !== 'officer')
    throw new AppError('FORBIDDEN', 'Listing photos are uploaded by the station officer who lists the produce');
  // The sizes go in `details` too: the answer's message is the catalogue's text for the code.
  if (input.size > MAX_IMAGE_BYTES) {
    const message = `The image is ${megabytes(input.size)}; at most ${megabytes(MAX_IMAGE_BYTES)} is accepted`;
    throw new AppError('PAYLOAD_TOO_LARGE', message, [{ path: 'body.size', message, code: 'too_big' }]);
  }
  if (input.thumbnailSize > MAX_THUMBNAIL_BYTES) {
    const message = `The thumbnail is ${Math.ceil(input.thumbnailSize / 1024)} KB; at most ${MAX_THUMBNAIL_BYTES / 1024} KB`;
    throw new AppError('PAYLOAD_TOO_LARGE', message, [{ path: 'body.thumbnailSize', message, code: 'too_big' }]);
  }
  const now = deps.now?.() ?? new Date();
  const id = 'up' + randomBytes(12).toString('hex');
  const upload: UploadRecord = {
    id,
    ownerId: caller.userId,
    purpose: input.purpose,
    contentType: input.contentType,
    size: input.size,
    thumbnailSize: input.thumbnailSize,
    ...imageKeys(id, input.contentType),
    status: 'PENDING',
    feedId: null,
    createdAt: now.toISOString(),
  };
  await deps.uploads.create(upload, Math.floor(now.getTime() / 1000) + PENDING_TTL_SECONDS);
  const post = (key: string, maxBytes: number) =>
    deps.images.presignPost(key, { contentType: input.contentType, maxBytes, expiresSeconds: POST_TTL_SECONDS });
  const [image, thumbnail] = await Promise.all([post(upload.key, MAX_IMAGE_BYTES), post(upload.thumbnailKey, MAX_THUMBNAIL_BYTES)]);
  return {
    id,
    image,
    thumbnail,
    expiresAt: new Date(now.getTime() + POST_TTL_SECONDS * 1000).toISOString(),
    maxBytes: MAX_IMAGE_BYTES,
    maxThumbnailBytes: MAX_THUMBNAIL_BYTES,
  };
}
