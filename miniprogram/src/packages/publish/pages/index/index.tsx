import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import { ActionButton } from '../../../../components/action-button';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/publish';
import { getMyFeeds } from '../../../../services/api-publish';
import { openPage } from '../../../../services/routes';
import { FEED_PAGE_SIZE, FeedList } from '../../feed-list';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../publish.scss';
import { pageStyle } from '../../../../services/page-style';

function MyFeeds() {
  const { state, loadMore, retry, refresh } = usePagedList('me', (_key, cursor) => getMyFeeds({ cursor, limit: FEED_PAGE_SIZE }));
  // Back from the edit form or an item's page: the list shows what changed there.
  useReloadOnShow(refresh);
  return (
    <View id="publish-mine">
      <PageHero title={{ id: 'publish-mine-title', text: t('publish.mine.title') }} />
      <Section id="publish-mine-section" title={t('publish.mine.title')}>
        <Text className="publish__note">{t('publish.mine.intro')}</Text>
        <ActionButton id="publish-write-button" onClick={() => openPage('publishEdit')}>
          {t('publish.mine.write')}
        </ActionButton>
        <View className="publish__block">
          <FeedList
            id="publish-mine"
            state={state}
            texts={{ loading: 'publish.mine.loading', error: 'publish.mine.errorTitle', empty: 'publish.mine.empty' }}
            onMore={() => void loadMore()}
            onRetry={retry}
          />
        </View>
      </Section>
    </View>
  );
}

/** The signed-in expert's or admin's own items, any status, newest first; "写信息" opens the form. */
export default function MyFeedsPage() {
  useNavTitle(t('publish.navMine'));
  return (
    <View id="publish-page" style={pageStyle} className="page">
      <RoleGate roles={['expert', ...ADMIN_ROLES]} title="role.publish.title" signInPrompt="role.publish.signIn" deniedText="role.publish.denied">
        {() => <MyFeeds />}
      </RoleGate>
    </View>
  );
}
