import { t } from '../../../../i18n/staff';

export default definePageConfig({
  navigationBarTitleText: t('pay.navTitle'),
  // A pay link is shared from here (useShareAppMessage in the page gives its path).
  enableShareAppMessage: true,
});
