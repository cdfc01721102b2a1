import { Text } from '@tarojs/components';
import { ListCard, ListRow } from '../../components/list-row';
import { Panel } from '../../components/panel';
import { Pill } from '../../components/pill';
import { useResource } from '../../hooks/use-resource';
import { t } from '../../i18n';
import { getLatestFeeds } from '../../services/api-main';
import { formatChinaTime } from '../../services/china-time';
import { openMainPage } from '../../services/main-routes';
import { loadOrCached } from '../../services/offline-cache';

const loadLatest = (villageCode: string) => loadOrCached(`feeds.${villageCode}`, () => getLatestFeeds(villageCode, 3));

/**
 * The station's latest three items (pinned alerts first, marked 紧急) and 更多 to the feed. Kept tiny:
 * it is main-package code every first scan downloads; the feed itself is the feed subpackage. While
 * loading, when it fails or when there is nothing yet, the panel is left out: the page stands without it.
 */
export function LatestFeeds({ villageCode, villageName }: { villageCode: string; villageName: string }) {
  const { state } = useResource(villageCode, loadLatest);
  if (state.status !== 'ready') return null;
  const { items } = state.value;
  if (items.length === 0) return null;
  return (
    <Panel id="station-feed" title={t('station.feedTitle')}>
      <ListCard>
        {items.map((item) => (
          <ListRow
            key={item.id}
            id={`station-feed-${item.id}`}
            title={item.title}
            subtitle={formatChinaTime(item.publishedAt ?? '').slice(0, 10)}
            aside={item.pinned ? <Pill tone="danger">{t('station.feedUrgent')}</Pill> : undefined}
            onClick={() => openMainPage('feedItem', { id: item.id })}
          />
        ))}
      </ListCard>
      <Text id="station-feed-more" className="station__link" onClick={() => openMainPage('feed', { region: villageCode, name: villageName })}>
        {t('station.feedMore')}
      </Text>
    </Panel>
  );
}
