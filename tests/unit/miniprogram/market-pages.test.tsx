/** @jest-environment jsdom */
/**
 * The buyer's 农产品 pages (issue 13, packages/market) with stubbed Taro components, through the real
 * API client (Taro.request answered by route): browse (category and region tabs, keyword search,
 * paging, empty states), a listing (photos, the quantity stepper's bounds, add to cart, the sign-in
 * prompt), the cart (lines, delivery, address, 下单 whose Idempotency-Key is kept for a retry), an order
 * (status, the hold's countdown, paying through the local stub's sheet, a confirmed cancel) and my orders.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Listing, Order } from '../../../shared/schemas/market';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import MarketPage from '../../../miniprogram/src/packages/market/pages/index/index';
import ListingPage from '../../../miniprogram/src/packages/market/pages/listing/index';
import CartPage from '../../../miniprogram/src/packages/market/pages/cart/index';
import OrderPage from '../../../miniprogram/src/packages/market/pages/order/index';
import OrdersPage from '../../../miniprogram/src/packages/market/pages/orders/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { errorBody, loginAnswer, station } from './fixtures';
import { button, byId, exists, ok, routes, type RequestOptions } from './page-helpers';

const SELLER = 'sl0123456789abcdef01234567';
const LISTING = 'ls0123456789abcdef01234567';
const OTHER = 'ls00000000000000000000000b';
const ORDER = 'or0123456789abcdef01234567';
const ADDRESS = 'ad0123456789abcdef01234567';

function listingOf(fields: Partial<Listing> = {}): Listing {
  return {
    id: LISTING,
    title: '散养牦牛肉',
    category: 'yak_meat',
    categoryName: '牦牛肉',
    unit: 'jin',
    unitName: '斤',
    priceFen: 4550,
    stock: 3,
    status: 'ACTIVE',
    photos: [],
    harvestDate: '2026-10-01',
    description: '高原放养',
    delivery: { pickup: true, shipping: { feeFen: 1200 } },
    seller: { id: SELLER, kind: 'cooperative', displayName: '土桥牦牛合作社' },
    station: { id: station.id, code: station.code, villageName: '土桥村', regionChain: station.regionChain },
    createdAt: '2026-11-29T02:00:00.000Z',
    updatedAt: '2026-11-29T02:00:00.000Z',
    ...fields,
  };
}

function orderOf(fields: Partial<Order> = {}): Order {
  return {
    id: ORDER,
    status: 'PENDING_PAYMENT',
    sellerId: SELLER,
    sellerName: '土桥牦牛合作社',
    stationId: station.id,
    lines: [{ listingId: LISTING, title: '散养牦牛肉', unit: 'jin', priceFen: 4550, quantity: 2, amountFen: 9100 }],
    itemsFen: 9100,
    shippingFen: 0,
    totalFen: 9100,
    delivery: { mode: 'pickup', address: null },
    holdUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
    yours: true,
    createdAt: '2026-11-29T02:00:00.000Z',
    closedAt: null,
    ...fields,
  };
}

const page = (items: Listing[], nextCursor: string | null = null) => ok({ items, nextCursor });
const categories = ok({
  items: [
    { id: 'yak_meat', name: '牦牛肉' },
    { id: 'highland_barley', name: '青稞' },
  ],
});
const bodyOf = (options: RequestOptions) => (typeof options.data === 'string' ? JSON.parse(options.data) : options.data);
const queryOf = (options: RequestOptions) => Object.fromEntries(new URL(options.url, 'http://x').searchParams);
/** An ActionButton that cannot be pressed (greyed, no native button under it). */
const inactive = (id: string) => byId(id).querySelector('.at-button--disabled') !== null;
const signIn = () => saveSession(loginAnswer({ role: 'buyer' }));

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('农产品: browse', () => {
  it('shows the categories as tabs; a tab and the region tabs (opened from a county) ask for their listings', async () => {
    const asked: Array<Record<string, string>> = [];
    routes({
      'GET /categories': categories,
      'GET /listings': (options) => {
        asked.push(queryOf(options));
        return page([listingOf({ title: `牦牛肉 ${asked.length}` })]);
      },
    });
    setRouterParams({ region: '630202' });
    render(<MarketPage />);
    await waitFor(() => byId('market-category-highland_barley'));
    await waitFor(() => byId(`market-listing-${LISTING}`));
    expect(asked[0]).toEqual({ region: '630202' });
    expect(byId('market-category-all').className).toContain('market-tab--selected');
    expect(byId(`market-listing-${LISTING}-price`).textContent).toBe('¥45.50/斤');
    expect(byId(`market-listing-${LISTING}`).textContent).toContain('土桥牦牛合作社 · 土桥村 · 乐都区');

    fireEvent.click(byId('market-category-highland_barley'));
    await waitFor(() => expect(asked[asked.length - 1]).toEqual({ region: '630202', category: 'highland_barley' }));
    expect(byId('market-category-highland_barley').className).toContain('market-tab--selected');
    fireEvent.click(byId('market-region-63'));
    await waitFor(() => expect(asked[asked.length - 1]).toEqual({ region: '63', category: 'highland_barley' }));
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    await waitFor(() => byId(`market-listing-${LISTING}`));
    fireEvent.click(byId(`market-listing-${LISTING}`));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/market/pages/listing/index?id=${LISTING}` });
  });

  it('without ?region= it browses the whole province and shows no region tabs', async () => {
    const asked: Array<Record<string, string>> = [];
    routes({ 'GET /categories': categories, 'GET /listings': (options) => (asked.push(queryOf(options)), page([listingOf()])) });
    render(<MarketPage />);
    await waitFor(() => byId(`market-listing-${LISTING}`));
    expect(asked).toEqual([{ region: '63' }]);
    expect(exists('market-region')).toBe(false);
  });

  it('searches by keyword once typing pauses; no hit shows the empty state naming the word', async () => {
    const asked: Array<Record<string, string>> = [];
    routes({
      'GET /categories': categories,
      'GET /listings': (options) => {
        asked.push(queryOf(options));
        return page(queryOf(options).q ? [] : [listingOf()]);
      },
    });
    render(<MarketPage />);
    await waitFor(() => byId(`market-listing-${LISTING}`));
    fireEvent.change(byId('market-search'), { target: { value: 'qingke ' } });
    await waitFor(() => byId('market-empty'), { timeout: 3000 });
    expect(asked[asked.length - 1]).toEqual({ region: '63', q: 'qingke' });
    expect(byId('market-empty').textContent).toContain('没有找到“qingke”，换个词或拼音试试。');
  });

  it('an empty category says so (no search word), and a failed page offers a retry that asks again', async () => {
    let fail = true;
    routes({
      'GET /categories': categories,
      'GET /listings': () => (fail ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } : page([])),
    });
    render(<MarketPage />);
    await waitFor(() => byId('market-error'));
    fail = false;
    fireEvent.click(button('market-retry'));
    await waitFor(() => byId('market-empty'));
    expect(byId('market-empty').textContent).toContain('暂时没有在售的农产品');
    expect(byId('market-empty').textContent).toContain('换个分类或地区看看。');
  });

  it('pages: 加载更多 sends the cursor and adds the next page below', async () => {
    const cursors: Array<string | undefined> = [];
    routes({
      'GET /categories': categories,
      'GET /listings': (options) => {
        const { cursor } = queryOf(options);
        cursors.push(cursor);
        return cursor === 'c2' ? page([listingOf({ id: OTHER, title: '青稞' })]) : page([listingOf()], 'c2');
      },
    });
    render(<MarketPage />);
    await waitFor(() => byId('market-more'));
    fireEvent.click(button('market-more'));
    await waitFor(() => byId(`market-listing-${OTHER}`));
    expect(exists(`market-listing-${LISTING}`)).toBe(true);
    expect(cursors).toEqual([undefined, 'c2']);
    expect(exists('market-more')).toBe(false);
  });
});

describe('农产品: a listing', () => {
  const photos = [
    { id: 'up1', url: 'https://img/1.jpg', thumbnailUrl: 'https://img/1t.jpg', width: 800, height: 600 },
    { id: 'up2', url: 'https://img/2.jpg', thumbnailUrl: 'https://img/2t.jpg', width: 800, height: 600 },
  ];

  it('shows its photos (a tap previews them all), price, stock, delivery, seller and origin', async () => {
    routes({ [`GET /listings/${LISTING}`]: ok(listingOf({ photos })) });
    setRouterParams({ id: LISTING });
    const preview = jest.spyOn(Taro, 'previewImage');
    render(<ListingPage />);
    await waitFor(() => byId('listing-photo-1'));
    expect(exists('listing-photo-2')).toBe(false);
    fireEvent.click(byId('listing-photo-1'));
    expect(preview).toHaveBeenCalledWith({ current: 'https://img/2.jpg', urls: ['https://img/1.jpg', 'https://img/2.jpg'] });
    expect(byId('listing-price').textContent).toBe('¥45.50/斤');
    expect(byId('listing-stock').textContent).toBe('库存 3斤');
    expect(byId('listing-delivery').textContent).toBe('服务站自提 · 快递 ¥12.00');
    expect(byId('listing-seller').textContent).toBe('卖家：土桥牦牛合作社');
    expect(byId('listing-origin').textContent).toBe('产地：土桥村 · 乐都区');
  });

  it('the stepper stays between 1 and the stock', async () => {
    signIn();
    routes({ [`GET /listings/${LISTING}`]: ok(listingOf({ stock: 3 })) });
    setRouterParams({ id: LISTING });
    render(<ListingPage />);
    await waitFor(() => byId('listing-quantity'));
    fireEvent.click(byId('listing-quantity-minus'));
    expect(byId('listing-quantity-value').textContent).toBe('1');
    for (let i = 0; i < 5; i++) fireEvent.click(byId('listing-quantity-plus'));
    expect(byId('listing-quantity-value').textContent).toBe('3');
    fireEvent.click(byId('listing-quantity-minus'));
    expect(byId('listing-quantity-value').textContent).toBe('2');
  });

  it('加入购物车 adds the quantity to the seller’s cart as kept on the server; 立即购买 then opens the cart', async () => {
    signIn();
    const put: unknown[] = [];
    routes({
      [`GET /listings/${LISTING}`]: ok(listingOf()),
      'GET /me/carts': ok({
        items: [
          {
            sellerId: SELLER,
            items: [{ listingId: LISTING, quantity: 1, title: '散养牦牛肉', priceFen: 4550, available: true }],
            subtotalFen: 4550,
            updatedAt: '',
          },
        ],
        nextCursor: null,
      }),
      [`PUT /me/carts/${SELLER}`]: (options) => {
        put.push(bodyOf(options));
        return ok({ sellerId: SELLER, items: [], subtotalFen: 0, updatedAt: '' });
      },
    });
    setRouterParams({ id: LISTING });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<ListingPage />);
    await waitFor(() => byId('listing-add'));
    fireEvent.click(byId('listing-quantity-plus'));
    fireEvent.click(button('listing-add'));
    await waitFor(() => byId('listing-message'));
    expect(byId('listing-message').textContent).toBe('已加入购物车');
    expect(put).toEqual([{ items: [{ listingId: LISTING, quantity: 3 }] }]);
    expect(navigateTo).not.toHaveBeenCalled();
    fireEvent.click(button('listing-buy'));
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/market/pages/cart/index' }));
  });

  it('signed out: no cart buttons, a sign-in prompt that comes back to this listing', async () => {
    routes({ [`GET /listings/${LISTING}`]: ok(listingOf()) });
    setRouterParams({ id: LISTING });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<ListingPage />);
    await waitFor(() => byId('listing-sign-in'));
    expect(exists('listing-add')).toBe(false);
    fireEvent.click(button('listing-sign-in'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/me/pages/index/index?returnTo=${encodeURIComponent(`/packages/market/pages/listing/index?id=${LISTING}`)}`,
    });
  });

  it('a paused or sold-out listing says so and offers no stepper or cart; a missing one says it is gone', async () => {
    signIn();
    routes({ [`GET /listings/${LISTING}`]: ok(listingOf({ status: 'PAUSED' })), [`GET /listings/${OTHER}`]: ok(listingOf({ id: OTHER, stock: 0 })) });
    setRouterParams({ id: LISTING });
    const { unmount } = render(<ListingPage />);
    await waitFor(() => byId('listing-stock'));
    expect(byId('listing-stock').textContent).toBe('暂停销售');
    expect([exists('listing-quantity'), exists('listing-add')]).toEqual([false, false]);
    unmount();
    setRouterParams({ id: OTHER });
    const second = render(<ListingPage />);
    await waitFor(() => byId('listing-stock'));
    expect(byId('listing-stock').textContent).toBe('已售完');
    second.unmount();
    setRouterParams({ id: 'ls00000000000000000000000c' });
    render(<ListingPage />);
    await waitFor(() => byId('listing-gone'));
  });
});

