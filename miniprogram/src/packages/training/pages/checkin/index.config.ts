import { t } from '../../../../i18n/training';

export default definePageConfig({ navigationBarTitleText: t('training.navCheckin') });
