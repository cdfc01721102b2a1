import { View } from '@tarojs/components';
import { ListCard, ListRow } from '../list-row';
import { LoadMore } from '../load-more';
import { Pill } from '../pill';
import { ErrorStateView, StateView } from '../state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { t } from '../../i18n/staff';
import { listFeeds, listRegionAckAlerts, type FeedPage } from '../../services/api-feeds';
import { formatChinaTime } from '../../services/format';

// Full pages: the alerts asking for 收到 are picked from what the place sees.
const PAGE = 50;

/** Where the alerts come from: what a village sees (the officer), or every alert reaching into a region (the admin). */
export type AlertSource = 'village-feed' | 'region-alerts';

const loaders: Record<AlertSource, (region: string, cursor?: string) => Promise<FeedPage>> = {
  'village-feed': (region, cursor) => listFeeds(region, { cursor, limit: PAGE }),
  'region-alerts': (region, cursor) => listRegionAckAlerts(region, { cursor, limit: PAGE }),
};

/**
 * The alerts asking each household for 收到, newest first, pinned first: for the officer, those their
 * village sees (GET /feeds?region=, which has no "asks for ack" filter, so the pages are filtered
 * here); for the admin, those reaching into their region at any level (GET /regions/{code}/ack-alerts:
 * the region's own feed would miss an alert for one of its counties or villages). "Load more" reaches older ones.
 */
export function AckAlertList({ id, region, source, onOpen }: { id: string; region: string; source: AlertSource; onOpen: (feedId: string) => void }) {
  const { state, loadMore, retry } = usePagedList(`${source}:${region}`, (_key, cursor) => loaders[source](region, cursor));
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
