import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../config';
import { invalidField } from '../domain/errors';

/**
 * Pagination cursors: base64url(JSON{key, scope}) followed by a 22-char HMAC. The scope binds a
 * cursor to the query that produced it, so a cursor is useless for another region or list, and any
 * edited byte fails the signature (400, never a read of an arbitrary key).
 */
const SIGNATURE_LENGTH = 22;

const sign = (payload: string) => createHmac('sha256', config().cursorSecret).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);

export function encodeCursor(lastKey: Record<string, unknown> | undefined, scope: string): string | null {
  if (!lastKey) return null;
  const payload = Buffer.from(JSON.stringify({ k: lastKey, s: scope })).toString('base64url');
  return payload + sign(payload);
}

export function decodeCursor(cursor: string | undefined, scope: string): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () => invalidField('cursor', 'is not a cursor this list issued');
  if (cursor.length <= SIGNATURE_LENGTH) throw invalid();
  const payload = cursor.slice(0, -SIGNATURE_LENGTH);
  const given = Buffer.from(cursor.slice(-SIGNATURE_LENGTH));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k?: unknown; s?: unknown };
    if (parsed.s !== scope || typeof parsed.k !== 'object' || parsed.k === null) throw invalid();
    return parsed.k as Record<string, unknown>;
  } catch {
    throw invalid();
  }
}

/** Offset cursors for lists ranked in memory (search results), signed like key cursors. */
export const offsetCursor = {
  encode: (offset: number, scope: string) => encodeCursor({ o: offset }, scope)!,
  decode(cursor: string | undefined, scope: string): number {
    const key = decodeCursor(cursor, scope);
    if (key === undefined) return 0;
    const offset = key.o;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw invalidField('cursor', 'is not a cursor this list issued');
    return offset;
  },
};
