import { randomInt } from 'node:crypto';
import { ACCOUNT_CODE_QR_PREFIX, type AccountCodeResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError } from '../errors';
import type { RateLimiter } from '../rate-limit';

/** Where account codes are kept (functions/data implements it), apart from household link codes. */
export interface AccountCodeRepository {
  /** A new code for the user; false when the code is someone else's live code (pick another). */
  put(code: string, userId: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
  /** The user a live code belongs to; null when it is unknown, expired or used. */
  find(code: string, nowMs: number): Promise<{ userId: string } | null>;
}

export interface AccountCodeDeps {
  accountCodes: AccountCodeRepository;
  rateLimiter: RateLimiter;
  /** Draws a QR code of `text` as an image URI (functions/adapters). */
  qrImage: (text: string) => Promise<string>;
  now?: () => Date;
}

export const ACCOUNT_CODE_TTL_MS = 10 * 60_000;
const ACCOUNT_CODES_PER_HOUR = 10;
/**
 * Guessing: 10^8 codes and at most a few thousand live at once; an admin trying 30 an hour finds
 * a live one about once in a thousand years. Honest use is one try per appointment.
 */
export const ACCOUNT_CODE_ATTEMPTS_PER_HOUR = 30;

/** An 8-digit code for the signed-in user, valid 10 minutes, used once (by the appointment). */
export async function issueAccountCode(deps: AccountCodeDeps, caller: Caller): Promise<AccountCodeResponse> {
  await deps.rateLimiter(`account-code:${caller.userId}`, ACCOUNT_CODES_PER_HOUR, 3600);
  const nowMs = (deps.now?.() ?? new Date()).getTime();
  const expiresAtMs = nowMs + ACCOUNT_CODE_TTL_MS;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (await deps.accountCodes.put(code, caller.userId, expiresAtMs, nowMs)) {
      return { code, expiresAt: new Date(expiresAtMs).toISOString(), qrImage: await deps.qrImage(ACCOUNT_CODE_QR_PREFIX + code) };
    }
  }
  throw new AppError('CONFLICT', 'Could not issue a code right now; try again');
}
