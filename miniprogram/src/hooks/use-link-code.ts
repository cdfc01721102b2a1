import { useCallback, useState } from 'react';
import { errorText } from '../i18n';
import { createHouseholdLinkCode, type LinkCodeAnswer } from '../services/api';
import { toApiErrorLike } from '../services/errors';

export type LinkCodeState =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; code: LinkCodeAnswer } | { status: 'failed'; message: string };

/** "Link my household" on "me": a one-time code to show the officer. */
export function useLinkCode(fetchCode: () => Promise<LinkCodeAnswer> = createHouseholdLinkCode) {
  const [state, setState] = useState<LinkCodeState>({ status: 'idle' });
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
