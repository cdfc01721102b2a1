import { useCallback, useState } from 'react';
import { errorText } from '../i18n';
import { toApiErrorLike } from '../services/errors';

export type OneTimeCodeState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; code: T } | { status: 'failed'; message: string };

/** A one-time code the user asks for and shows someone (the officer who links a household, the admin who appoints). */
export function useOneTimeCode<T>(fetchCode: () => Promise<T>) {
  const [state, setState] = useState<OneTimeCodeState<T>>({ status: 'idle' });
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
