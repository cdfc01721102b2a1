/**
 * The person an admin appoints, as typed or scanned: the 8-digit account code the villager shows from
 * "me" (spaces, dashes and full-width digits allowed, or the QR code's text), or a user id.
 */
import type { PersonRef } from './api-account';

// Here, not in officer-admin.ts: the main package's 我的 page uses this file, and officer-admin pulls in the staff catalogue.
/** A copy of shared/schemas/accounts.ts `userId` (zod stays out of the bundle; unit tests compare). */
export const USER_ID_PATTERN = /^[0-9A-Za-z_-]{1,40}$/;

/** A copy of shared/schemas/accounts.ts ACCOUNT_CODE_QR_PREFIX (zod stays out of the bundle; unit tests compare). */
export const ACCOUNT_CODE_QR_PREFIX = 'yinong-account:';

const toHalfWidthDigits = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export function parsePerson(raw: string): PersonRef | undefined {
  const text = toHalfWidthDigits(raw.trim());
  const code = (text.startsWith(ACCOUNT_CODE_QR_PREFIX) ? text.slice(ACCOUNT_CODE_QR_PREFIX.length) : text).replace(/[\s\-－]/g, '');
  if (/^\d{8}$/.test(code)) return { accountCode: code };
  return USER_ID_PATTERN.test(text) ? { userId: text } : undefined;
}

/** How a code is shown: two groups of four digits, easier to read out. */
export const spacedCode = (code: string) => code.replace(/^(\d{4})(\d{4})$/, '$1 $2');
