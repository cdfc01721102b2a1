import { decodeCursor, encodeCursor } from '../../../functions/data/cursor';
import { AppError } from '../../../functions/domain/errors';

const key = { PK: 'STATION#st1', SK: 'STATION', GSI1PK: 'STATIONS_IN#63', GSI1SK: '630202002214#st1' };

describe('pagination cursors', () => {
  it('round-trip within the scope that issued them', () => {
    const cursor = encodeCursor(key, 'stations-in:6302')!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'stations-in:6302')).toEqual(key);
  });

  it('are null on the last page', () => {
    expect(encodeCursor(undefined, 'x')).toBeNull();
  });

  it('reject every single-character edit with VALIDATION_FAILED', () => {
    const cursor = encodeCursor(key, 'stations-in:6302')!;
    for (let i = 0; i < cursor.length; i++) {
      const flipped = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      let error: unknown;
      try {
        decodeCursor(flipped, 'stations-in:6302');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
    }
  });

  it('reject a cursor issued for another query', () => {
    const cursor = encodeCursor(key, 'stations-in:6302')!;
    expect(() => decodeCursor(cursor, 'stations-in:6301')).toThrow(AppError);
  });
});
