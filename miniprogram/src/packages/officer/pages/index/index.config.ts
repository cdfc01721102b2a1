import { t } from '../../../../i18n/receipt';

export default definePageConfig({
  navigationBarTitleText: t('role.officer.navTitle'),
});
