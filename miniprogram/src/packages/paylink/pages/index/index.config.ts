import { t } from '../../../../i18n/paylink';

export default definePageConfig({ navigationBarTitleText: t('paylink.navTitle') });
