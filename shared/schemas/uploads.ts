/**
 * Uploads (issue 11): an author asks for a presigned POST per image (and one for its thumbnail, made
 * by the client), uploads straight to object storage, then names the upload id on an item. The API
 * checks the stored object by content and real size when an item references it, never by its name.
 */
import * as z from 'zod/mini';

export const UPLOAD_PURPOSES = ['feed_image', 'question_photo', 'listing_photo'] as const;
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** The client compresses to at most 1280 px; 5 MB leaves room for a detailed photo. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** A ~320 px thumbnail is some tens of KB. */
export const MAX_THUMBNAIL_BYTES = 300 * 1024;
/** Images per item, in order (the first one's thumbnail is the list's). */
export const MAX_FEED_IMAGES = 6;

export const uploadId = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[0-9A-Za-z_-]+$/, 'must be an upload id'));

/**
 * Sizes are declared in bytes. Schema-wise any positive size up to 1 GB is a well-formed request; a
 * size over the limit is the domain's 413 (PAYLOAD_TOO_LARGE), which the client shows as "too large".
 */
const byteSize = z.number().check(z.int(), z.positive(), z.maximum(1024 ** 3));

export const UploadCreateRequest = z.strictObject({
  purpose: z.enum(UPLOAD_PURPOSES),
  contentType: z.enum(IMAGE_CONTENT_TYPES),
  size: byteSize,
  /** The thumbnail has the image's content type. */
  thumbnailSize: byteSize,
});
export type UploadCreateRequest = z.infer<typeof UploadCreateRequest>;

/** A browser-style form POST: send every field, then the file as the last field `file`. */
export const PresignedPost = z.object({ url: z.string(), fields: z.record(z.string(), z.string()) });
export type PresignedPost = z.infer<typeof PresignedPost>;

export const UploadCreateResponse = z.object({
  id: z.string(),
  image: PresignedPost,
  thumbnail: PresignedPost,
  /** The POSTs are valid until then; the upload must be referenced by an item within a day. */
  expiresAt: z.string(),
  maxBytes: z.number(),
  maxThumbnailBytes: z.number(),
});
export type UploadCreateResponse = z.infer<typeof UploadCreateResponse>;
