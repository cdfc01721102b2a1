import fc from 'fast-check';
import { plainAccountNo, SANDBOX_TRIGGER_SUFFIXES } from '../../harness/account-numbers';
import { accountNo } from '../../../shared';

describe('plainAccountNo (tests/harness): fresh account numbers the sandbox pays at once', () => {
  it('never ends in a sandbox trigger suffix, whatever the clock says (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(['138', 11], ['4401', 10], ['63', 8], ['', 4]) as fc.Arbitrary<[string, number]>,
        (now, [prefix, length]) => {
          const account = plainAccountNo(prefix, length, now);
          return (
            account.length === length &&
            account.startsWith(prefix) &&
            accountNo.safeParse(account).success &&
            !(SANDBOX_TRIGGER_SUFFIXES as readonly string[]).includes(account.slice(-4))
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('avoids the clocks the old builder (`138${Date.now() % 1e8}`.padEnd(11, "0")) turned into triggers', () => {
    const old = (now: number) => `138${now % 100_000_000}`.padEnd(11, '0');
    const triggering = [1_700_000_001_234, 1_700_012_349_001, 1_700_012_349_004]; // -> ...0000, ...9001, ...9004
    expect(triggering.map((now) => old(now).slice(-4))).toEqual(['0000', '9001', '9004']);
    for (const now of triggering) expect(SANDBOX_TRIGGER_SUFFIXES).not.toContain(plainAccountNo('138', 11, now).slice(-4));
  });

  it('differs from call to call at the same millisecond', () => {
    const now = Date.now();
    expect(new Set(Array.from({ length: 100 }, () => plainAccountNo('138', 11, now))).size).toBe(100);
  });
});
