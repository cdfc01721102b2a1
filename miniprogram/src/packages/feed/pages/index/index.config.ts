import { t } from '../../../../i18n/feed';

export default definePageConfig({
  navigationBarTitleText: t('feed.navTitle'),
  // Pull to refresh: usePullDownRefresh loads the first page again.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
