import { useCallback, useEffect, useState } from 'react';
import type { SubscriptionKind, SubscriptionsResponse } from '@shared/schemas/notify';
import type { ApiError } from '../services/api-error';
import { toApiErrorLike } from '../services/errors';
import { askForSubscriptions, getMySubscriptions, recordSubscriptions, subscribeSupport, type SubscribeSupport } from '../services/subscriptions';
import { useSession } from './use-session';

export type AlertSubscriptionState =
  /** Nothing to show: signed out, no such API here, no template configured, or no place alerts could reach. */
  | { status: 'hidden' }
  | { status: 'loading' }
  | {
      status: 'ready';
      templateIds: string[];
      remaining: number;
      cap: number;
      /** The dialog is open or the answer is being recorded. */
      asking: boolean;
      /** The last ask's outcome, for the line under the button. */
      outcome: 'accepted' | 'declined' | null;
      error?: ApiError;
    };

export interface AlertSubscriptionDeps {
  load: () => Promise<SubscriptionsResponse>;
  record: (accepted: string[]) => Promise<SubscriptionsResponse>;
  ask: (tmplIds: string[], support: SubscribeSupport) => Promise<string[]>;
  support: () => SubscribeSupport;
}

const defaults: AlertSubscriptionDeps = {
  load: getMySubscriptions,
  record: recordSubscriptions,
  ask: askForSubscriptions,
  support: subscribeSupport,
};

function readyFrom(answer: SubscriptionsResponse, kind: SubscriptionKind): AlertSubscriptionState {
  const template = answer.items.find((item) => item.kind === kind);
  if (!answer.located || !template) return { status: 'hidden' };
  return { status: 'ready', templateIds: [template.templateId], remaining: template.remaining, cap: template.cap, asking: false, outcome: null };
}

/**
 * The signed-in user's subscription to one kind of message (alerts by default; `answer`: the answer to
 * their question): what they have allowed, and `subscribe()` for the button, which opens WeChat's
 * dialog (one accept = one message) and records the ids accepted. The template ids are loaded
 * beforehand, so the tap opens the dialog at once (WeChat requires it).
 */
export function useAlertSubscription(deps: AlertSubscriptionDeps = defaults, kind: SubscriptionKind = 'alert') {
  const session = useSession();
  const support = deps.support();
  const [state, setState] = useState<AlertSubscriptionState>({ status: 'hidden' });

  useEffect(() => {
    if (!session || support === 'unsupported') {
      setState({ status: 'hidden' });
      return undefined;
    }
    let current = true;
    setState({ status: 'loading' });
    deps.load().then(
      (answer) => current && setState(readyFrom(answer, kind)),
      // The prompt is an extra: when it cannot load, it stays out of the way.
      () => current && setState({ status: 'hidden' }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when who is signed in changes
  }, [session?.user.id, support, kind]);

  const subscribe = useCallback(async () => {
    if (state.status !== 'ready' || state.asking) return;
    // First, before any await: WeChat opens the dialog only straight from a tap.
    const asked = deps.ask(state.templateIds, support);
    setState({ ...state, asking: true, outcome: null, error: undefined });
    const accepted = await asked;
    if (accepted.length === 0) {
      setState({ ...state, asking: false, outcome: 'declined', error: undefined });
      return;
    }
    try {
      const next = readyFrom(await deps.record(accepted), kind);
      setState(next.status === 'ready' ? { ...next, outcome: 'accepted' } : next);
    } catch (error) {
      setState({ ...state, asking: false, outcome: null, error: toApiErrorLike(error) });
    }
  }, [state, support, deps, kind]);

  return { state, subscribe, simulated: support === 'simulated' };
}
