/**
 * The sandbox bill provider scripts an outcome by an account number's last four characters
 * (functions/adapters/sandbox-bill-provider.ts, README table): a test that builds "a fresh number"
 * from the clock must never land on one of them, or it fails on the millisecond it does.
 */
export const SANDBOX_TRIGGER_SUFFIXES = ['0000', '9001', '9002', '9003', '9004'] as const;

let sequence = 0;

/**
 * A fresh digits-only account number of `length` characters starting with `prefix`, unique within
 * the run (clock and a counter), that the sandbox pays at once: its last digit is always 5, so its
 * last four characters are never a trigger suffix.
 */
export function plainAccountNo(prefix = '138', length = 11, now = Date.now()): string {
  const free = length - prefix.length - 1;
  if (free < 1) throw new Error(`plainAccountNo: no room for unique digits in ${length} characters after ${prefix}`);
  const unique = String((now + sequence++) % 10 ** Math.min(free, 15)).padStart(free, '0');
  return `${prefix}${unique}5`;
}
