import { t } from '../../../../i18n/station';

export default definePageConfig({
  navigationBarTitleText: t('station.aboutNavTitle'),
});
