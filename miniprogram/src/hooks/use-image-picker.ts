import { useCallback, useRef, useState } from 'react';
import type { FeedImage } from '@shared/schemas/feeds';
import { errorText, t } from '../i18n/publish';
import { isApiError } from '../services/api-error';
import {
  chooseImages,
  MAX_FEED_IMAGES,
  prepareImage,
  UploadProblem,
  uploadPrepared,
  type PreparedImage,
  type UploadPurpose,
} from '../services/upload';

/** One image of the picker: on the item already, or on its way up (with progress), or failed (with why). */
export interface PickedImage {
  key: string;
  /** What to show: the item's thumbnail URL, or the local compressed thumbnail. */
  previewUrl: string;
  /** The upload id once uploaded (or the image's, when it is on the item already). */
  uploadId: string | null;
  status: 'uploading' | 'done' | 'failed';
  percent: number;
  error: string | null;
  /** Kept to retry a failed upload without choosing again. */
  prepared?: PreparedImage;
  source?: string;
}

const describe = (error: unknown) =>
  error instanceof UploadProblem ? t(error.key, error.params) : isApiError(error) ? errorText(String(error.code)) : errorText('NETWORK_ERROR');

let nextKey = 0;

export interface ImagePickerOptions {
  /** What the uploads are for (the server checks them against it): an item's images by default. */
  purpose?: UploadPurpose;
  /** How many images in all: an item's MAX_FEED_IMAGES by default. */
  max?: number;
}

/** The picker's images, in order: choose (up to `max` in all), upload each at once, remove, retry. */
export function useImagePicker(initial: FeedImage[] = [], { purpose = 'feed_image', max = MAX_FEED_IMAGES }: ImagePickerOptions = {}) {
  const [images, setImages] = useState<PickedImage[]>(() => fromItem(initial));
  const latest = useRef(images);
  latest.current = images;

  const update = useCallback((key: string, change: Partial<PickedImage>) => {
    setImages((list) => list.map((image) => (image.key === key ? { ...image, ...change } : image)));
  }, []);

  const send = useCallback(
    async (key: string, source: string, prepared?: PreparedImage) => {
      update(key, { status: 'uploading', percent: 0, error: null });
      try {
        const ready = prepared ?? (await prepareImage(source));
        update(key, { prepared: ready, previewUrl: ready.thumbnail.path });
        const uploadId = await uploadPrepared(ready, (percent) => update(key, { percent }), purpose);
        update(key, { uploadId, status: 'done', percent: 100 });
      } catch (error) {
        update(key, { status: 'failed', error: describe(error) });
      }
    },
    [update, purpose],
  );

  const add = useCallback(async () => {
    const room = max - latest.current.length;
    if (room <= 0) return;
    const sources = await chooseImages(room);
    const added = sources.map<PickedImage>((source) => ({
      key: `new-${nextKey++}`,
      previewUrl: source,
      uploadId: null,
      status: 'uploading',
      percent: 0,
      error: null,
      source,
    }));
    setImages((list) => [...list, ...added].slice(0, max));
    // One after another: a weak link shares its bandwidth badly.
    for (const image of added) await send(image.key, image.source!);
  }, [send, max]);

  const remove = useCallback((key: string) => setImages((list) => list.filter((image) => image.key !== key)), []);

  const retry = useCallback(
    (key: string) => {
      const image = latest.current.find((i) => i.key === key);
      if (image?.source) void send(key, image.source, image.prepared);
    },
    [send],
  );

  const reset = useCallback((items: FeedImage[]) => setImages(fromItem(items)), []);

  return {
    images,
    add,
    remove,
    retry,
    reset,
    canAdd: images.length < max,
    busy: images.some((image) => image.status === 'uploading'),
    failed: images.some((image) => image.status === 'failed'),
    /** The upload ids to send with the item, in order (only those uploaded). */
    uploadIds: images.flatMap((image) => (image.status === 'done' && image.uploadId ? [image.uploadId] : [])),
  };
}

const fromItem = (items: FeedImage[]): PickedImage[] =>
  items.map((image) => ({ key: image.id, previewUrl: image.thumbnailUrl, uploadId: image.id, status: 'done', percent: 100, error: null }));
