import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sniffImage } from '../../../functions/domain/uploads/image-sniff';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', name)));

describe('sniffImage: the type and size of an image by its bytes', () => {
  it('reads real JPEG, PNG and WebP files (made by Chromium)', () => {
    expect(sniffImage(fixture('field.jpg'))).toEqual({ contentType: 'image/jpeg', width: 400, height: 300 });
    expect(sniffImage(fixture('field-thumb.jpg'))).toEqual({ contentType: 'image/jpeg', width: 320, height: 240 });
    expect(sniffImage(fixture('field.png'))).toEqual({ contentType: 'image/png', width: 640, height: 480 });
    expect(sniffImage(fixture('field.webp'))).toEqual({ contentType: 'image/webp', width: 200, height: 150 });
  });

  it('refuses executables, text, truncated images and empty files, whatever they are called', () => {
    expect(sniffImage(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(100).fill(0)]))).toBeNull();
    expect(sniffImage(new Uint8Array([0x4d, 0x5a, 0x90, 0, ...new Array(100).fill(0)]))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffImage(fixture('field.jpg').subarray(0, 20))).toBeNull();
    expect(sniffImage(fixture('field.png').subarray(0, 12))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
