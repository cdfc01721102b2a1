import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { officerQueue, replayWhenOnline } from '../services/officer-queue-device';
import type { QueueConflict, QueuedAction } from '../services/officer-queue';

export interface OfficerQueueView {
  pending: QueuedAction[];
  conflicts: QueueConflict[];
  full: boolean;
  replaying: boolean;
}

const viewOf = (replaying: boolean): OfficerQueueView => {
  const queue = officerQueue();
  return queue
    ? { pending: queue.pending(), conflicts: queue.conflicts(), full: queue.isFull(), replaying }
    : { pending: [], conflicts: [], full: false, replaying };
};

/** The queue as the officer's pages show it, kept current; a page showing replays what is pending. */
export function useOfficerQueue() {
  const [view, setView] = useState<OfficerQueueView>(() => viewOf(false));
  const [replaying, setReplaying] = useState(false);

  const retry = useCallback(async () => {
    const queue = officerQueue();
    if (!queue) return;
    setReplaying(true);
    try {
      await queue.replay();
    } finally {
      setReplaying(false);
    }
  }, []);

  useEffect(() => {
    replayWhenOnline();
    const queue = officerQueue();
    const unsubscribe = queue?.subscribe(() => setView(viewOf(false)));
    void retry();
    return () => {
      unsubscribe?.();
    };
  }, [retry]);
  useDidShow(() => {
    setView(viewOf(false));
    void retry();
  });

  const dismiss = useCallback((key: string) => officerQueue()?.dismissConflict(key), []);
  return { ...view, replaying, retry, dismiss };
}
