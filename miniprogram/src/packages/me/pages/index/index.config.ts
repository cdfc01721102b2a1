import { t } from '../../../../i18n/me';

export default definePageConfig({
  navigationBarTitleText: t('me.navTitle'),
});
