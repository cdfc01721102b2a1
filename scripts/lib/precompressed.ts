/**
 * Brotli and gzip copies of a static site's text files, made once (at server start, in the
 * background) and kept in memory, as a CDN serves them: the H5 build is ~1.7 MB of JavaScript that
 * compresses to about a quarter, which is most of what a slow link waits for.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);
/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 512;

interface Entry {
  mtimeMs: number;
  size: number;
  /** Only the encodings that came out smaller than the file. */
  encoded: Promise<Partial<Record<Encoding, Buffer>>>;
}

async function encode(file: string): Promise<Partial<Record<Encoding, Buffer>>> {
  const raw = await fs.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip(raw, { level: 9 }),
  ]);
  const out: Partial<Record<Encoding, Buffer>> = {};
  if (br.length < raw.length) out.br = br;
  if (gz.length < raw.length) out.gzip = gz;
  return out;
}

/**
 * The encodings a client accepts, best first (br before gzip), from its Accept-Encoding header:
 * `q=0` refuses one; `*` stands for any not named.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const wildcard = weights.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((encoding) => (weights.get(encoding) ?? wildcard) > 0);
}

export class PrecompressedFiles {
  private readonly entries = new Map<string, Entry>();

  /** Starts compressing every compressible file under `root`; requests meanwhile wait for their own file only. */
  warm(root: string): Promise<void> {
    const visit = async (dir: string): Promise<void> => {
      const names = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      await Promise.all(
        names.map(async (entry) => {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) return visit(full);
          if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name).toLowerCase())) {
            const stat = await fs.stat(full).catch(() => undefined);
            if (stat) this.lookup(full, stat.mtimeMs, stat.size);
          }
          return undefined;
        }),
      );
    };
    return visit(root);
  }

  /**
   * The best encoded copy of `file` for a client accepting `accepted`, or undefined to send it as
   * it is (not compressible, too small, not smaller, or nothing accepted). A file changed on disk
   * since it was compressed (a rebuild under `npm start`) is compressed again.
   */
  async pick(file: string, stat: { mtimeMs: number; size: number }, accepted: Encoding[]): Promise<{ encoding: Encoding; body: Buffer } | undefined> {
    if (accepted.length === 0 || stat.size < MIN_BYTES || !COMPRESSIBLE.has(path.extname(file).toLowerCase())) return undefined;
    const encoded = await this.lookup(file, stat.mtimeMs, stat.size).encoded.catch(() => ({}) as Partial<Record<Encoding, Buffer>>);
    const encoding = accepted.find((name) => encoded[name] !== undefined);
    return encoding ? { encoding, body: encoded[encoding]! } : undefined;
  }

  private lookup(file: string, mtimeMs: number, size: number): Entry {
    const known = this.entries.get(file);
    if (known && known.mtimeMs === mtimeMs && known.size === size) return known;
    const entry: Entry = { mtimeMs, size, encoded: size < MIN_BYTES ? Promise.resolve({}) : encode(file) };
    // A failed read (file deleted meanwhile) is retried on the next request rather than remembered.
    entry.encoded.catch(() => {
      if (this.entries.get(file) === entry) this.entries.delete(file);
    });
    this.entries.set(file, entry);
    return entry;
  }
}
