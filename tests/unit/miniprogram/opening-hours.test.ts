/** @jest-environment jsdom */
import fc from 'fast-check';
import { OpeningWindow } from '../../../shared/schemas/stations';
import {
  CLOCK_TIME_PATTERN,
  describeDays,
  describeOpeningHours,
  normalizeClockTime,
  normalizeDays,
} from '../../../miniprogram/src/services/opening-hours';

describe('describeDays', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7], '每天'],
    [[1, 2, 3, 4, 5], '周一至周五'],
    [[1, 2, 3, 4, 5, 6], '周一至周六'],
    [[6, 7], '周六、周日'],
    [[1, 3, 5], '周一、周三、周五'],
    [[5, 1, 2, 3], '周一至周三、周五'],
    [[3, 3, 3], '周三'],
    [[7], '周日'],
  ])('%p -> %p', (days, text) => {
    expect(describeDays(days)).toBe(text);
  });

  it('ignores what is no day of the week', () => {
    expect(normalizeDays([0, 8, 2, 2.5, 1])).toEqual([1, 2]);
  });
});

describe('describeOpeningHours', () => {
  it('writes one line a window, Monday first', () => {
    expect(
      describeOpeningHours([
        { days: [6, 7], open: '10:00', close: '16:00' },
        { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' },
      ]),
    ).toEqual(['周一至周五 09:00–18:00', '周六、周日 10:00–16:00']);
  });

  it('is empty without hours', () => {
    expect(describeOpeningHours([])).toEqual([]);
  });
});

describe('clock times', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:00', '09:00'],
    ['0930', '09:30'],
    [' 18：00 ', '18:00'],
    ['23:59', '23:59'],
    ['24:00', undefined],
    ['9:60', undefined],
    ['nine', undefined],
    ['', undefined],
  ])('%p -> %p', (typed, value) => {
    expect(normalizeClockTime(typed)).toBe(value);
  });

  it('agrees with the API on what a time of day is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('00:00', '23:59', '24:00', '7:05', '12:60')), (text) => {
        const api =
          OpeningWindow.safeParse({ days: [1], open: text, close: '23:59' }).success ||
          OpeningWindow.safeParse({ days: [1], open: '00:00', close: text }).success;
        const ours = CLOCK_TIME_PATTERN.test(text);
        // The API also needs open < close: 00:00 as a close (or 23:59 as an open) fails there alone.
        if (text !== '00:00' && text !== '23:59') expect(ours).toBe(api);
      }),
    );
  });
});
