/**
 * What an image file is, by its bytes (never its name or declared type), and its size in pixels,
 * from the first bytes of the file: PNG's IHDR, WebP's VP8/VP8L/VP8X header, JPEG's first SOFn frame
 * header (after any APPn segments, hence a larger prefix for JPEG).
 */
import type { ImageContentType } from '../../../shared';

/** Enough for the JPEG segments a camera or a compressor writes before the frame header. */
export const SNIFF_BYTES = 64 * 1024;

export interface SniffedImage {
  contentType: ImageContentType;
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image, or null when the bytes are not a JPEG, PNG or WebP whose size can be read. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  if (bytes.length >= 24 && PNG_SIGNATURE.every((value, i) => bytes[i] === value) && ascii(bytes, 12, 4) === 'IHDR')
    return sized('image/png', u32be(bytes, 16), u32be(bytes, 20));
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webp(bytes);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
  return null;
}

function sized(contentType: ImageContentType, width: number, height: number): SniffedImage | null {
  return width > 0 && height > 0 && width <= 20_000 && height <= 20_000 ? { contentType, width, height } : null;
}

function webp(b: Uint8Array): SniffedImage | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return sized('image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return sized('image/webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  return null;
}

/** Walks the JPEG's segments to its frame header (SOF0-SOF15 but DHT, JPG and DAC). */
function jpeg(b: Uint8Array): SniffedImage | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return sized('image/jpeg', u16be(b, i + 7), u16be(b, i + 5));
    if (marker === 0xda || marker === 0xd9) return null; // scan data or the end before any frame header
    i += 2 + u16be(b, i + 2);
  }
  return null;
}
