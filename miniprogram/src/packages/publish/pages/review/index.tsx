import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/publish';
import { getReviewQueue } from '../../../../services/api-publish';
import { FEED_PAGE_SIZE, FeedList } from '../../feed-list';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../publish.scss';
import { pageStyle } from '../../../../services/page-style';

function ReviewQueue({ region, regionName }: { region: string; regionName: string }) {
  const { state, loadMore, retry, refresh } = usePagedList(region, (code, cursor) => getReviewQueue(code, { cursor, limit: FEED_PAGE_SIZE }));
  // Back from an item published or rejected: it leaves the queue.
  useReloadOnShow(refresh);
  return (
    <View id="publish-review">
      <PageHero title={{ id: 'publish-review-title', text: t('publish.review.title') }} />
      <Section id="publish-review-section" title={t('publish.review.title')}>
        <Text className="publish__note">{t('publish.review.intro', { region: regionName })}</Text>
        <FeedList
          id="review"
          state={state}
          showAuthor
          texts={{ loading: 'publish.review.loading', error: 'publish.review.errorTitle', empty: 'publish.review.empty' }}
          onMore={() => void loadMore()}
          onRetry={retry}
        />
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  const region = me.user.regionCode;
  if (!region) return <StateView id="publish-review-no-region" kind="empty" title={t('publish.review.noRegion')} />;
  return <ReviewQueue region={region} regionName={me.region?.name ?? region} />;
}

/** An admin's review queue: items in review whose target lies in their region, oldest region codes first. */
export default function ReviewPage() {
  useNavTitle(t('publish.navReview'));
  return (
    <View id="publish-review-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.review.title" signInPrompt="role.admin.signIn" deniedText="role.review.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
