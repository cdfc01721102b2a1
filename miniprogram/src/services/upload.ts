/**
 * Images for an item (or a question's photos: the same path with another purpose), as an author adds them:
 *   choose -> compress to <= 1280 px and make a ~320 px thumbnail (on the phone: less to send on a
 *   weak link, and the server never resizes) -> POST /uploads (presigned POSTs for both) ->
 *   Taro.uploadFile of each to object storage with the POST's fields -> the upload id, which the
 *   item then names. The server checks each object by its content when the item is saved.
 */
import Taro from '@tarojs/taro';
import { MAX_FEED_IMAGES, MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES, type PresignedPost, type UploadCreateRequest } from '@shared/schemas/uploads';
import { createUpload } from './api-compose';
import { compressImage, IMAGE_MAX_SIDE, THUMBNAIL_MAX_SIDE, type LocalImage } from './image-compress';

export { MAX_FEED_IMAGES };
/** What an upload is for: the server checks it against that use (an item's image, a question's photo). */
export type UploadPurpose = UploadCreateRequest['purpose'];

/** A failure the author can act on, by its message key in the publish catalogue (the hook words it). */
export class UploadProblem extends Error {
  constructor(
    readonly key: 'compose.imageTooLarge' | 'compose.imageUnreadable' | 'compose.storageRefused',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UploadProblem';
  }
}

export interface PreparedImage {
  image: LocalImage;
  thumbnail: LocalImage;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Up to `count` images from the album or the camera; an empty list when the author cancels. */
export async function chooseImages(count: number): Promise<string[]> {
  try {
    const { tempFilePaths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return tempFilePaths.slice(0, count);
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return [];
    throw error;
  }
}

/** The image at its upload size and its thumbnail, or an UploadProblem when it cannot be read or stays too large. */
export async function prepareImage(src: string): Promise<PreparedImage> {
  let prepared: PreparedImage;
  try {
    const image = await compressImage(src, IMAGE_MAX_SIDE, 0.8);
    const thumbnail = await compressImage(image.path, THUMBNAIL_MAX_SIDE, 0.7);
    prepared = { image, thumbnail };
  } catch {
    throw new UploadProblem('compose.imageUnreadable');
  }
  if (prepared.image.size > MAX_IMAGE_BYTES)
    throw new UploadProblem('compose.imageTooLarge', { size: megabytes(prepared.image.size), max: megabytes(MAX_IMAGE_BYTES) });
  if (prepared.thumbnail.size > MAX_THUMBNAIL_BYTES)
    throw new UploadProblem('compose.imageTooLarge', { size: megabytes(prepared.thumbnail.size), max: megabytes(MAX_THUMBNAIL_BYTES) });
  return prepared;
}

/** Uploads both files for `purpose` (what the server checks the upload against); `onProgress` gets 0-100 over the two. Returns the upload id. */
export async function uploadPrepared(
  prepared: PreparedImage,
  onProgress: (percent: number) => void,
  purpose: UploadPurpose = 'feed_image',
): Promise<string> {
  const { image, thumbnail } = prepared;
  const answer = await createUpload({ purpose, contentType: image.contentType, size: image.size, thumbnailSize: thumbnail.size });
  const total = image.size + thumbnail.size;
  await postFile(answer.image, image, (sent) => onProgress(Math.round((sent / total) * 100)));
  await postFile(answer.thumbnail, thumbnail, (sent) => onProgress(Math.round(((image.size + sent) / total) * 100)));
  onProgress(100);
  return answer.id;
}

/** One browser-style form POST to object storage: its fields, then the file (Taro sends the file last). */
function postFile(post: PresignedPost, file: LocalImage, onSent: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: post.url,
      filePath: file.path,
      name: 'file',
      fileName: file.contentType === 'image/png' ? 'image.png' : file.contentType === 'image/webp' ? 'image.webp' : 'image.jpg',
      formData: post.fields,
      withCredentials: false,
      success: (res) => (res.statusCode >= 200 && res.statusCode < 300 ? resolve() : reject(new UploadProblem('compose.storageRefused'))),
      fail: (error) => reject(error),
    } as Taro.uploadFile.Option);
    task?.onProgressUpdate?.((progress) => onSent(Math.min(file.size, progress.totalBytesSent)));
  });
}
