/** @jest-environment jsdom */
import { fenToYuanText, formatFen, parseYuanToFen } from '../../../miniprogram/src/services/money';
import { chinaDate, isBusinessDate, shiftDate } from '../../../miniprogram/src/services/business-date';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1999, '¥19.99'],
    [123456789, '¥1,234,567.89'],
    [-150, '-¥1.50'],
  ])('%p fen reads %p', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('puts an amount back into a yuan field', () => {
    expect(fenToYuanText(1999)).toBe('19.99');
    expect(fenToYuanText(100)).toBe('1.00');
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.1', 10],
    ['.5', 50],
    ['19.99', 1999],
    ['0.07', 7],
    ['1.10', 110],
    ['4.35', 435],
    [' ¥1,234.05 ', 123405],
    ['１２．３', 1230],
    ['50元', 5000],
    ['007', 700],
    ['12.', 1200],
  ])('%p is %p fen, exactly', (input, fen) => {
    expect(parseYuanToFen(input)).toEqual({ ok: true, fen });
  });

  it('never has a float error, for every amount up to ¥100 in fen steps', () => {
    for (let fen = 0; fen <= 10_000; fen += 1) {
      const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(parseYuanToFen(text)).toEqual({ ok: true, fen });
      expect(fenToYuanText(fen)).toBe(text);
    }
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['1.2.3', 'format'],
    ['-5', 'format'],
    ['1e3', 'format'],
    ['12.345', 'decimals'],
    ['99999999999', 'too-large'],
    ['10000001', 'too-large'],
  ])('%p is refused (%s)', (input, reason) => {
    expect(parseYuanToFen(input)).toEqual({ ok: false, reason });
  });
});

describe('business dates (Asia/Shanghai)', () => {
  it('is the calendar day in China, not the phone’s', () => {
    expect(chinaDate(Date.parse('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(chinaDate(Date.parse('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });

  it('checks and shifts dates', () => {
    expect(isBusinessDate('2026-02-28')).toBe(true);
    expect(isBusinessDate('2026-02-30')).toBe(false);
    expect(isBusinessDate('2026-2-3')).toBe(false);
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
  });
});
