import { useCallback, useState } from 'react';
import type { FeedDetail } from '@shared/schemas/feeds';
import { t } from '../i18n/publish';
import { moveFeed, type FeedAction } from '../services/api-publish';
import { supportId, toApiErrorLike } from '../services/errors';
import { isReason, moveErrorText } from '../services/feed-publish';

export type MoveState =
  | { status: 'idle' }
  /** Retracting is irreversible: the reason is written, one more tap confirms. */
  | { status: 'confirming' }
  | { status: 'pending'; action: FeedAction }
  | { status: 'done'; action: FeedAction }
  | { status: 'failed'; message: string; requestId?: string };

const NEEDS_REASON: readonly FeedAction[] = ['reject', 'retract'];

/**
 * The moves on one item from its page: submit and publish at once; reject with a reason; retract with
 * a reason and a confirm. `onMoved` gets the item as it is now; `onStale` reloads it when someone else
 * moved it first (409), so the page shows the status that stopped this move.
 */
export function useFeedMoves(
  id: string,
  ownItem: boolean,
  onMoved: (item: FeedDetail) => void,
  onStale: () => void,
  send: typeof moveFeed = moveFeed,
) {
  const [reason, setReasonState] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [state, setState] = useState<MoveState>({ status: 'idle' });

  const setReason = useCallback((value: string) => {
    setReasonState(value);
    setReasonError(undefined);
    setState((now) => (now.status === 'confirming' || now.status === 'failed' ? { status: 'idle' } : now));
  }, []);

  const send_ = useCallback(
    async (action: FeedAction) => {
      setState({ status: 'pending', action });
      try {
        const moved = await send(id, action, NEEDS_REASON.includes(action) ? reason.trim() : undefined);
        setReasonState('');
        setState({ status: 'done', action });
        onMoved(moved);
      } catch (caught) {
        const error = toApiErrorLike(caught);
        setState({ status: 'failed', message: moveErrorText(error, ownItem), requestId: supportId(error) });
        if (error.code === 'CONFLICT') onStale();
      }
    },
    [send, id, reason, ownItem, onMoved, onStale],
  );

  /** A tap on a move's button: retract asks for confirmation first; reject and retract need a reason. */
  const start = useCallback(
    async (action: FeedAction) => {
      if (state.status === 'pending') return;
      if (NEEDS_REASON.includes(action) && !isReason(reason)) {
        setReasonError(t('publish.action.reasonInvalid'));
        return;
      }
      if (action === 'retract') {
        setState({ status: 'confirming' });
        return;
      }
      await send_(action);
    },
    [state.status, reason, send_],
  );

  const confirmRetract = useCallback(() => send_('retract'), [send_]);
  const cancel = useCallback(() => setState({ status: 'idle' }), []);

  return { reason, setReason, reasonError, state, start, confirmRetract, cancel };
}
