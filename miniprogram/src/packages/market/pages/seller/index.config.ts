import { t } from '../../../../i18n/market';

export default definePageConfig({ navigationBarTitleText: t('market.sellerNavTitle') });
