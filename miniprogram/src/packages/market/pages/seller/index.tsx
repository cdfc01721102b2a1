import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Pill } from '../../../../components/pill';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { t } from '../../../../i18n/market';
import { getMySellers, type MySeller } from '../../../../services/api-seller';
import { formatFen } from '../../../../services/money';
import { openPage, openSignIn, pageUrl } from '../../../../services/routes';
import { priceText } from '../../components/listing-row';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../market.scss';
import { pageStyle } from '../../../../services/page-style';

const STATUS_TONE = { ACTIVE: 'brand', PAUSED: 'accent', ENDED: 'muted' } as const;

/** One seller: what it earned, its paid orders, and each listing with its status, price, stock and what sold. */
function SellerCard({ account }: { account: MySeller }) {
  const { seller, listings, sales } = account;
  const id = `seller-${seller.id}`;
  return (
    <View id={id} className="market-card">
      <Text id={`${id}-name`} className="market-row__title">
        {seller.displayName}
      </Text>
      <Text className="market-muted">{t(seller.kind === 'household' ? 'market.sellerKindHousehold' : 'market.sellerKindCooperative')}</Text>
      <Text id={`${id}-earnings`} className="market-row__price">
        {t('market.sellerEarnings', { amount: formatFen(account.earningsFen) })}
      </Text>
      <Text id={`${id}-sales`}>{t('market.sellerSales', { orders: sales.paidOrders, quantity: sales.quantity })}</Text>
      <Text className="market-muted">{t('market.sellerRefundNote')}</Text>
      {listings.length === 0 ? (
        <Text id={`${id}-no-listings`} className="market-muted">
          {t('market.sellerNoListings')}
        </Text>
      ) : (
        <View id={`${id}-listings`}>
          {listings.map((listing) => (
            <View key={listing.id} id={`seller-listing-${listing.id}`} className="market-row">
              <View className="market-row__text">
                <View>
                  <Pill id={`seller-listing-${listing.id}-status`} tone={STATUS_TONE[listing.status]}>
                    {t(`market.listingStatus.${listing.status}`)}
                  </Pill>
                  <Text className="market-row__title"> {listing.title}</Text>
                </View>
                <Text id={`seller-listing-${listing.id}-price`} className="market-row__price">
                  {priceText(listing)}
                </Text>
                <Text id={`seller-listing-${listing.id}-stock`} className="market-muted">
                  {t('market.sellerStockSold', {
                    stock: listing.stock,
                    sold: listing.soldQuantity,
                    unit: listing.unitName,
                    amount: formatFen(listing.soldFen),
                  })}
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * 我卖的农产品, opened from 我的: the sellers linked to this account (the household it is linked to, the
 * cooperatives it is the contact of), each with its listings, paid orders and earnings. The officer
 * keeps the listings; this page only shows them. Asked again each time it shows.
 */
export default function SellerAccountPage() {
  useNavTitle(t('market.sellerNavTitle'));
  const session = useSession();
  const { state, retry, refresh } = useResource(session ? session.user.id : undefined, () => getMySellers());
  useDidShow(() => refresh());
  return (
    <View id="seller-page" style={pageStyle} className="page">
      {!session ? (
        <StateView
          id="seller-sign-in"
          kind="empty"
          title={t('market.sellerSignIn')}
          actions={[{ id: 'seller-sign-in-button', label: t('market.goSignIn'), onClick: () => openSignIn(pageUrl('sellerAccount')) }]}
        />
      ) : null}
      {session && (state.status === 'idle' || state.status === 'loading') ? (
        <StateView id="seller-loading" kind="loading" title={t('market.sellerLoading')} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="seller-error"
          title={t('market.sellerErrorTitle')}
          error={state.error}
          actions={[{ id: 'seller-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.value.items.length === 0 ? (
        <StateView
          id="seller-empty"
          kind="empty"
          title={t('market.sellerEmptyTitle')}
          description={t('market.sellerEmptyHint')}
          actions={[{ id: 'seller-empty-me', label: t('market.sellerBackToMe'), onClick: () => openPage('me') }]}
        />
      ) : null}
      {state.status === 'ready' && state.value.items.length > 0 ? (
        <View id="seller-list">
          {state.value.items.map((account) => (
            <SellerCard key={account.seller.id} account={account} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
