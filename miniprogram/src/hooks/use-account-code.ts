import { useCallback, useState } from 'react';
import { errorText } from '../i18n';
import { createAccountCode } from '../services/api-main';
import type { AccountCodeResponse } from '@shared/schemas/accounts';
import { toApiErrorLike } from '../services/errors';

export type AccountCodeState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; code: AccountCodeResponse } | { status: 'failed'; message: string };

/** "My account code" on "me": a one-time code (and its QR code) to show the admin who appoints you. */
export function useAccountCode(fetchCode: () => Promise<AccountCodeResponse> = createAccountCode) {
  const [state, setState] = useState<AccountCodeState>({ status: 'idle' });
  const request = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', code: await fetchCode() });
    } catch (caught) {
      setState({ status: 'failed', message: errorText(toApiErrorLike(caught).code) });
    }
  }, [fetchCode]);
  return { state, request };
}
