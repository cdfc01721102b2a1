import { useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { errorText, t } from '../../../../i18n/market';
import { getAddresses, getCarts, placeOrder, putCart, type AddressView, type CartView } from '../../../../services/api-market';
import { toApiErrorLike } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';
import { createOrderAttempts } from '../../../../services/order-attempt';
import { openPage, openSignIn, pageUrl, replacePage } from '../../../../services/routes';
import { AddressForm } from '../../components/address-form';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../market.scss';
import { pageStyle } from '../../../../services/page-style';

type Mode = 'pickup' | 'shipping';

function addressLine(address: AddressView): string {
  return `${address.name} ${address.phone} ${address.province}${address.city}${address.county}${address.detail}`;
}

/** One seller's cart: its lines with − / +, the server's subtotal, delivery and 下单. */
function SellerCart({
  cart,
  addresses,
  onChanged,
  onAddress,
}: {
  cart: CartView;
  addresses: AddressView[];
  onChanged: (cart: CartView) => void;
  onAddress: (a: AddressView) => void;
}) {
  const [mode, setMode] = useState<Mode>('pickup');
  const [addressId, setAddressId] = useState<string | undefined>(addresses[0]?.id);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempts = useRef(createOrderAttempts()).current;
  const chosenAddress = addressId ?? addresses[0]?.id;

  const setQuantity = async (listingId: string, quantity: number) => {
    setBusy(true);
    setError(null);
    try {
      const items = cart.items
        .map((line) => ({ listingId: line.listingId, quantity: line.listingId === listingId ? quantity : line.quantity }))
        .filter((line) => line.quantity > 0);
      onChanged(await putCart(cart.sellerId, items));
    } catch (failure) {
      setError(t('market.failed', { reason: errorText(toApiErrorLike(failure).code) }));
    } finally {
      setBusy(false);
    }
  };

  const order = async () => {
    const delivery = mode === 'shipping' && chosenAddress ? { mode, addressId: chosenAddress } : { mode: 'pickup' as const };
    const body = {
      items: cart.items.filter((line) => line.available).map((line) => ({ listingId: line.listingId, quantity: line.quantity })),
      delivery,
    };
    const key = attempts.keyFor(JSON.stringify(body));
    setBusy(true);
    setError(null);
    try {
      const placed = await placeOrder(body, key);
      attempts.settle();
      replacePage('order', { id: placed.id });
    } catch (failure) {
      attempts.settle(failure);
      setError(t('market.failed', { reason: errorText(toApiErrorLike(failure).code) }));
    } finally {
      setBusy(false);
    }
  };

  const canOrder = cart.items.some((line) => line.available) && (mode === 'pickup' || chosenAddress !== undefined);
  return (
    <View id={`cart-${cart.sellerId}`} className="market-card">
      {cart.items.map((line) => (
        <View key={line.listingId} id={`cart-line-${line.listingId}`} className="market-stepper">
          <Text className="market-row__text" onClick={() => openPage('listing', { id: line.listingId })}>
            {line.title} {formatFen(line.priceFen)}
            {line.available ? '' : ` · ${t('market.unavailable')}`}
          </Text>
          <Text
            id={`cart-line-${line.listingId}-minus`}
            className="market-stepper__button"
            onClick={() => !busy && void setQuantity(line.listingId, line.quantity - 1)}
          >
            −
          </Text>
          <Text id={`cart-line-${line.listingId}-quantity`}>{line.quantity}</Text>
          <Text
            id={`cart-line-${line.listingId}-plus`}
            className="market-stepper__button"
            onClick={() => !busy && void setQuantity(line.listingId, line.quantity + 1)}
          >
            +
          </Text>
        </View>
      ))}
      <Text id={`cart-${cart.sellerId}-subtotal`} className="market-row__price">
        {t('market.subtotal', { amount: formatFen(cart.subtotalFen) })}
      </Text>
      <ChipGroup label={t('market.delivery')}>
        <Chip id={`cart-${cart.sellerId}-pickup`} label={t('market.deliveryPickup')} selected={mode === 'pickup'} onClick={() => setMode('pickup')} />
        <Chip
          id={`cart-${cart.sellerId}-shipping`}
          label={t('market.deliveryShipping', { fee: '' }).trim()}
          selected={mode === 'shipping'}
          onClick={() => setMode('shipping')}
        />
      </ChipGroup>
      {mode === 'shipping' ? (
        <View id="cart-addresses">
          <Text>{t('market.address')}</Text>
          {addresses.length === 0 ? <Text className="market-muted">{t('market.noAddress')}</Text> : null}
          {addresses.map((address) => (
            <Chip
              key={address.id}
              id={`cart-address-${address.id}`}
              label={addressLine(address)}
              selected={address.id === chosenAddress}
              onClick={() => setAddressId(address.id)}
            />
          ))}
          {adding || addresses.length === 0 ? (
            <AddressForm
              onSaved={(address) => {
                onAddress(address);
                setAddressId(address.id);
                setAdding(false);
              }}
            />
          ) : (
            <Text id="cart-add-address" className="market-link" onClick={() => setAdding(true)}>
              {t('market.addAddress')}
            </Text>
          )}
        </View>
      ) : null}
      {error ? (
        <Text id={`cart-${cart.sellerId}-error`} className="market-muted">
          {error}
        </Text>
      ) : null}
      <ActionButton id={`cart-${cart.sellerId}-order`} loading={busy} disabled={busy || !canOrder} onClick={() => void order()}>
        {busy ? t('market.placing') : t('market.placeOrder')}
      </ActionButton>
    </View>
  );
}

type CartData = { carts: CartView[]; addresses: AddressView[] };

async function loadCart(): Promise<CartData> {
  const [carts, addresses] = await Promise.all([getCarts(), getAddresses()]);
  return { carts: carts.items, addresses: addresses.items };
}

/** 购物车: one cart per seller (kept on the server); each is ordered on its own. Amounts are the server's. */
export default function CartPage() {
  useNavTitle(t('market.cartNavTitle'));
  const session = useSession();
  const { state, retry, refresh, replace } = useResource(session ? session.user.id : undefined, loadCart);
  useDidShow(() => refresh());
  if (!session)
    return (
      <View id="cart-page" style={pageStyle} className="page">
        <StateView
          id="cart-sign-in"
          kind="empty"
          title={t('market.signInHint')}
          actions={[{ id: 'cart-sign-in-button', label: t('market.goSignIn'), onClick: () => openSignIn(pageUrl('cart')) }]}
        />
      </View>
    );
  return (
    <View id="cart-page" style={pageStyle} className="page">
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="cart-loading" kind="loading" title={t('market.cartLoading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="cart-error"
          title={t('market.cartErrorTitle')}
          error={state.error}
          actions={[{ id: 'cart-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.value.carts.length === 0 ? (
        <StateView
          id="cart-empty"
          kind="empty"
          title={t('market.cartEmpty')}
          description={t('market.cartEmptyHint')}
          actions={[{ id: 'cart-browse', label: t('market.browse'), onClick: () => openPage('market') }]}
        />
      ) : null}
      {state.status === 'ready'
        ? state.value.carts.map((cart) => (
            <SellerCart
              key={cart.sellerId}
              cart={cart}
              addresses={state.value.addresses}
              onChanged={(changed) =>
                replace({
                  ...state.value,
                  carts: state.value.carts.map((c) => (c.sellerId === changed.sellerId ? changed : c)).filter((c) => c.items.length > 0),
                })
              }
              onAddress={(address) => replace({ ...state.value, addresses: [...state.value.addresses, address] })}
            />
          ))
        : null}
    </View>
  );
}
