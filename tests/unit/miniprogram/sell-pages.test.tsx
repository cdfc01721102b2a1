/** @jest-environment jsdom */
/**
 * The officer's 农产品代销 pages (issue 13) with stubbed Taro components, through the real API client
 * (Taro.request answered by route): the sellers and their listings, registering a seller (consent
 * first), a listing's form (yuan typed, integer fen sent), its edit page (price, 409 reloads, 下架
 * confirmed, history with who and when) and the station's listings and orders.
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Listing, Order, Seller } from '../../../shared/schemas/market';
import type { ListingChangeView as ListingChange } from '../../../miniprogram/src/services/api-sell';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import SellersPage from '../../../miniprogram/src/packages/officer/pages/sellers/index';
import ListingEditPage from '../../../miniprogram/src/packages/officer/pages/listing-edit/index';
import StationListingsPage from '../../../miniprogram/src/packages/officer/pages/station-listings/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { errorBody, household, loginAnswer, officerMe, station } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const STATION = `/stations/${station.id}`;
const coop: Seller = {
  id: 'sl0123456789abcdef01234567',
  stationId: station.id,
  kind: 'cooperative',
  displayName: '土桥牦牛合作社',
  householdId: null,
  createdAt: '2026-11-29T02:00:00.000Z',
};
const LISTING_ID = 'ls0123456789abcdef01234567';

function listingOf(fields: Partial<Listing> = {}): Listing {
  return {
    id: LISTING_ID,
    title: '散养牦牛肉',
    category: 'yak_meat',
    categoryName: '牦牛肉',
    unit: 'jin',
    unitName: '斤',
    priceFen: 4550,
    stock: 20,
    status: 'ACTIVE',
    photos: [],
    harvestDate: null,
    description: '',
    delivery: { pickup: true, shipping: null },
    seller: { id: coop.id, kind: 'cooperative', displayName: coop.displayName },
    station: { id: station.id, code: station.code, villageName: '土桥村', regionChain: station.regionChain },
    createdAt: '2026-11-29T02:00:00.000Z',
    updatedAt: '2026-11-29T02:00:00.000Z',
    ...fields,
  };
}

const created: ListingChange = {
  at: '2026-11-29T02:00:00.000Z',
  action: 'created',
  before: {},
  after: { title: '散养牦牛肉', priceFen: 4550, stock: 20, status: 'ACTIVE' },
  by: { role: 'officer', idTail: '6789', you: true },
};
const categories = {
  items: [
    { id: 'yak_meat', name: '牦牛肉' },
    { id: 'highland_barley', name: '青稞' },
  ],
  nextCursor: null,
};
const bodyOf = (options: RequestOptions) => (typeof options.data === 'string' ? JSON.parse(options.data) : options.data);

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
  saveSession(loginAnswer({ role: 'officer' }));
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('农产品代销: sellers', () => {
  it('lists the sellers with their listings; registering a cooperative asks for consent first, then sends it', async () => {
    const posted: unknown[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/sellers`]: ok({ items: [coop], nextCursor: null }),
      [`GET ${STATION}/listings`]: ok({ items: [listingOf()], nextCursor: null }),
      [`GET ${STATION}/households`]: ok({ items: [household], nextCursor: null }),
      [`POST ${STATION}/sellers`]: (options) => {
        posted.push(bodyOf(options));
        return { statusCode: 201, data: { ...coop, id: 'sl00000000000000000000000b', displayName: '青稞合作社' } };
      },
    });
    render(<SellersPage />);
    await waitFor(() => byId(`seller-listing-${LISTING_ID}`));
    expect(byId(`seller-${coop.id}`).textContent).toContain('土桥牦牛合作社 · 合作社');
    expect(byId(`seller-listing-${LISTING_ID}`).textContent).toContain('¥45.50/斤 · 库存 20 · 在售');
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    fireEvent.click(byId(`seller-listing-${LISTING_ID}`));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/officer/pages/listing-edit/index?id=${LISTING_ID}` });
    fireEvent.click(button(`seller-${coop.id}-new`));
    expect(navigateTo.mock.lastCall![0].url).toMatch(new RegExp(`listing-edit/index\\?seller=${coop.id}&name=`));

    fireEvent.click(button('sellers-register'));
    // A household of the station, picked from its households.
    await waitFor(() => byId(`seller-household-${household.id}`));
    fireEvent.click(byId('seller-kind-cooperative'));
    type('seller-coop-name', '青稞合作社');
    fireEvent.click(button('seller-save'));
    await waitFor(() => byId('seller-consent-error'));
    expect(posted).toEqual([]);
    fireEvent.click(byId('seller-consent'));
    fireEvent.click(button('seller-save'));
    await waitFor(() => byId('seller-created'));
    expect(byId('seller-created').textContent).toContain('已登记卖家：青稞合作社');
    expect(posted).toEqual([{ kind: 'cooperative', name: '青稞合作社', consent: true }]);
  });

  it('registers a household picked from the station’s households', async () => {
    const posted: unknown[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/sellers`]: ok({ items: [], nextCursor: null }),
      [`GET ${STATION}/listings`]: ok({ items: [], nextCursor: null }),
      [`GET ${STATION}/households`]: ok({ items: [household], nextCursor: null }),
      [`POST ${STATION}/sellers`]: (options) => {
        posted.push(bodyOf(options));
        return { statusCode: 409, data: errorBody('CONFLICT') };
      },
    });
    render(<SellersPage />);
    await waitFor(() => byId('sellers-empty'));
    fireEvent.click(button('sellers-register'));
    fireEvent.click(byId('seller-consent'));
    fireEvent.click(button('seller-save'));
    await waitFor(() => byId('seller-household-error'));
    await waitFor(() => byId(`seller-household-${household.id}`));
    fireEvent.click(byId(`seller-household-${household.id}`));
    fireEvent.click(button('seller-save'));
    await waitFor(() => byId('seller-form-error'));
    expect(byId('seller-form-error').textContent).toContain('没有登记成功');
    expect(posted).toEqual([{ kind: 'household', householdId: household.id, consent: true }]);
  });
  it('gives a cooperative’s contact a one-time code to enter in 我的; a household seller has none (linked through its household)', async () => {
    const householdSeller: Seller = {
      ...coop,
      id: 'sl0000000000000000000000hh',
      kind: 'household',
      displayName: '卓玛家',
      householdId: household.id,
    };
    let issued = 0;
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/sellers`]: ok({ items: [coop, householdSeller], nextCursor: null }),
      [`GET ${STATION}/listings`]: ok({ items: [], nextCursor: null }),
      [`POST /sellers/${coop.id}/link-code`]: () => {
        issued += 1;
        return issued === 1
          ? { statusCode: 201, data: { code: '12345678', expiresAt: '2026-11-30T07:10:00.000Z' } }
          : { statusCode: 429, data: errorBody('RATE_LIMITED') };
      },
    });
    render(<SellersPage />);
    await waitFor(() => byId(`seller-${coop.id}-link-button`));
    expect(exists(`seller-${householdSeller.id}-link-button`)).toBe(false);
    fireEvent.click(button(`seller-${coop.id}-link-button`));
    await waitFor(() => byId(`seller-${coop.id}-link-code`));
    expect(byId(`seller-${coop.id}-link-code`).textContent).toBe('1234 5678');
    // Its end in China's time (07:10 UTC is 15:10 in Xining).
    expect(byId(`seller-${coop.id}-link`).textContent).toContain('15:10 前有效，只能用一次');
    fireEvent.click(button(`seller-${coop.id}-link-button`));
    await waitFor(() => byId(`seller-${coop.id}-link-error`));
    expect(byId(`seller-${coop.id}-link-error`).textContent).toContain('关联码没有生成');
    expect(issued).toBe(2);
  });
});

describe('农产品代销: a listing', () => {
  /** The create form for the cooperative, open; what it posts is collected. */
  async function openCreateForm(): Promise<Record<string, unknown>[]> {
    setRouterParams({ seller: coop.id, name: encodeURIComponent(coop.displayName) });
    const posted: Record<string, unknown>[] = [];
    routes({
      'GET /me': ok(officerMe),
      'GET /categories': ok(categories),
      'POST /listings': (options) => {
        posted.push(bodyOf(options));
        return { statusCode: 201, data: listingOf() };
      },
    });
    render(<ListingEditPage />);
    await waitFor(() => byId('listing-form'));
    return posted;
  }

  it('create: says what is missing, then sends integer fen and the shipping fee, and opens the new listing', async () => {
    const posted = await openCreateForm();
    expect(byId('listing-form').textContent).toContain('卖家：土桥牦牛合作社');
    fireEvent.click(button('listing-create'));
    await waitFor(() => byId('listing-form-invalid'));
    expect(byId('listing-form').textContent).toContain('请填写商品名称');
    expect(byId('listing-form').textContent).toContain('请填写单价。');
    expect(posted).toEqual([]);

    type('listing-title', '散养牦牛肉');
    fireEvent.click(byId('listing-category-yak_meat'));
    fireEvent.click(byId('listing-unit-xiang'));
    type('listing-price', '45.5');
    type('listing-stock', '20');
    fireEvent.click(byId('listing-shipping'));
    type('listing-fee', '12');
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    fireEvent.click(button('listing-create'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/officer/pages/listing-edit/index?id=${LISTING_ID}` }));
    expect(posted).toEqual([
      {
        sellerId: coop.id,
        title: '散养牦牛肉',
        category: 'yak_meat',
        unit: 'xiang',
        priceFen: 4550,
        stock: 20,
        photos: [],
        delivery: { pickup: true, shipping: { feeFen: 1200 } },
      },
    ]);
  });

  it('create: limits count Tibetan as a reader sees it (a 60-syllable-stack title and a long Tibetan description are sent whole; 2,001 characters are refused)', async () => {
    const posted = await openCreateForm();
    // 60 characters on screen, 120 UTF-16 units: a code-unit count would refuse it.
    const title = 'སྒྲ'.repeat(60);
    const description = 'བསྒྲུབས'.repeat(500); // 2,000 characters as read, 3,500 code units
    type('listing-title', title);
    fireEvent.click(byId('listing-category-yak_meat'));
    type('listing-price', '45');
    type('listing-stock', '2');
    type('listing-description', `${description}ཀ`);
    expect(byId('listing-description-count').textContent).toBe('2001/2000');
    fireEvent.click(button('listing-create'));
    await waitFor(() => byId('listing-description-error'));
    expect(posted).toEqual([]);

    type('listing-description', description);
    expect(byId('listing-description-count').textContent).toBe('2000/2000');
    const redirectTo = jest.spyOn(Taro, 'redirectTo');
    fireEvent.click(button('listing-create'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ title, description });
  });

  it('edit: a new price is sent alone and the history shows who and when; a 409 reloads the listing instead', async () => {
    setRouterParams({ id: LISTING_ID });
    let stored = listingOf();
    let history: ListingChange[] = [created];
    const patches: unknown[] = [];
    let conflict = false;
    const listingReads = jest.fn();
    routes({
      'GET /me': ok(officerMe),
      [`GET /listings/${LISTING_ID}`]: () => {
        listingReads();
        return ok(stored);
      },
      [`GET /listings/${LISTING_ID}/history`]: () => ok({ items: history, nextCursor: null }),
      [`PATCH /listings/${LISTING_ID}`]: (options) => {
        patches.push(bodyOf(options));
        if (conflict) {
          // An order took 3 units meanwhile.
          stored = listingOf({ stock: 17, priceFen: 4800, updatedAt: '2026-11-29T03:00:00.000Z' });
          return { statusCode: 409, data: errorBody('CONFLICT') };
        }
        stored = listingOf({ priceFen: 4800, updatedAt: '2026-11-29T03:00:00.000Z' });
        history = [
          {
            at: '2026-11-29T03:00:00.000Z',
            action: 'price',
            before: { priceFen: 4550 },
            after: { priceFen: 4800 },
            by: { role: 'officer', idTail: '4321', you: false },
          },
          created,
        ];
        return ok(stored);
      },
    });
    render(<ListingEditPage />);
    await waitFor(() => byId('listing-history-0'));
    expect(byId('listing-history-0').textContent).toContain('上架：¥45.50/斤，库存 20');
    expect(byId('listing-history-0').textContent).toMatch(/你 · 2026-11-29 10:00/);

    type('listing-edit-price', '48');
    fireEvent.click(button('listing-edit-save'));
    await waitFor(() => byId('listing-edit-saved'));
    expect(patches).toEqual([{ priceFen: 4800 }]);
    await waitFor(() => expect(byId('listing-history-0').textContent).toContain('改价：¥45.50/斤 → ¥48.00/斤'));
    expect(byId('listing-history-0').textContent).toContain('信息员（尾号 4321）');

    conflict = true;
    const readsBefore = listingReads.mock.calls.length;
    type('listing-edit-stock', '30');
    fireEvent.click(button('listing-edit-save'));
    await waitFor(() => byId('listing-edit-stale'));
    expect(patches[1]).toEqual({ stock: 30 });
    await waitFor(() => expect(listingReads.mock.calls.length).toBe(readsBefore + 1));
    await waitFor(() =>
      expect(byId('listing-edit-stock').querySelector('input')?.value ?? byId('listing-edit-stock').getAttribute('value')).toBe('17'),
    );
  });

  it('下架 asks first (cancel sends nothing) and is final; 暂停 is sent at once', async () => {
    setRouterParams({ id: LISTING_ID });
    let stored = listingOf();
    const patches: unknown[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET /listings/${LISTING_ID}`]: () => ok(stored),
      [`GET /listings/${LISTING_ID}/history`]: ok({ items: [created], nextCursor: null }),
      [`PATCH /listings/${LISTING_ID}`]: (options) => {
        const body = bodyOf(options);
        patches.push(body);
        stored = listingOf({ status: body.status, updatedAt: new Date().toISOString() });
        return ok(stored);
      },
    });
    render(<ListingEditPage />);
    await waitFor(() => byId('listing-pause'));
    fireEvent.click(button('listing-pause'));
    await waitFor(() => byId('listing-resume'));
    expect(patches).toEqual([{ status: 'PAUSED' }]);

    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(button('listing-end'));
    await waitFor(() => expect(modal).toHaveBeenCalledWith({ title: '确定下架？', content: '下架后不能恢复，要再卖需重新上架。' }));
    expect(patches).toHaveLength(1);
    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    fireEvent.click(button('listing-end'));
    await waitFor(() => byId('listing-ended'));
    expect(patches).toEqual([{ status: 'PAUSED' }, { status: 'ENDED' }]);
    expect(exists('listing-edit-save')).toBe(false);
  });
});

