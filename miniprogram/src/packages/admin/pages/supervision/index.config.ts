import { t } from '../../../../i18n/staff';

export default definePageConfig({
  navigationBarTitleText: t('supervision.navTitle'),
});
