import { Text } from '@tarojs/components';
import { t } from '../../../i18n/prices';
import { changeAmount, changeDirection, pctText, type Change } from '../../../services/price-series';

/**
 * A change against a week or a month before, in words with an arrow (涨 / 跌 / 持平) as well as in
 * colour (red up, green down, as Chinese markets show them), so it reads without telling colours apart.
 */
export function ChangeLabel({ id, label, change }: { id: string; label: string; change: Change }) {
  const direction = changeDirection(change);
  const text =
    !change || direction === 'none'
      ? t('prices.noChange')
      : direction === 'flat'
        ? t('prices.flat')
        : t(direction === 'up' ? 'prices.up' : 'prices.down', { amount: changeAmount(change), pct: pctText(change.pct) });
  return (
    <Text id={id} className={`price-change price-change--${direction}`}>
      {`${label} ${text}`}
    </Text>
  );
}
