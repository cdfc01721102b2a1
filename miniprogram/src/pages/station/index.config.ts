import { t } from '../../i18n';

export default definePageConfig({
  navigationBarTitleText: t('station.navTitle'),
  // "Share" in the menu and the share button: useShareAppMessage gives the title and path.
  enableShareAppMessage: true,
});
