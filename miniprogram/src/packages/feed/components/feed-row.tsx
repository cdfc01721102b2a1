import { Text, View } from '@tarojs/components';
import type { FeedSummary } from '@shared/schemas/feeds';
import { Pill } from '../../../components/pill';
import { TapImage } from '../../../components/tap-image';
import { t } from '../../../i18n/feed';
import { formatChinaTime } from '../../../services/format';

/** When an item was published, as a date: the feed is read by day, not by minute. */
export const publishedDate = (item: Pick<FeedSummary, 'publishedAt'>) => (item.publishedAt ? formatChinaTime(item.publishedAt).slice(0, 10) : '');

/**
 * One item of the feed: its title, excerpt, category and date, a thumbnail when it has an image.
 * Pinned urgent alerts stand out (a red edge and 置顶); alerts asking for 收到 say so.
 */
export function FeedRow({ item, categoryName, onOpen }: { item: FeedSummary; categoryName: string; onOpen: () => void }) {
  return (
    <View id={`feed-item-${item.id}`} className={`feed-row${item.pinned ? ' feed-row--pinned' : ''}`} onClick={onOpen}>
      <View className="feed-row__main">
        <View className="feed-row__badges">
          {item.pinned ? (
            <Pill id={`feed-item-${item.id}-pinned`} tone="danger">
              {t('feed.pinned')}
            </Pill>
          ) : item.urgent ? (
            <Pill tone="danger">{t('feed.urgent')}</Pill>
          ) : null}
          {item.requiresAck ? <Pill tone="accent">{t('feed.needsAck')}</Pill> : null}
        </View>
        <Text className="feed-row__title">{item.title}</Text>
        <Text className="feed-row__excerpt">{item.excerpt}</Text>
        <Text className="feed-row__meta">{[categoryName, publishedDate(item)].filter(Boolean).join(' · ')}</Text>
      </View>
      {item.thumbnailUrl ? (
        <TapImage id={`feed-item-${item.id}-thumb`} className="feed-row__thumb" src={item.thumbnailUrl} mode="aspectFill" />
      ) : null}
    </View>
  );
}
