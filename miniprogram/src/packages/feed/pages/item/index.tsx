import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FeedItem } from '@shared/schemas/feeds';
import { Pill } from '../../../../components/pill';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useFeedCategories } from '../../../../hooks/use-feed-categories';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/feed';
import { getRegionChildren } from '../../../../services/api';
import { getFeedItem } from '../../../../services/api-feeds';
import { formatChinaTime, regionChainText } from '../../../../services/format';
import { goHome } from '../../../../services/routes';
import { AckPanel } from '../../components/ack-panel';
import { publishedDate } from '../../components/feed-row';
import { SubscribePrompt } from '../../../../components/subscribe-prompt';
import { TapImage } from '../../../../components/tap-image';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../feed.scss';
import { pageStyle } from '../../../../services/page-style';

/** The target region by name ("海东市 · 乐都区"); the code until the name is in, or if it cannot be had. */
function useRegionName(code: string): string {
  const { state } = useResource(code, (key) => getRegionChildren(key));
  if (state.status !== 'ready') return code;
  const { region } = state.value;
  return regionChainText([...region.chain, region]) || region.name;
}

/** The item's pictures, full width; a tap opens them in the phone's viewer (zoom, swipe to the next). */
function Images({ item }: { item: FeedItem }) {
  if (item.images.length === 0) return null;
  const urls = item.images.map((image) => image.url);
  return (
    <View id="feed-images" className="feed-images">
      {item.images.map((image, index) => (
        <TapImage
          key={image.url}
          id={`feed-image-${index}`}
          className="feed-images__image"
          src={image.url}
          mode="widthFix"
          onClick={() => void Taro.previewImage({ current: image.url, urls }).catch(() => undefined)}
        />
      ))}
      <Text className="feed-item__muted">{t('feed.imagesHint')}</Text>
    </View>
  );
}

function Item({ item }: { item: FeedItem }) {
  const { nameOf } = useFeedCategories();
  const region = useRegionName(item.regionCode);
  return (
    <View id="feed-item">
      <View className={`feed-item${item.pinned || item.urgent ? ' feed-item--urgent' : ''}`}>
        <View className="feed-row__badges">
          {item.urgent ? <Pill tone="danger">{t('feed.urgent')}</Pill> : null}
          {nameOf(item.category) ? (
            <Pill id="feed-item-category" tone="brand">
              {nameOf(item.category)}
            </Pill>
          ) : null}
        </View>
        <Text id="feed-item-title" className="feed-item__title">
          {item.title}
        </Text>
        <Text id="feed-item-date" className="feed-item__muted">
          {t('feed.published', { time: publishedDate(item) })}
        </Text>
        <Text id="feed-item-region" className="feed-item__muted">
          {t('feed.region', { region })}
        </Text>
        {item.expiresAt ? <Text className="feed-item__muted">{t('feed.expires', { time: formatChinaTime(item.expiresAt) })}</Text> : null}
        <Text id="feed-item-body" className="feed-item__body" userSelect>
          {item.body}
        </Text>
        <Images item={item} />
      </View>
      {item.requiresAck ? <AckPanel feedId={item.id} /> : null}
      <SubscribePrompt id="feed-item-subscribe" />
    </View>
  );
}

/** One item of the feed (`?id=`): its whole text and pictures, and 收到 when it is an alert asking for it. */
export default function FeedItemPage() {
  useNavTitle(t('feed.itemNavTitle'));
  const { params } = useRouter();
  const { state, retry } = useResource(params.id || undefined, getFeedItem);
  return (
    <View id="feed-item-page" style={pageStyle} className="page">
      {state.status === 'idle' || state.status === 'loading' ? (
        <StateView id="feed-item-loading" kind="loading" title={t('feed.itemLoading')} />
      ) : null}
      {state.status === 'error' && (state.error.code === 'NOT_FOUND' || state.error.code === 'VALIDATION_FAILED') ? (
        <StateView
          id="feed-item-gone"
          kind="empty"
          title={t('feed.itemGoneTitle')}
          description={t('feed.itemGoneHint')}
          actions={[{ id: 'state-home-button', label: t('state.home'), onClick: goHome }]}
        />
      ) : null}
      {state.status === 'error' && state.error.code !== 'NOT_FOUND' && state.error.code !== 'VALIDATION_FAILED' ? (
        <ErrorStateView
          id="feed-item-error"
          title={t('feed.itemErrorTitle')}
          error={state.error}
          actions={[{ id: 'feed-item-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' ? <Item item={state.value} /> : null}
    </View>
  );
}
