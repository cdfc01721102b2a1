import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import type { FeedDetail, FeedLang } from '@shared/schemas/feeds';
import { InfoList, type InfoItem } from '../../../../components/info-list';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { t, type MessageKey } from '../../../../i18n/publish';
import { getRegionChildren } from '../../../../services/api';
import { getFeedDetail } from '../../../../services/api-publish';
import { formatChinaTime } from '../../../../services/format';
import { categoryText, statusText } from '../../../../services/feed-publish';
import { personText } from '../../../../services/person-label';
import { MovesPanel } from './moves-panel';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../publish.scss';
import { pageStyle } from '../../../../services/page-style';

/** The target region by name with its chain (青海省 海东市 乐都区), or its code until the name is in. */
function useRegionName(code: string): string {
  const { state } = useResource(code, getRegionChildren);
  if (state.status !== 'ready') return code;
  const { region } = state.value;
  return [...region.chain.map((r) => r.name), region.name].join(' ');
}

function Settings({ item }: { item: FeedDetail }) {
  const region = useRegionName(item.regionCode);
  const rows: InfoItem[] = [
    { id: 'feed-category', label: t('publish.item.category'), value: categoryText(item.category) },
    { id: 'feed-region', label: t('publish.item.region'), value: region },
    {
      id: 'feed-area-types',
      label: t('publish.item.areaTypes'),
      value: item.areaTypes
        ? item.areaTypes.map((a) => t(`station.areaType.${a}` as MessageKey)).join(t('publish.list.comma'))
        : t('publish.item.allAreaTypes'),
    },
    { id: 'feed-urgent', label: t('publish.item.urgent'), value: item.urgent ? t('publish.item.urgentYes') : t('publish.item.no') },
    {
      id: 'feed-requires-ack',
      label: t('publish.item.requiresAck'),
      value: item.requiresAck ? t('publish.item.requiresAckYes') : t('publish.item.no'),
    },
    { id: 'feed-expires', label: t('publish.item.expires'), value: item.expiresAt ? formatChinaTime(item.expiresAt) : t('publish.item.noExpiry') },
    { id: 'feed-author', label: t('publish.item.author'), value: personText(item.author, true) },
    { id: 'feed-created', label: t('publish.item.created'), value: formatChinaTime(item.createdAt) },
  ];
  if (item.publishedAt) rows.push({ id: 'feed-published', label: t('publish.item.published'), value: formatChinaTime(item.publishedAt) });
  if (item.requiresAck && item.status !== 'DRAFT')
    rows.push({ id: 'feed-ack-count', label: t('publish.item.ackCount'), value: String(item.ackCount) });
  return (
    <Panel id="feed-settings" title={t('publish.item.detailsTitle')}>
      <InfoList items={rows} />
    </Panel>
  );
}

/** Every language version the item has, Chinese first. */
function Versions({ item }: { item: FeedDetail }) {
  const langs = (['zh', 'bo'] as FeedLang[]).filter((lang) => item.translations[lang]);
  return (
    <>
      {langs.map((lang) => (
        <Panel key={lang} id={`feed-version-${lang}`} title={t('publish.item.versionTitle', { lang: t(`publish.lang.${lang}` as MessageKey) })}>
          <Text id={`feed-version-${lang}-title`} className="publish__version-title">
            {item.translations[lang]!.title}
          </Text>
          <Text id={`feed-version-${lang}-body`} className="publish__body">
            {item.translations[lang]!.body}
          </Text>
        </Panel>
      ))}
    </>
  );
}

/** The item's images, as readers will see them once published: the reviewer sees what they publish. A tap opens the viewer. */
function Images({ item }: { item: FeedDetail }) {
  if (item.images.length === 0) return null;
  const urls = item.images.map((image) => image.url);
  return (
    <Panel id="feed-images" title={t('publish.item.imagesTitle', { count: item.images.length })}>
      <View className="publish__images">
        {item.images.map((image, index) => (
          <Image
            key={image.id}
            id={`feed-image-${index}`}
            className="publish__image"
            src={image.thumbnailUrl}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ current: image.url, urls }).catch(() => undefined)}
          />
        ))}
      </View>
    </Panel>
  );
}

/** Every move with who and when (an edit by its author says so, not the status it stayed in), and the reason of a rejection or retraction; newest first. */
function History({ item }: { item: FeedDetail }) {
  const changes = [...item.history].reverse();
  return (
    <Panel id="feed-history" title={t('publish.item.historyTitle')}>
      {changes.map((change, index) => (
        <View key={`${change.at}-${index}`} id={`feed-history-${index}`} className="publish__history-item">
          <Text className="publish__history-when">{formatChinaTime(change.at)}</Text>
          <Text className="publish__history-what">
            {change.edited
              ? t('publish.item.historyEdited', { who: personText(change.by, true) })
              : t('publish.item.historyLine', { who: personText(change.by, true), status: statusText(change.status) })}
          </Text>
          {change.reason ? (
            <Text id={`feed-history-${index}-reason`} className="publish__history-what">
              {t('publish.item.reason', { reason: change.reason })}
            </Text>
          ) : null}
        </View>
      ))}
    </Panel>
  );
}

function Item({ id, me }: { id: string; me: MeResponse }) {
  const { state, retry, refresh, replace } = useResource(id, getFeedDetail);
  // Back from the edit form: show what was saved there.
  useReloadOnShow(refresh);
  if (state.status === 'idle' || state.status === 'loading') return <StateView id="feed-loading" kind="loading" title={t('publish.item.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="feed-error"
        title={t('publish.item.errorTitle')}
        error={state.error}
        actions={[{ id: 'feed-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  const item = state.value;
  // A published item someone who neither wrote nor reviews it opened: the reader's view has no status.
  if (!('status' in item)) return <StateView id="feed-not-editor" kind="empty" title={item.title} description={t('publish.item.notEditor')} />;
  return (
    <View id="feed-item">
      <PageHero
        title={{ id: 'feed-title', text: item.title }}
        badges={[{ id: 'feed-status', text: statusText(item.status) }]}
        lines={[{ text: categoryText(item.category) }]}
      />
      <MovesPanel item={item} viewer={me.user} onMoved={replace} onStale={refresh} />
      <Versions item={item} />
      <Images item={item} />
      <Settings item={item} />
      <History item={item} />
    </View>
  );
}

/** An item as its authors and reviewers see it (`?id=`): every version, its settings, status and history, and the moves they may make. */
export default function FeedItemPage() {
  useNavTitle(t('publish.navItem'));
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  return (
    <View id="feed-item-page" style={pageStyle} className="page">
      <RoleGate roles={['expert', ...ADMIN_ROLES]} title="role.publish.title" signInPrompt="role.publish.signIn" deniedText="role.publish.denied">
        {(me) => (id ? <Item id={id} me={me} /> : <StateView id="feed-missing" kind="empty" title={t('publish.item.missing')} />)}
      </RoleGate>
    </View>
  );
}