describe('农产品代销: the station’s listings and orders', () => {
  it('shows every listing with stock and status, and the orders read only', async () => {
    const order: Order = {
      id: 'or0123456789abcdef01234567',
      status: 'PAID',
      sellerId: coop.id,
      sellerName: coop.displayName,
      stationId: station.id,
      lines: [{ listingId: LISTING_ID, title: '散养牦牛肉', unit: '斤', priceFen: 4550, quantity: 2, amountFen: 9100 }],
      itemsFen: 9100,
      shippingFen: 0,
      totalFen: 9100,
      delivery: { mode: 'pickup', address: null },
      holdUntil: '2026-11-29T02:15:00.000Z',
      yours: false,
      createdAt: '2026-11-29T02:00:00.000Z',
      closedAt: null,
    };
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/listings`]: ok({ items: [listingOf({ status: 'PAUSED', stock: 3 })], nextCursor: null }),
      [`GET ${STATION}/orders`]: ok({ items: [order], nextCursor: null }),
    });
    render(<StationListingsPage />);
    await waitFor(() => byId(`station-order-${order.id}`));
    expect(byId(`station-listing-${LISTING_ID}`).textContent).toContain('¥45.50/斤 · 库存 3 · 已暂停');
    const row = byId(`station-order-${order.id}`).textContent!;
    expect(row).toContain('土桥牦牛合作社 · ¥91.00 · 自提');
    expect(row).toContain('散养牦牛肉 × 2斤');
    expect(row).toContain('已付款，待备货');
  });
});
