import { t } from '../../../../i18n/find';

export default definePageConfig({
  navigationBarTitleText: t('find.navNearest'),
});
