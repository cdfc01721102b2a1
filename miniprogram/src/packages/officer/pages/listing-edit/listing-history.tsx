import { Text, View } from '@tarojs/components';
import { LoadMore } from '../../../../components/load-more';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import type { PagedState } from '../../../../hooks/use-paged-list';
import { t } from '../../../../i18n/staff';
import type { Listing, ListingChangeView } from '../../../../services/api-sell';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';

const statusName = (value: unknown) => (typeof value === 'string' ? t(`sell.status.${value}` as never) : '');
const price = (value: unknown, unit: string) => (typeof value === 'number' ? `${formatFen(value)}/${unit}` : '');

/** What changed, in words: 改价 ¥45.00/斤 → ¥48.00/斤, 状态 在售 → 已暂停... */
export function changeText(change: ListingChangeView, listing: Pick<Listing, 'unitName'>): string {
  const { before, after } = change;
  const unit = listing.unitName;
  switch (change.action) {
    case 'created':
      return t('sell.change.created', { price: price(after.priceFen, unit), stock: String(after.stock ?? '') });
    case 'price':
      return t('sell.change.price', { before: price(before.priceFen, unit), after: price(after.priceFen, unit) });
    case 'stock':
      return t('sell.change.stock', { before: String(before.stock ?? ''), after: String(after.stock ?? '') });
    case 'status':
      return t('sell.change.status', { before: statusName(before.status), after: statusName(after.status) });
    default:
      return t('sell.change.text');
  }
}

/** Who made a change: 你, or the role and the tail of their id (the server never sends more). */
export function changeWho(change: ListingChangeView): string {
  if (change.by.you) return t('sell.byYou');
  const role = change.by.role === 'officer' ? t('sell.role.officer') : t('sell.role.other');
  return t('sell.byOther', { role, tail: change.by.idTail });
}

/** 修改记录: every change of the listing, newest first, with who and when. */
export function ListingHistory({
  listing,
  state,
  onMore,
  onRetry,
}: {
  listing: Listing;
  state: PagedState<ListingChangeView>;
  onMore: () => void;
  onRetry: () => void;
}) {
  return (
    <Section id="listing-history" title={t('sell.historyTitle')}>
      {state.status === 'idle' || state.status === 'loading' ? (
        <StateView id="listing-history-loading" kind="loading" title={t('sell.loading')} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="listing-history-error"
          title={t('sell.historyError')}
          error={state.error}
          actions={[{ id: 'listing-history-retry', label: t('state.retry'), onClick: onRetry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView id="listing-history-empty" kind="empty" title={t('sell.historyEmpty')} />
      ) : null}
      {state.status === 'ready' ? (
        <View id="listing-history-list">
          {state.items.map((change, index) => (
            <View key={`${change.at}-${index}`} id={`listing-history-${index}`} className="listing-history__row">
              <Text className="listing-history__row-what">{changeText(change, listing)}</Text>
              <Text className="listing-history__row-who">{t('sell.historyWhen', { who: changeWho(change), time: formatChinaTime(change.at) })}</Text>
            </View>
          ))}
          {state.nextCursor !== null ? <LoadMore id="listing-history-more" hasMore more={state.more} onMore={onMore} /> : null}
        </View>
      ) : null}
    </Section>
  );
}
