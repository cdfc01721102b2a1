import { Text, View } from '@tarojs/components';
import { Pill } from '../../../components/pill';
import { t } from '../../../i18n/market';
import type { Order } from '../../../services/api-market';
import { formatFen } from '../../../services/money';

export const statusText = (order: Pick<Order, 'status'>) => t(`market.status.${order.status}`);

/** An order's lines and the server's amounts (items, shipping, total) with its status. */
export function OrderSummary({ order, onOpen }: { order: Order; onOpen?: () => void }) {
  return (
    <View id={`order-${order.id}`} className="market-card" onClick={onOpen}>
      <View>
        <Pill id={`order-${order.id}-status`} tone={order.status === 'PAID' ? 'brand' : order.status === 'PENDING_PAYMENT' ? 'accent' : 'muted'}>
          {statusText(order)}
        </Pill>
        <Text className="market-muted"> {order.sellerName}</Text>
      </View>
      {order.lines.map((line) => (
        <Text key={line.listingId}>
          {line.title} × {line.quantity} {formatFen(line.amountFen)}
        </Text>
      ))}
      {order.shippingFen > 0 ? <Text className="market-muted">{t('market.shipping', { amount: formatFen(order.shippingFen) })}</Text> : null}
      <Text id={`order-${order.id}-total`} className="market-row__price">
        {t('market.total', { amount: formatFen(order.totalFen) })}
      </Text>
    </View>
  );
}
