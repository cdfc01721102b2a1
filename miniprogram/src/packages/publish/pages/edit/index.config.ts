import { t } from '../../../../i18n/publish';

export default definePageConfig({
  navigationBarTitleText: t('compose.navNew'),
});
