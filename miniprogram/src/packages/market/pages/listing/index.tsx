import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { errorText, t } from '../../../../i18n/market';
import { getListing, type Listing } from '../../../../services/api-market';
import { toApiErrorLike } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';
import { goHome, openPage, openSignIn, pageUrl } from '../../../../services/routes';
import { originText, priceText } from '../../components/listing-row';
import { addToCart } from '../../hooks/add-to-cart';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../market.scss';
import { pageStyle } from '../../../../services/page-style';

function Photos({ listing }: { listing: Listing }) {
  if (listing.photos.length === 0) return null;
  const urls = listing.photos.map((photo) => photo.url);
  return (
    <View id="listing-photos">
      {listing.photos.map((photo, index) => (
        <Image
          key={photo.url}
          id={`listing-photo-${index}`}
          className="market-photo"
          src={photo.url}
          mode="widthFix"
          lazyLoad
          onClick={() => void Taro.previewImage({ current: photo.url, urls }).catch(() => undefined)}
        />
      ))}
    </View>
  );
}

/** − n + between 1 and the stock. */
function Stepper({ value, max, onChange }: { value: number; max: number; onChange: (value: number) => void }) {
  return (
    <View id="listing-quantity" className="market-stepper">
      <Text className="market-muted">{t('market.quantity')}</Text>
      <Text
        id="listing-quantity-minus"
        className="market-stepper__button"
        aria-label={t('market.minus')}
        onClick={() => onChange(Math.max(1, value - 1))}
      >
        −
      </Text>
      <Text id="listing-quantity-value">{value}</Text>
      <Text
        id="listing-quantity-plus"
        className="market-stepper__button"
        aria-label={t('market.plus')}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </Text>
    </View>
  );
}

function statusNote(listing: Listing): string | null {
  if (listing.status === 'PAUSED') return t('market.paused');
  if (listing.status === 'ENDED') return t('market.ended');
  return listing.stock === 0 ? t('market.soldOut') : null;
}

function ListingView({ listing }: { listing: Listing }) {
  const session = useSession();
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const note = statusNote(listing);

  const add = async (thenCart: boolean) => {
    setBusy(true);
    setMessage(null);
    try {
      await addToCart(listing.seller.id, listing.id, quantity);
      setMessage(t('market.added'));
      if (thenCart) openPage('cart');
    } catch (error) {
      setMessage(t('market.failed', { reason: errorText(toApiErrorLike(error).code) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id="listing">
      <Photos listing={listing} />
      <View className="market-card">
        <Text id="listing-title" className="market-row__title">
          {listing.title}
        </Text>
        <Text id="listing-price" className="market-row__price">
          {priceText(listing)}
        </Text>
        <Text id="listing-stock" className="market-muted">
          {note ?? t('market.stock', { stock: listing.stock, unit: listing.unitName })}
        </Text>
        <Text id="listing-delivery" className="market-muted">
          {[
            listing.delivery.pickup ? t('market.deliveryPickup') : null,
            listing.delivery.shipping ? t('market.deliveryShipping', { fee: formatFen(listing.delivery.shipping.feeFen) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text id="listing-seller">{t('market.seller', { name: listing.seller.displayName })}</Text>
        <Text id="listing-origin">{t('market.station', { place: originText(listing) })}</Text>
        {listing.harvestDate ? <Text className="market-muted">{t('market.harvest', { date: listing.harvestDate })}</Text> : null}
        {listing.description ? (
          <Text id="listing-description" userSelect>
            {listing.description}
          </Text>
        ) : null}
        {note === null ? <Stepper value={quantity} max={listing.stock} onChange={setQuantity} /> : null}
      </View>
      {message ? (
        <Text id="listing-message" className="market-card">
          {message}
        </Text>
      ) : null}
      {note !== null ? null : session ? (
        <View className="market-actions">
          <ActionButton id="listing-add" kind="secondary" loading={busy} disabled={busy} onClick={() => void add(false)}>
            {t('market.addToCart')}
          </ActionButton>
          <ActionButton id="listing-buy" loading={busy} disabled={busy} onClick={() => void add(true)}>
            {t('market.buyNow')}
          </ActionButton>
        </View>
      ) : (
        <View className="market-card">
          <Text>{t('market.signInHint')}</Text>
          <ActionButton id="listing-sign-in" kind="secondary" onClick={() => openSignIn(pageUrl('listing', { id: listing.id }))}>
            {t('market.goSignIn')}
          </ActionButton>
        </View>
      )}
    </View>
  );
}

/** One listing (`?id=`): photos, price per unit, stock, delivery, seller, village and station; add to cart or buy now. */
export default function ListingPage() {
  useNavTitle(t('market.listingNavTitle'));
  const { params } = useRouter();
  const { state, retry } = useResource(params.id || undefined, getListing);
  const gone = state.status === 'error' && (state.error.code === 'NOT_FOUND' || state.error.code === 'VALIDATION_FAILED');
  return (
    <View id="listing-page" style={pageStyle} className="page">
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="listing-loading" kind="loading" title={t('market.loading')} /> : null}
      {gone ? (
        <StateView
          id="listing-gone"
          kind="empty"
          title={t('market.listingGoneTitle')}
          actions={[{ id: 'state-home-button', label: t('state.home'), onClick: goHome }]}
        />
      ) : null}
      {state.status === 'error' && !gone ? (
        <ErrorStateView
          id="listing-error"
          title={t('market.listingErrorTitle')}
          error={state.error}
          actions={[{ id: 'listing-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' ? <ListingView listing={state.value} /> : null}
    </View>
  );
}
