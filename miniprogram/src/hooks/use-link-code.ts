import { createHouseholdLinkCode, type LinkCodeAnswer } from '../services/api';
import { useOneTimeCode, type OneTimeCodeState } from './use-one-time-code';

export type LinkCodeState = OneTimeCodeState<LinkCodeAnswer>;

/** "Link my household": a one-time code to show the officer. */
export const useLinkCode = (fetchCode: () => Promise<LinkCodeAnswer> = createHouseholdLinkCode) => useOneTimeCode(fetchCode);
