import { useCallback, useState } from 'react';
import { ackFeed } from '../services/api-feeds';
import { toApiErrorLike } from '../services/errors';

/**
 * Why a 收到 did not go through, as the reader can act on it: their WeChat is linked to no household
 * (the server's 404 says so in its detail), the alert is not for their household's village (another
 * 404), it asks for no acknowledgement (409), or anything else (network, server: worth a retry).
 */
export type AckFailure = { kind: 'no-household' } | { kind: 'not-here' } | { kind: 'not-needed' } | { kind: 'other'; code: string };

export type AckState = { status: 'idle' } | { status: 'sending' } | { status: 'done'; at: string } | { status: 'failed'; failure: AckFailure };

function failureOf(error: unknown): AckFailure {
  const apiError = toApiErrorLike(error);
  if (apiError.code === 'NOT_FOUND') {
    return apiError.details.some((detail) => detail.code === 'no_household') ? { kind: 'no-household' } : { kind: 'not-here' };
  }
  if (apiError.code === 'CONFLICT') return { kind: 'not-needed' };
  return { kind: 'other', code: apiError.code };
}

/**
 * 收到 on an alert for the signed-in villager's household. The server counts a household once, so
 * a second tap (or one from another member) is harmless and answers when it was first acknowledged.
 */
export function useFeedAck(feedId: string) {
  const [state, setState] = useState<AckState>({ status: 'idle' });
  const acknowledge = useCallback(async () => {
    setState({ status: 'sending' });
    try {
      const answer = await ackFeed(feedId);
      setState({ status: 'done', at: answer.acknowledgedAt });
    } catch (error) {
      setState({ status: 'failed', failure: failureOf(error) });
    }
  }, [feedId]);
  return { state, acknowledge };
}
