import { t } from '../../../../i18n/receipt';

export default definePageConfig({
  navigationBarTitleText: t('services.title'),
});
