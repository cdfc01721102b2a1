import { t } from '../../../../i18n/feed';

export default definePageConfig({
  navigationBarTitleText: t('feed.itemNavTitle'),
});
