import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/staff';
import { getStationListings, getStationOrders, type Order } from '../../../../services/api-sell';
import { formatChinaTime } from '../../../../services/format';
import { formatFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';
import { listingRowText } from './listing-text';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

/** An order's row: who sells, the total and how it is delivered; under it the lines, status and time. */
function orderRow(order: Order) {
  const lines = order.lines.map((line) => t('sell.orderLine', { title: line.title, quantity: line.quantity, unit: line.unit })).join('，');
  return {
    title: t('sell.orderRow', {
      seller: order.sellerName,
      total: formatFen(order.totalFen),
      delivery: t(`sell.deliveryMode.${order.delivery.mode}`),
    }),
    subtitle: `${lines} · ${formatChinaTime(order.createdAt)}`,
    aside: t(`sell.orderStatus.${order.status}`),
  };
}

function StationSales({ stationId, villageName }: { stationId: string; villageName: string }) {
  const listings = usePagedList(stationId, (id, cursor) => getStationListings(id, cursor));
  const orders = usePagedList(stationId, (id, cursor) => getStationOrders(id, cursor));
  useReloadOnShow(() => {
    listings.refresh();
    orders.refresh();
  });
  return (
    <View id="station-sales">
      <PageHero eyebrow={{ text: t('officer.stationLine', { village: villageName }) }} title={{ text: t('sell.stationNav') }} />
      <Section id="station-listings" title={t('sell.stationListings')}>
        {listings.state.status === 'idle' || listings.state.status === 'loading' ? (
          <StateView id="station-listings-loading" kind="loading" title={t('sell.listingsLoading')} />
        ) : null}
        {listings.state.status === 'error' ? (
          <ErrorStateView
            id="station-listings-error"
            title={t('sell.listingsError')}
            error={listings.state.error}
            actions={[{ id: 'station-listings-retry', label: t('state.retry'), onClick: listings.retry }]}
          />
        ) : null}
        {listings.state.status === 'ready' && listings.state.items.length === 0 ? (
          <StateView id="station-listings-empty" kind="empty" title={t('sell.stationListingsEmpty')} />
        ) : null}
        {listings.state.status === 'ready' && listings.state.items.length > 0 ? (
          <View id="station-listings-list">
            <ListCard>
              {listings.state.items.map((listing) => (
                <ListRow
                  key={listing.id}
                  id={`station-listing-${listing.id}`}
                  title={`${listing.title} · ${listing.seller.displayName}`}
                  subtitle={listingRowText(listing)}
                  onClick={() => openPage('listingEdit', { id: listing.id })}
                />
              ))}
            </ListCard>
            {listings.state.nextCursor !== null ? (
              <LoadMore id="station-listings-more" hasMore more={listings.state.more} onMore={listings.loadMore} />
            ) : null}
          </View>
        ) : null}
      </Section>
      <Section id="station-orders" title={t('sell.ordersTitle')}>
        {orders.state.status === 'idle' || orders.state.status === 'loading' ? (
          <StateView id="station-orders-loading" kind="loading" title={t('sell.ordersLoading')} />
        ) : null}
        {orders.state.status === 'error' ? (
          <ErrorStateView
            id="station-orders-error"
            title={t('sell.ordersError')}
            error={orders.state.error}
            actions={[{ id: 'station-orders-retry', label: t('state.retry'), onClick: orders.retry }]}
          />
        ) : null}
        {orders.state.status === 'ready' && orders.state.items.length === 0 ? (
          <StateView id="station-orders-empty" kind="empty" title={t('sell.ordersEmpty')} />
        ) : null}
        {orders.state.status === 'ready' && orders.state.items.length > 0 ? (
          <View id="station-orders-list">
            <ListCard>
              {orders.state.items.map((order) => (
                <ListRow key={order.id} id={`station-order-${order.id}`} {...orderRow(order)} />
              ))}
            </ListCard>
            {orders.state.nextCursor !== null ? (
              <LoadMore id="station-orders-more" hasMore more={orders.state.more} onMore={orders.loadMore} />
            ) : null}
          </View>
        ) : null}
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station)
    return <StateView id="station-sales-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <StationSales stationId={me.station.id} villageName={me.station.villageName} />;
}

/** 本站商品与订单: every listing of the station with its stock and status, and the orders buyers placed (read only). */
export default function StationListingsPage() {
  useNavTitle(t('sell.stationNav'));
  return (
    <View id="station-sales-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
