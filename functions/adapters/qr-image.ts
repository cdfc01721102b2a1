import type QRCodeModule from 'qrcode';

let qrcode: typeof QRCodeModule | undefined;

/** A QR code of `text` as an SVG data URI (a few KB), which an <Image> shows on H5 and in WeChat alike. */
export async function qrSvgDataUri(text: string): Promise<string> {
  // Loaded on the first code drawn, not at cold start (most requests of auth, training and market draw none).
  qrcode ??= (await import('qrcode')).default;
  const svg = await qrcode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
