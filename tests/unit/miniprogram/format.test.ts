/** @jest-environment jsdom */
import { formatCoordinates } from '../../../miniprogram/src/services/coordinates';
import { formatChinaTime, formatDistance, regionChainText } from '../../../miniprogram/src/services/format';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../miniprogram/src/services/datum';
import { station } from './fixtures';

describe('formatDistance', () => {
  it.each([
    [0, '0 米'],
    [4, '0 米'],
    [5, '10 米'],
    [849, '850 米'],
    [994, '990 米'],
    // Rounded to 10 m it is a kilometre: say so in kilometres, not "1000 米".
    [995, '1.0 公里'],
    [2668, '2.7 公里'],
    [9949, '9.9 公里'],
    [9950, '10 公里'],
    [27_400, '27 公里'],
    [199_999, '200 公里'],
  ])('%p m -> %p', (meters, text) => {
    expect(formatDistance(meters)).toBe(text);
  });

  it('says nothing for a distance that is not one', () => {
    expect(formatDistance(Number.NaN)).toBe('');
    expect(formatDistance(-1)).toBe('');
  });
});

describe('formatChinaTime', () => {
  it('shows the moment in China time whatever the zone of the ISO string', () => {
    expect(formatChinaTime('2026-11-29T07:30:00.000Z')).toBe('2026-11-29 15:30');
    expect(formatChinaTime('2026-12-31T20:05:00Z')).toBe('2027-01-01 04:05');
    expect(formatChinaTime('2026-11-29T15:30:00+08:00')).toBe('2026-11-29 15:30');
  });

  it('leaves a text that is no date as it is', () => {
    expect(formatChinaTime('yesterday')).toBe('yesterday');
  });
});

describe('regionChainText', () => {
  it('names the prefecture, county and township (every station is in Qinghai)', () => {
    expect(regionChainText(station.regionChain)).toBe('海东市 · 乐都区 · 碾伯镇');
  });
});

describe('formatCoordinates', () => {
  it('writes the hemisphere in words with five decimals', () => {
    expect(formatCoordinates({ lat: 36.502524, lng: 102.389716 })).toBe('北纬 36.50252°，东经 102.38972°');
    expect(formatCoordinates({ lat: -33.9, lng: -70.6 })).toBe('南纬 33.90000°，西经 70.60000°');
  });
});

describe('WGS84 <-> GCJ-02', () => {
  const ledu = { lat: 36.48, lng: 102.4 };
  const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
    Math.hypot((a.lat - b.lat) * 111_320, (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180));

  it('moves a point in China by a few hundred metres, as WeChat maps expect', () => {
    const shifted = wgs84ToGcj02(ledu);
    expect(metres(ledu, shifted)).toBeGreaterThan(100);
    expect(metres(ledu, shifted)).toBeLessThan(1000);
  });

  it('comes back to within a centimetre', () => {
    expect(metres(ledu, gcj02ToWgs84(wgs84ToGcj02(ledu)))).toBeLessThan(0.01);
  });

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02({ lat: 48.85, lng: 2.35 })).toEqual({ lat: 48.85, lng: 2.35 });
    expect(gcj02ToWgs84({ lat: 48.85, lng: 2.35 })).toEqual({ lat: 48.85, lng: 2.35 });
  });
});
