import { setRateLimitClockForTests } from '../../functions/data/rate-limiter';

/**
 * Pins the rate limiter's clock for the enclosing describe block, half-way through the current hour
 * (a minute's start as well): every window of a test is then one window, however slow the machine,
 * so a boundary falling mid-test cannot reset a count. Move `nowMs` to try the next window.
 */
export function usePinnedRateLimitClock(): { nowMs: number } {
  const clock = { nowMs: Math.floor(Date.now() / 3_600_000) * 3_600_000 + 1_800_000 };
  beforeAll(() => setRateLimitClockForTests(() => clock.nowMs));
  afterAll(() => setRateLimitClockForTests(undefined));
  return clock;
}
