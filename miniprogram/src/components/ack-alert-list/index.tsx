import { View } from '@tarojs/components';
import { ListCard, ListRow } from '../list-row';
import { LoadMore } from '../load-more';
import { Pill } from '../pill';
import { ErrorStateView, StateView } from '../state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { t } from '../../i18n/staff';
import { listFeeds } from '../../services/api-feeds';
import { formatChinaTime } from '../../services/format';

// Full pages: the alerts asking for 收到 are picked from what the place sees.
const PAGE = 50;

/**
 * The alerts asking each household for 收到 that a place sees (GET /feeds?region=, newest first,
 * pinned first), for the officer (their village) and the admin (their region). The feed has no
 * "asks for ack" filter, so the pages are filtered here; "load more" reaches older ones.
 */
export function AckAlertList({ id, region, onOpen }: { id: string; region: string; onOpen: (feedId: string) => void }) {
  const { state, loadMore, retry } = usePagedList(region, (key, cursor) => listFeeds(key, { cursor, limit: PAGE }));
  if (state.status === 'idle' || state.status === 'loading') return <StateView id={`${id}-loading`} kind="loading" title={t('alerts.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id={`${id}-error`}
        title={t('alerts.errorTitle')}
        error={state.error}
        actions={[{ id: `${id}-retry`, label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  const alerts = state.items.filter((item) => item.requiresAck);
  const hasMore = state.nextCursor !== null;
  return (
    <View id={id}>
      {alerts.length === 0 ? (
        <StateView id={`${id}-empty`} kind="empty" title={hasMore ? t('alerts.emptyMore') : t('alerts.empty')} />
      ) : (
        <ListCard>
          {alerts.map((alert) => (
            <ListRow
              key={alert.id}
              id={`${id}-${alert.id}`}
              title={alert.title}
              subtitle={t('alerts.rowSubtitle', { date: alert.publishedAt ? formatChinaTime(alert.publishedAt) : '' })}
              aside={alert.pinned ? <Pill tone="danger">{t('alerts.pinned')}</Pill> : undefined}
              onClick={() => onOpen(alert.id)}
            />
          ))}
        </ListCard>
      )}
      {hasMore ? <LoadMore id={`${id}-more`} hasMore more={state.more} onMore={loadMore} /> : null}
    </View>
  );
}
