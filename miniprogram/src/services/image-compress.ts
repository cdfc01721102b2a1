import Taro from '@tarojs/taro';

/** A local image file ready to upload: where it is (a temp path, or a blob: URL on H5), its bytes and pixels. */
export interface LocalImage {
  path: string;
  size: number;
  width: number;
  height: number;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
}

/** Photos go up at most 1280 px on their long side (enough for a phone screen), thumbnails ~320 px. */
export const IMAGE_MAX_SIDE = 1280;
export const THUMBNAIL_MAX_SIDE = 320;

const contentTypeOf = (type: string | undefined): LocalImage['contentType'] =>
  type === 'png' ? 'image/png' : type === 'webp' ? 'image/webp' : 'image/jpeg';

/**
 * A JPEG of `src` whose long side is at most `maxSide`. WeChat: its own compressImage (JPEG out,
 * `compressedWidth`/`compressedHeight` from base library 2.26). H5 (where Taro has no compressImage):
 * a canvas, on white so a transparent PNG does not turn black.
 */
export function compressImage(src: string, maxSide: number, quality: number): Promise<LocalImage> {
  return process.env.TARO_ENV === 'h5' ? compressOnCanvas(src, maxSide, quality) : compressInWeChat(src, maxSide, quality);
}

async function compressInWeChat(src: string, maxSide: number, quality: number): Promise<LocalImage> {
  const info = await Taro.getImageInfo({ src });
  const landscape = info.width >= info.height;
  const side = Math.min(maxSide, Math.max(info.width, info.height));
  const options = { src, quality: Math.round(quality * 100), ...(landscape ? { compressedWidth: side } : { compressedHeight: side }) };
  const { tempFilePath } = await Taro.compressImage(options as Taro.compressImage.Option);
  const [out, size] = await Promise.all([Taro.getImageInfo({ src: tempFilePath }), fileSize(tempFilePath)]);
  return { path: tempFilePath, size, width: out.width, height: out.height, contentType: contentTypeOf(out.type) };
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().getFileInfo({ filePath, success: (res) => resolve(res.size), fail: (error) => reject(error) }),
  );
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image could not be decoded'));
    image.src = src;
  });
}

async function compressOnCanvas(src: string, maxSide: number, quality: number): Promise<LocalImage> {
  const image = await loadImage(src);
  const scale = Math.min(1, maxSide / Math.max(image.naturalWidth, image.naturalHeight));
  const width = Math.max(1, Math.round(image.naturalWidth * scale));
  const height = Math.max(1, Math.round(image.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('image could not be encoded');
  return { path: URL.createObjectURL(blob), size: blob.size, width, height, contentType: 'image/jpeg' };
}
