/** @jest-environment jsdom */
/**
 * 我卖的农产品 (issue 13): the seller page of packages/market (a linked seller's listings, sales and
 * earnings; loading, empty, error and signed-out states) and its panel on 我的 (each seller's earnings,
 * the way in, and the field where a cooperative's contact enters the officer's 8-digit code), through
 * the real API client with Taro.request answered by route.
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MySeller } from '../../../shared/schemas/market-seller';
import { resetStorage, showPages } from '../../stubs/taro';
import SellerAccountPage from '../../../miniprogram/src/packages/market/pages/seller/index';
import MePage from '../../../miniprogram/src/packages/me/pages/index/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { errorBody, loginAnswer, station, villagerMe } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const SELLER = 'sl0123456789abcdef01234567';
const MEAT = 'ls0123456789abcdef01234567';
const BARLEY = 'ls00000000000000000000000b';
const SELLER_PAGE = '/packages/market/pages/seller/index';

const household: MySeller = {
  seller: { id: SELLER, stationId: station.id, kind: 'household', displayName: '张家', householdId: 'hh0123456789abcdef01234567', createdAt: '' },
  listings: [
    { id: BARLEY, title: '青稞', unit: 'dai', unitName: '袋', priceFen: 5000, stock: 40, status: 'PAUSED', soldQuantity: 0, soldFen: 0 },
    { id: MEAT, title: '牦牛肉', unit: 'jin', unitName: '斤', priceFen: 8800, stock: 14, status: 'ACTIVE', soldQuantity: 5, soldFen: 44000 },
  ],
  sales: { paidOrders: 2, quantity: 5 },
  earningsFen: 45200,
  refundedFen: 0,
};
const none = ok({ items: [], nextCursor: null });
const bodyOf = (options: RequestOptions) => (typeof options.data === 'string' ? JSON.parse(options.data) : options.data);

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
  saveSession(loginAnswer({ role: 'villager' }));
});

afterEach(() => jest.restoreAllMocks());

describe('我卖的农产品: the seller page', () => {
  it('shows each linked seller’s earnings, paid orders and every listing with its status, price, stock and what sold', async () => {
    routes({ 'GET /me/seller': ok({ items: [household], nextCursor: null }) });
    render(<SellerAccountPage />);
    expect(exists('seller-loading')).toBe(true);
    await waitFor(() => byId(`seller-${SELLER}`));
    expect(byId(`seller-${SELLER}-name`).textContent).toBe('张家');
    expect(byId(`seller-${SELLER}`).textContent).toContain('农户');
    expect(byId(`seller-${SELLER}-earnings`).textContent).toBe('收入 ¥452.00');
    expect(byId(`seller-${SELLER}-sales`).textContent).toBe('已支付订单 2 笔，共卖出 5 件');
    expect(byId(`seller-listing-${MEAT}-status`).textContent).toBe('在售');
    expect(byId(`seller-listing-${MEAT}-price`).textContent).toBe('¥88.00/斤');
    expect(byId(`seller-listing-${MEAT}-stock`).textContent).toBe('库存 14斤 · 已卖出 5斤（¥440.00）');
    expect(byId(`seller-listing-${BARLEY}-status`).textContent).toBe('暂停');
    expect(byId(`seller-listing-${BARLEY}-stock`).textContent).toBe('库存 40袋 · 已卖出 0袋（¥0.00）');
  });

  it('a seller without listings says how to get some; it asks again when shown again', async () => {
    let answers = 0;
    routes({
      'GET /me/seller': () => {
        answers += 1;
        return ok({
          items: [{ ...household, listings: [], sales: { paidOrders: 0, quantity: 0 }, earningsFen: answers === 1 ? 0 : 100 }],
          nextCursor: null,
        });
      },
    });
    render(<SellerAccountPage />);
    await waitFor(() => byId(`seller-${SELLER}-no-listings`));
    expect(byId(`seller-${SELLER}-earnings`).textContent).toBe('收入 ¥0.00');
    showPages();
    await waitFor(() => expect(byId(`seller-${SELLER}-earnings`).textContent).toBe('收入 ¥1.00'));
  });

  it('an account linked to no seller gets the empty state, which leads back to 我的', async () => {
    routes({ 'GET /me/seller': none });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<SellerAccountPage />);
    await waitFor(() => byId('seller-empty'));
    expect(byId('seller-empty').textContent).toContain('这个账号还没有关联卖家');
    fireEvent.click(button('seller-empty-me'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me/pages/index/index' });
  });

  it('a failure offers a retry that asks again; signed out, a sign-in prompt that comes back here', async () => {
    let fail = true;
    routes({ 'GET /me/seller': () => (fail ? { statusCode: 503, data: errorBody('DEPENDENCY_UNAVAILABLE') } : none) });
    const first = render(<SellerAccountPage />);
    await waitFor(() => byId('seller-error'));
    fail = false;
    fireEvent.click(button('seller-retry'));
    await waitFor(() => byId('seller-empty'));
    first.unmount();
    resetStorage();
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<SellerAccountPage />);
    fireEvent.click(button('seller-sign-in-button'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/me/pages/index/index?returnTo=${encodeURIComponent(SELLER_PAGE)}` });
  });
});

describe('我卖的农产品 on 我的', () => {
  it('a seller’s account shows each seller’s earnings and opens the seller page', async () => {
    routes({ 'GET /me': ok(villagerMe), 'GET /me/seller': ok({ items: [household], nextCursor: null }) });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<MePage />);
    await waitFor(() => byId(`me-seller-${SELLER}`));
    expect(byId(`me-seller-${SELLER}`).textContent).toBe('张家：收入 ¥452.00');
    fireEvent.click(button('me-seller-open'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: SELLER_PAGE });
  });

  it('not a seller: no way in, only the cooperative code; a wrong-looking code is refused without a request', async () => {
    const posted: unknown[] = [];
    routes({
      'GET /me': ok(villagerMe),
      'GET /me/seller': none,
      'POST /me/seller-links': (options) => (posted.push(bodyOf(options)), { statusCode: 404, data: errorBody('NOT_FOUND') }),
    });
    render(<MePage />);
    await waitFor(() => byId('me-seller-code'));
    expect(exists('me-seller-open')).toBe(false);
    type('me-seller-code', '1234');
    fireEvent.click(button('me-seller-link'));
    await waitFor(() => expect(byId('me-seller').textContent).toContain('关联码是 8 位数字。'));
    expect(posted).toEqual([]);
    type('me-seller-code', '1234 5678');
    fireEvent.click(button('me-seller-link'));
    await waitFor(() => byId('me-seller-result'));
    expect(posted).toEqual([{ code: '12345678' }]);
    expect(byId('me-seller-result').textContent).toContain('关联码不对，或已过期、已被使用。');
  });

  it('a cooperative’s code links the account and opens the seller page', async () => {
    let linked = false;
    const coop = { ...household, seller: { ...household.seller, kind: 'cooperative' as const, displayName: '土桥青稞合作社', householdId: null } };
    routes({
      'GET /me': ok(villagerMe),
      'GET /me/seller': () => ok({ items: linked ? [coop] : [], nextCursor: null }),
      'POST /me/seller-links': () => {
        linked = true;
        return { statusCode: 201, data: { seller: coop.seller } };
      },
    });
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<MePage />);
    await waitFor(() => byId('me-seller-code'));
    type('me-seller-code', '87654321');
    fireEvent.click(button('me-seller-link'));
    await waitFor(() => byId('me-seller-result'));
    expect(byId('me-seller-result').textContent).toContain('已关联“土桥青稞合作社”。');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: SELLER_PAGE });
    await waitFor(() => byId(`me-seller-${SELLER}`));
  });
});
