import { resetConfigForTests } from '../../functions/config';
import { resetDbForTests } from '../../functions/data/client';
import { runSettler } from '../../functions/jobs/settler';

/**
 * Runs the real settler once against the test stack's seeded table (what `npm start` does every
 * 30 s), without waiting for payments to age: tests decide when "later" is.
 */
export async function settleForTests() {
  process.env.TABLE_NAME = process.env.TEST_SEEDED_TABLE;
  resetConfigForTests();
  resetDbForTests();
  return runSettler({ minAgeMs: 0 });
}
