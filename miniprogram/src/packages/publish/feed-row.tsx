import { Text, View } from '@tarojs/components';
import type { FeedDetail } from '@shared/schemas/feeds';
import { ListRow } from '../../components/list-row';
import { Pill } from '../../components/pill';
import { t } from '../../i18n/publish';
import { formatChinaTime } from '../../services/format';
import { categoryText, latestReason, statusText, statusTone } from '../../services/feed-publish';
import { personText } from '../../services/person-label';
import { openPage } from '../../services/routes';

/**
 * One item in a publishing list: its title, category and last change, its status; the reason when it
 * was sent back or taken down; the author in the review queue. Opens the item's page.
 */
export function FeedRow({ item, prefix, showAuthor }: { item: FeedDetail; prefix: string; showAuthor?: boolean }) {
  const reason = latestReason(item);
  const last = item.history[item.history.length - 1];
  const when = formatChinaTime(last?.at ?? item.createdAt);
  const subtitle = [t('publish.rowSubtitle', { category: categoryText(item.category), when })];
  if (showAuthor) subtitle.push(t('publish.review.byAuthor', { who: personText(item.author, true) }));
  return (
    <View id={`${prefix}-${item.id}`} className="publish__row">
      <ListRow
        id={`${prefix}-${item.id}-open`}
        title={item.title}
        subtitle={subtitle.join(' · ')}
        aside={
          <Pill id={`${prefix}-${item.id}-status`} tone={statusTone(item.status)}>
            {statusText(item.status)}
          </Pill>
        }
        onClick={() => openPage('publishItem', { id: item.id })}
      />
      {reason ? (
        <Text id={`${prefix}-${item.id}-reason`} className="publish__reason">
          {t(item.status === 'REJECTED' ? 'publish.rejectedBecause' : 'publish.retractedBecause', { reason })}
        </Text>
      ) : null}
    </View>
  );
}
