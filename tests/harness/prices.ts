import { businessDay } from '../../functions/domain/stations/opening-hours';
import { addDays } from '../../functions/domain/prices/price';
import { handlers } from './handlers';
import { invoke } from './invoke';
import { newKey } from './payments';

export { seedPriceCatalogue } from '../../scripts/lib/price-catalogue';

/** Today's business day (Asia/Shanghai), shifted by `days`. */
export const dayAgo = (days: number) => addDays(businessDay(new Date()), -days);

/** A valid report body: 牦牛 per head at 结古 (玉树州) unless told otherwise. */
export const reportBody = (extra: Record<string, unknown> = {}) => ({
  productId: 'yak-head',
  marketId: 'jiegu',
  date: dayAgo(0),
  priceFen: 1_200_000,
  ...extra,
});

export function reportPrice(auth: Record<string, string>, body: Record<string, unknown>, key: string = newKey()) {
  return invoke(handlers.prices, { method: 'POST', path: '/price-reports', headers: { ...auth, 'idempotency-key': key }, body });
}
