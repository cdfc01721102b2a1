import { t } from '../../../../i18n/ask';

export default definePageConfig({
  navigationBarTitleText: t('ask.navTitle'),
});