describe('农产品: the cart', () => {
  const cart = (quantity = 2, available = true) => ({
    sellerId: SELLER,
    items: [{ listingId: LISTING, quantity, title: '散养牦牛肉', priceFen: 4550, available }],
    subtotalFen: 4550 * quantity,
    updatedAt: '',
  });
  const address = {
    id: ADDRESS,
    name: '王芳',
    phone: '13812345678',
    province: '北京市',
    city: '北京市',
    county: '朝阳区',
    detail: '建国路1号',
    createdAt: '',
  };

  it('shows each line and the server’s subtotal; + and − send the new quantities, − to nothing empties it', async () => {
    signIn();
    const put: unknown[] = [];
    routes({
      'GET /me/carts': ok({ items: [cart(2)], nextCursor: null }),
      'GET /me/addresses': ok({ items: [], nextCursor: null }),
      [`PUT /me/carts/${SELLER}`]: (options) => {
        const body = bodyOf(options);
        put.push(body);
        const quantity = body.items[0]?.quantity ?? 0;
        return ok(quantity ? cart(quantity) : { ...cart(0), items: [], subtotalFen: 0 });
      },
    });
    render(<CartPage />);
    await waitFor(() => byId(`cart-line-${LISTING}`));
    expect(byId(`cart-line-${LISTING}`).textContent).toContain('散养牦牛肉 ¥45.50');
    expect(byId(`cart-${SELLER}-subtotal`).textContent).toBe('小计 ¥91.00（以下单时的价格为准）');
    fireEvent.click(byId(`cart-line-${LISTING}-plus`));
    await waitFor(() => expect(byId(`cart-line-${LISTING}-quantity`).textContent).toBe('3'));
    expect(byId(`cart-${SELLER}-subtotal`).textContent).toBe('小计 ¥136.50（以下单时的价格为准）');
    fireEvent.click(byId(`cart-line-${LISTING}-minus`));
    await waitFor(() => expect(byId(`cart-line-${LISTING}-quantity`).textContent).toBe('2'));
    fireEvent.click(byId(`cart-line-${LISTING}-minus`));
    await waitFor(() => expect(byId(`cart-line-${LISTING}-quantity`).textContent).toBe('1'));
    fireEvent.click(byId(`cart-line-${LISTING}-minus`));
    await waitFor(() => byId('cart-empty'));
    expect(put).toEqual([
      { items: [{ listingId: LISTING, quantity: 3 }] },
      { items: [{ listingId: LISTING, quantity: 2 }] },
      { items: [{ listingId: LISTING, quantity: 1 }] },
      { items: [] },
    ]);
  });

  it('下单 for pickup: a lost answer is retried with the SAME Idempotency-Key, then the order opens', async () => {
    signIn();
    const keys: string[] = [];
    const bodies: unknown[] = [];
    routes({
      'GET /me/carts': ok({ items: [cart(2)], nextCursor: null }),
      'GET /me/addresses': ok({ items: [address], nextCursor: null }),
      'POST /orders': (options) => {
        keys.push(options.header!['Idempotency-Key']);
        bodies.push(bodyOf(options));
        return keys.length === 1 ? { statusCode: 502, data: 'bad gateway' } : { statusCode: 201, data: orderOf() };
      },
    });
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    render(<CartPage />);
    await waitFor(() => byId(`cart-${SELLER}-order`));
    expect(byId(`cart-${SELLER}-pickup`).textContent).toBe('✓ 服务站自提');
    fireEvent.click(button(`cart-${SELLER}-order`));
    await waitFor(() => byId(`cart-${SELLER}-error`));
    expect(redirectTo).not.toHaveBeenCalled();
    fireEvent.click(button(`cart-${SELLER}-order`));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/market/pages/order/index?id=${ORDER}` }));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(bodies).toEqual([
      { items: [{ listingId: LISTING, quantity: 2 }], delivery: { mode: 'pickup' } },
      { items: [{ listingId: LISTING, quantity: 2 }], delivery: { mode: 'pickup' } },
    ]);
  });

  it('a final refusal (409 OUT_OF_STOCK) is shown, and the next 下单 is a new attempt with a new key', async () => {
    signIn();
    const keys: string[] = [];
    routes({
      'GET /me/carts': ok({ items: [cart(2)], nextCursor: null }),
      'GET /me/addresses': ok({ items: [], nextCursor: null }),
      'POST /orders': (options) => {
        keys.push(options.header!['Idempotency-Key']);
        return { statusCode: 409, data: errorBody('OUT_OF_STOCK') };
      },
    });
    render(<CartPage />);
    await waitFor(() => byId(`cart-${SELLER}-order`));
    fireEvent.click(button(`cart-${SELLER}-order`));
    await waitFor(() => byId(`cart-${SELLER}-error`));
    expect(byId(`cart-${SELLER}-error`).textContent).toMatch(/^没有成功：/);
    fireEvent.click(button(`cart-${SELLER}-order`));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('shipping: without an address the form comes first; the saved address is picked and 下单 sends its id', async () => {
    signIn();
    const orders: unknown[] = [];
    const saved: unknown[] = [];
    routes({
      'GET /me/carts': ok({ items: [cart(1)], nextCursor: null }),
      'GET /me/addresses': ok({ items: [], nextCursor: null }),
      'POST /me/addresses': (options) => {
        saved.push(bodyOf(options));
        return { statusCode: 201, data: address };
      },
      'POST /orders': (options) => {
        orders.push(bodyOf(options));
        return { statusCode: 201, data: orderOf() };
      },
    });
    render(<CartPage />);
    await waitFor(() => byId(`cart-${SELLER}-shipping`));
    fireEvent.click(byId(`cart-${SELLER}-shipping`));
    await waitFor(() => byId('address-form'));
    // No address yet: 下单 waits for one.
    expect(inactive(`cart-${SELLER}-order`)).toBe(true);
    for (const [key, value] of Object.entries({
      name: '王芳',
      phone: '13812345678',
      province: '北京市',
      city: '北京市',
      county: '朝阳区',
      detail: '建国路1号',
    }))
      fireEvent.change(byId(`address-${key}`), { target: { value } });
    fireEvent.click(button('address-save'));
    await waitFor(() => byId(`cart-address-${ADDRESS}`));
    expect(byId(`cart-address-${ADDRESS}`).textContent).toContain('✓ 王芳 13812345678 北京市北京市朝阳区建国路1号');
    fireEvent.click(button(`cart-${SELLER}-order`));
    await waitFor(() => expect(orders).toHaveLength(1));
    expect(saved).toHaveLength(1);
    expect(orders[0]).toEqual({ items: [{ listingId: LISTING, quantity: 1 }], delivery: { mode: 'shipping', addressId: ADDRESS } });
  });

  it('signed out: the sign-in prompt; signed in with nothing in it: the empty state', async () => {
    const first = render(<CartPage />);
    expect(byId('cart-sign-in').textContent).toContain('登录后才能加入购物车和下单。');
    first.unmount();
    signIn();
    routes({ 'GET /me/carts': ok({ items: [], nextCursor: null }), 'GET /me/addresses': ok({ items: [], nextCursor: null }) });
    render(<CartPage />);
    await waitFor(() => byId('cart-empty'));
  });
});

describe('农产品: an order', () => {
  beforeEach(signIn);

  it('an unpaid order shows its status, the server’s total, where to pick it up and the hold’s countdown', async () => {
    routes({ [`GET /orders/${ORDER}`]: ok(orderOf({ holdUntil: new Date(Date.now() + 10 * 60_000 - 500).toISOString() })) });
    setRouterParams({ id: ORDER });
    render(<OrderPage />);
    await waitFor(() => byId('order-hold'));
    expect(byId(`order-${ORDER}-status`).textContent).toBe('待支付');
    expect(byId(`order-${ORDER}-total`).textContent).toBe('合计 ¥91.00');
    expect(byId('order-delivery').textContent).toBe('到服务站自提');
    expect(byId('order-hold').textContent).toMatch(/^请在 09:5\d 内支付/);
    expect(inactive('order-pay')).toBe(false);
  });

  it('past its hold: 支付 is off and it says the order is closing', async () => {
    routes({ [`GET /orders/${ORDER}`]: ok(orderOf({ holdUntil: new Date(Date.now() - 1000).toISOString() })) });
    setRouterParams({ id: ORDER });
    render(<OrderPage />);
    await waitFor(() => byId('order-hold'));
    expect(byId('order-hold').textContent).toBe('支付时间已过，订单即将关闭。');
    expect(inactive('order-pay')).toBe(true);
  });

  it('支付 on H5 opens the local stub’s sheet; its confirmation answers the order as the server has it (paid)', async () => {
    const calls: string[] = [];
    routes({
      [`GET /orders/${ORDER}`]: ok(orderOf()),
      [`POST /orders/${ORDER}/pay`]: () => {
        calls.push('pay');
        return ok({ appId: 'wx', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's', provider: 'stub' });
      },
      [`POST /dev/wechatpay/orders/${ORDER}/confirm`]: () => {
        calls.push('confirm');
        return ok(orderOf({ status: 'PAID' }));
      },
    });
    setRouterParams({ id: ORDER });
    render(<OrderPage />);
    await waitFor(() => byId('order-pay'));
    fireEvent.click(button('order-pay'));
    await waitFor(() => byId('order-stub-sheet'));
    // The sheet alone pays nothing: still unpaid until the server says otherwise.
    expect(byId(`order-${ORDER}-status`).textContent).toBe('待支付');
    expect(byId('order-stub-confirm').textContent).toContain('确认支付 ¥91.00');
    fireEvent.click(button('order-stub-confirm'));
    await waitFor(() => expect(byId(`order-${ORDER}-status`).textContent).toBe('已支付'));
    expect(exists('order-pending')).toBe(false);
    expect(calls).toEqual(['pay', 'confirm']);
  });

  it('取消订单 asks first: declined, nothing is sent; confirmed, the order shows cancelled', async () => {
    const cancels: string[] = [];
    routes({
      [`GET /orders/${ORDER}`]: ok(orderOf()),
      [`POST /orders/${ORDER}/cancel`]: () => {
        cancels.push(ORDER);
        return ok(orderOf({ status: 'CANCELLED', closedAt: '2026-11-29T02:05:00.000Z' }));
      },
    });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    setRouterParams({ id: ORDER });
    render(<OrderPage />);
    await waitFor(() => byId('order-cancel'));
    fireEvent.click(button('order-cancel'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '确定取消这个订单吗？库存会退回。' });
    await act(async () => undefined);
    expect(cancels).toEqual([]);
    expect(byId(`order-${ORDER}-status`).textContent).toBe('待支付');
    fireEvent.click(button('order-cancel'));
    await waitFor(() => expect(byId(`order-${ORDER}-status`).textContent).toBe('已取消'));
    expect(cancels).toEqual([ORDER]);
    expect(exists('order-pending')).toBe(false);
  });

  it('a shipped order names the address with the phone masked', async () => {
    const shipped = orderOf({
      shippingFen: 1200,
      totalFen: 10300,
      delivery: {
        mode: 'shipping',
        address: { name: '王芳', phoneMasked: '138****5678', province: '北京市', city: '北京市', county: '朝阳区', detail: '建国路1号' },
      },
    });
    routes({ [`GET /orders/${ORDER}`]: ok(shipped) });
    setRouterParams({ id: ORDER });
    render(<OrderPage />);
    await waitFor(() => byId('order-delivery'));
    expect(byId('order-delivery').textContent).toBe('寄到：王芳 138****5678 朝阳区建国路1号');
    expect(byId(`order-${ORDER}`).textContent).toContain('运费 ¥12.00');
  });
});

describe('农产品: my orders', () => {
  it('lists the orders with their status; a tap opens one', async () => {
    signIn();
    routes({ 'GET /me/orders': ok({ items: [orderOf(), orderOf({ id: 'or00000000000000000000000b', status: 'EXPIRED' })], nextCursor: null }) });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<OrdersPage />);
    await waitFor(() => byId(`order-${ORDER}`));
    expect(byId(`order-${ORDER}-status`).textContent).toBe('待支付');
    expect(byId('order-or00000000000000000000000b-status').textContent).toBe('已超时关闭');
    fireEvent.click(byId(`order-${ORDER}`));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/market/pages/order/index?id=${ORDER}` });
  });

  it('none yet: the empty state leads to browsing; signed out: the sign-in prompt', async () => {
    signIn();
    routes({ 'GET /me/orders': ok({ items: [], nextCursor: null }) });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    const first = render(<OrdersPage />);
    await waitFor(() => byId('orders-empty'));
    fireEvent.click(button('orders-browse'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/market/pages/index/index' });
    first.unmount();
    resetStorage();
    render(<OrdersPage />);
    expect(byId('orders-sign-in').textContent).toContain('登录后才能加入购物车和下单。');
  });
});
