import { View } from '@tarojs/components';
import type { FeedDetail } from '@shared/schemas/feeds';
import { ListCard } from '../../components/list-row';
import { LoadMore } from '../../components/load-more';
import { ErrorStateView, StateView } from '../../components/state-view';
import type { PagedState } from '../../hooks/use-paged-list';
import { t, type MessageKey } from '../../i18n/publish';
import { FeedRow } from './feed-row';

/** Items per page of the publishing lists. */
export const FEED_PAGE_SIZE = 20;

export interface FeedListProps {
  /** Prefix of every e2e hook: `<id>-loading`, `<id>-list`, `<id>-<item id>`... */
  id: string;
  state: PagedState<FeedDetail>;
  texts: { loading: MessageKey; error: MessageKey; empty: MessageKey };
  showAuthor?: boolean;
  onMore: () => void;
  onRetry: () => void;
}

/** A paged list of items in any status (the author's own, a review queue): loading, error, empty, rows and "more". */
export function FeedList({ id, state, texts, showAuthor, onMore, onRetry }: FeedListProps) {
  if (state.status === 'idle' || state.status === 'loading') return <StateView id={`${id}-loading`} kind="loading" title={t(texts.loading)} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id={`${id}-error`}
        title={t(texts.error)}
        error={state.error}
        actions={[{ id: `${id}-retry`, label: t('state.retry'), onClick: onRetry }]}
      />
    );
  }
  if (state.items.length === 0) return <StateView id={`${id}-empty`} kind="empty" title={t(texts.empty)} />;
  return (
    <View id={`${id}-list`}>
      <ListCard>
        {state.items.map((item) => (
          <FeedRow key={item.id} item={item} prefix={id} showAuthor={showAuthor} />
        ))}
      </ListCard>
      {state.nextCursor !== null || state.more.status !== 'idle' ? (
        <LoadMore id={`${id}-more`} hasMore={state.nextCursor !== null} more={state.more} onMore={onMore} />
      ) : null}
    </View>
  );
}
