import type { AccountCodeResponse } from '@shared/schemas/accounts';
import { createAccountCode } from '../services/api-account';
import { useOneTimeCode, type OneTimeCodeState } from './use-one-time-code';

export type AccountCodeState = OneTimeCodeState<AccountCodeResponse>;

/** "My account code" on "me": a one-time code (and its QR code) to show the admin who appoints you. */
export const useAccountCode = (fetchCode: () => Promise<AccountCodeResponse> = createAccountCode) => useOneTimeCode(fetchCode);
