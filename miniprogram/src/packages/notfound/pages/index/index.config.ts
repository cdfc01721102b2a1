import { t } from '../../../../i18n/shared';

export default definePageConfig({
  navigationBarTitleText: t('notFound.navTitle'),
});
