import { t } from '../../../../i18n/prices';

export default definePageConfig({
  navigationBarTitleText: t('prices.seriesNavTitle'),
});
