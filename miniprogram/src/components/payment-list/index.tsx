import { Text, View } from '@tarojs/components';
import type { Payment } from '@shared/schemas/payments';
import type { PagedState } from '../../hooks/use-paged-list';
import { errorText, t } from '../../i18n/receipt';
import { formatChinaTime } from '../../services/format';
import { formatFen } from '../../services/money';
import { billTypeName, paymentStatusText, paymentStatusTone } from '../../services/payment-status';
import { openPage } from '../../services/routes';
import { ListCard, ListRow } from '../list-row';
import { LoadMore } from '../load-more';
import { Pill } from '../pill';
import { StateView } from '../state-view';
import './index.scss';

/** One payment in a list: what, how much, when, whose account, its status; opens the receipt. */
export function PaymentRow({ id, payment, fullDate }: { id: string; payment: Payment; fullDate?: boolean }) {
  const time = formatChinaTime(payment.createdAt);
  return (
    <ListRow
      id={id}
      title={`${billTypeName(payment.billType)} ${formatFen(payment.amountFen)}`}
      subtitle={[fullDate ? time : time.slice(11), payment.accountNoMasked, payment.holderNameMasked, payment.receiptNo]
        .filter(Boolean)
        .join(t('list.separator'))}
      aside={
        <Pill id={`${id}-status`} tone={paymentStatusTone(payment.status)}>
          {paymentStatusText(payment.status)}
        </Pill>
      }
      onClick={() => openPage('receipt', { id: payment.id })}
    />
  );
}

export interface PaymentListProps {
  /** The list's id; rows are `<id>-<paymentId>`, the empty line `<id>-empty`, loading more `<id>-more`. */
  id: string;
  state: PagedState<Payment>;
  empty: string;
  fullDate?: boolean;
  onMore: () => void;
  onRetry: () => void;
}

/** A paged list of payments with its loading, empty and error states. */
export function PaymentList({ id, state, empty, fullDate, onMore, onRetry }: PaymentListProps) {
  if (state.status === 'idle' || state.status === 'loading') {
    return <StateView id={`${id}-loading`} kind="loading" title={t('list.loadingMore')} />;
  }
  if (state.status === 'error') {
    return (
      <StateView
        id={`${id}-error`}
        kind="error"
        title={t('list.failed', { reason: errorText(state.error.code) })}
        actions={[{ id: `${id}-retry`, label: t('state.retry'), kind: 'secondary', onClick: onRetry }]}
      />
    );
  }
  if (state.items.length === 0) {
    return (
      <Text id={`${id}-empty`} className="payment-list__empty">
        {empty}
      </Text>
    );
  }
  return (
    <View id={id}>
      <ListCard>
        {state.items.map((payment) => (
          <PaymentRow key={payment.id} id={`${id}-${payment.id}`} payment={payment} fullDate={fullDate} />
        ))}
      </ListCard>
      {state.nextCursor !== null || state.more.status !== 'idle' ? (
        <LoadMore id={`${id}-more`} hasMore={state.nextCursor !== null} more={state.more} onMore={onMore} />
      ) : null}
    </View>
  );
}
