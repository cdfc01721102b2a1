import { Text, View } from '@tarojs/components';
import { errorText, t } from '../../i18n/shared';
import type { MoreState } from '../../hooks/use-paged-list';
import { ActionButton } from '../action-button';
import './index.scss';

export interface LoadMoreProps {
  /** The button's id; the end line is `<id>-end`, a failure `<id>-error`. */
  id: string;
  hasMore: boolean;
  more: MoreState;
  onMore: () => void;
}

/** Under a paginated list: "加载更多" while there is more, why the last attempt failed, or the end. */
export function LoadMore({ id, hasMore, more, onMore }: LoadMoreProps) {
  if (!hasMore) {
    return (
      <Text id={`${id}-end`} className="load-more__end">
        {t('list.end')}
      </Text>
    );
  }
  return (
    <View className="load-more">
      {more.status === 'error' ? (
        <Text id={`${id}-error`} className="load-more__error">
          {t('list.moreFailed', { reason: errorText(more.error.code) })}
        </Text>
      ) : null}
      <ActionButton id={id} kind="secondary" loading={more.status === 'loading'} onClick={onMore}>
        {more.status === 'loading' ? t('list.loadingMore') : t('list.more')}
      </ActionButton>
    </View>
  );
}
