import { useCallback, useEffect, useState } from 'react';
import { ackFeed, getMyFeedAck } from '../services/api-feeds';
import { toApiErrorLike } from '../services/errors';

/**
 * Why a 收到 did not go through, as the reader can act on it: their WeChat is linked to no household
 * (the server's 404 says so in its detail), the alert is not for their household's village (another
 * 404), it asks for no acknowledgement (409), or anything else (network, server: worth a retry).
 */
export type AckFailure = { kind: 'no-household' } | { kind: 'not-here' } | { kind: 'not-needed' } | { kind: 'other'; code: string };

/** Idle: not acknowledged yet; `informed` when the officer has told the household by phone or in person. */
export type AckState =
  | { status: 'idle'; informed?: { how: 'phone' | 'in_person'; at: string } }
  | { status: 'sending' }
  | { status: 'done'; at: string }
  | { status: 'failed'; failure: AckFailure };

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
 * Signed in, the page first asks whether the household has acknowledged already, so a later visit
 * shows 已确认收到 instead of asking again.
 */
export function useFeedAck(feedId: string, signedIn: boolean) {
  const [state, setState] = useState<AckState>({ status: 'idle' });
  useEffect(() => {
    if (!signedIn) return undefined;
    let live = true;
    getMyFeedAck(feedId).then(
      (mine) => {
        if (!live) return;
        if (mine.acknowledgedAt) setState({ status: 'done', at: mine.acknowledgedAt });
        else if (mine.informed) setState({ status: 'idle', informed: mine.informed });
      },
      (error: unknown) => {
        // Only "no household" changes what the reader can do; anything else leaves the button to try.
        const failure = failureOf(error);
        if (live && failure.kind === 'no-household') setState({ status: 'failed', failure });
      },
    );
    return () => {
      live = false;
    };
  }, [feedId, signedIn]);
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
