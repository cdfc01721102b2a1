import { businessDay, isOpenAt, shanghaiClock } from '../../../functions/domain/stations/opening-hours';
import { maskPhone } from '../../../functions/domain/stations/station';

const weekdays = [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }];

describe('opening hours in Asia/Shanghai', () => {
  it('reads the clock in UTC+8', () => {
    // 2026-11-29 is a Sunday; 16:30 UTC is 00:30 Monday in Shanghai.
    expect(shanghaiClock(new Date('2026-11-29T16:30:00Z'))).toEqual({ day: 1, time: '00:30' });
    expect(businessDay(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30');
  });

  it('is open from open (inclusive) to close (exclusive) on listed days only', () => {
    expect(isOpenAt(weekdays, new Date('2026-11-30T01:00:00Z'))).toBe(true); // Mon 09:00
    expect(isOpenAt(weekdays, new Date('2026-11-30T00:59:00Z'))).toBe(false); // Mon 08:59
    expect(isOpenAt(weekdays, new Date('2026-11-30T10:00:00Z'))).toBe(false); // Mon 18:00
    expect(isOpenAt(weekdays, new Date('2026-11-29T03:00:00Z'))).toBe(false); // Sun 11:00
  });
});

describe('phone masking', () => {
  it('keeps the first and last digits only', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0972-1234567')).toBe('0972-***4567');
  });
});
