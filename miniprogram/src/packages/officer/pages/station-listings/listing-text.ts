import { t } from '../../../../i18n/staff';
import type { Listing } from '../../../../services/api-sell';
import { formatFen } from '../../../../services/money';

/** A listing's row under its title: price per unit, stock and status (在售, 已暂停, 已下架). */
export const listingRowText = (listing: Listing): string =>
  t('sell.listingRow', {
    price: formatFen(listing.priceFen),
    unit: listing.unitName,
    stock: listing.stock,
    status: t(`sell.status.${listing.status}`),
  });
