import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { LoadMore } from '../../../../components/load-more';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useSession } from '../../../../hooks/use-session';
import { t } from '../../../../i18n/market';
import { myOrders } from '../../../../services/api-market';
import { openPage, openSignIn, pageUrl } from '../../../../services/routes';
import { OrderSummary } from '../../components/order-summary';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../market.scss';
import { pageStyle } from '../../../../services/page-style';

/** 我的订单: newest first, each with its status; a tap opens it (支付 / 取消 there). */
export default function OrdersPage() {
  useNavTitle(t('market.ordersNavTitle'));
  const session = useSession();
  const { state, loadMore, retry, refresh } = usePagedList(session ? session.user.id : undefined, (_key, cursor) => myOrders(cursor));
  useDidShow(() => refresh());
  return (
    <View id="orders-page" style={pageStyle} className="page">
      {!session ? (
        <StateView
          id="orders-sign-in"
          kind="empty"
          title={t('market.signInHint')}
          actions={[{ id: 'orders-sign-in-button', label: t('market.goSignIn'), onClick: () => openSignIn(pageUrl('orders')) }]}
        />
      ) : null}
      {session && (state.status === 'idle' || state.status === 'loading') ? (
        <StateView id="orders-loading" kind="loading" title={t('market.ordersLoading')} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="orders-error"
          title={t('market.ordersErrorTitle')}
          error={state.error}
          actions={[{ id: 'orders-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView
          id="orders-empty"
          kind="empty"
          title={t('market.ordersEmpty')}
          actions={[{ id: 'orders-browse', label: t('market.browse'), onClick: () => openPage('market') }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View id="orders-list">
          {state.items.map((order) => (
            <OrderSummary key={order.id} order={order} onOpen={() => openPage('order', { id: order.id })} />
          ))}
          <LoadMore id="orders-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}
