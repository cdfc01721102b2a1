/** @jest-environment jsdom */
/**
 * Refund pages (issue 14) with stubbed Taro components, through the real API client (Taro.request answered
 * by route): the buyer's 申请退款 (a reason required, then the status the server gives: asked, refused with
 * the station's note, refunded) and the officer's 退款申请 on 提货与发货 (同意退款 only after a confirmation,
 * since money moves; 拒绝 only with a note).
 */
import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { Order } from '../../../shared/schemas/market';
import FulfilPage from '../../../miniprogram/src/packages/officer/pages/fulfil/index';
import OrderPage from '../../../miniprogram/src/packages/market/pages/order/index';
import { saveSession } from '../../../miniprogram/src/services/session';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import { loginAnswer, officerMe, station } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const AT = '2026-11-30T02:00:00.000Z';
const ID = 'or000000000000000000000001';
const OTHER = 'or000000000000000000000002';
const bodyOf = (options: RequestOptions) => (typeof options.data === 'string' ? JSON.parse(options.data) : options.data);

const orderOf = (id: string, fields: Partial<Order> = {}): Order => ({
  id,
  status: 'PAID',
  sellerId: 'sl0123456789abcdef01234567',
  sellerName: '土桥牦牛合作社',
  stationId: station.id,
  lines: [{ listingId: 'ls0123456789abcdef01234567', title: '牦牛肉干', unit: 'jin', priceFen: 8800, quantity: 2, amountFen: 17600 }],
  itemsFen: 17600,
  shippingFen: 0,
  totalFen: 17600,
  delivery: { mode: 'pickup', address: null },
  holdUntil: AT,
  yours: true,
  createdAt: AT,
  closedAt: null,
  steps: [],
  shipment: null,
  refund: null,
  ...fields,
});
const refundOf = (status: 'REQUESTED' | 'REFUSED' | 'APPROVED' | 'REFUNDED', note: string | null = null) => ({
  status,
  reason: '买错了规格',
  requestedAt: AT,
  note,
  decidedAt: status === 'REQUESTED' ? null : AT,
  refundedAt: status === 'REFUNDED' ? AT : null,
  amountFen: 17600,
});

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});
afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('the buyer’s 申请退款', () => {
  beforeEach(() => saveSession(loginAnswer({ role: 'buyer' })));

  it('asks for a reason (a too short one is refused here), sends it, then shows what the server says', async () => {
    setRouterParams({ id: ID });
    const sent: unknown[] = [];
    routes({
      [`GET /orders/${ID}`]: ok(orderOf(ID)),
      [`GET /orders/${ID}/pickup-code`]: ok({ orderId: ID, stationId: station.id, code: '042917', qrText: 'x', qrImage: 'data:,' }),
      [`POST /orders/${ID}/refund-request`]: (options) => (
        sent.push(bodyOf(options)),
        ok(orderOf(ID, { status: 'REFUND_REQUESTED', refund: refundOf('REQUESTED') }))
      ),
    });
    render(<OrderPage />);
    await waitFor(() => byId('order-refund-ask'));
    expect(exists('order-refund-status')).toBe(false);
    fireEvent.click(button('order-refund-ask'));
    type('order-refund-reason', '错');
    fireEvent.click(button('order-refund-submit'));
    await waitFor(() => byId('order-refund-error'));
    expect(byId('order-refund-error').textContent).toContain('2–200');
    expect(sent).toEqual([]);
    type('order-refund-reason', '  买错了规格 ');
    fireEvent.click(button('order-refund-submit'));
    await waitFor(() => byId('order-refund-status'));
    expect(sent).toEqual([{ reason: '买错了规格' }]);
    expect(byId('order-refund-status').textContent).toContain('等待服务站审核');
    expect(byId(`order-${ID}-status`).textContent).toBe('退款审核中');
    expect(exists('order-refund-ask')).toBe(false);
  });

  it('a refunded order says 已退款 with the amount; a refused request shows the station’s note and may be asked again; a shipped one offers nothing', async () => {
    const cases: Array<[Order, string | null, boolean]> = [
      [orderOf(ID, { status: 'REFUNDED', refund: refundOf('REFUNDED') }), '已退款 ¥176.00', false],
      [orderOf(ID, { status: 'PAID', refund: refundOf('REFUSED', '货已装车') }), '退款申请未通过：货已装车', true],
      [orderOf(ID, { status: 'SHIPPED', delivery: { mode: 'shipping', address: null } }), null, false],
    ];
    for (const [order, status, mayAsk] of cases) {
      setRouterParams({ id: ID });
      routes({ [`GET /orders/${ID}`]: ok(order) });
      const view = render(<OrderPage />);
      await waitFor(() => byId(`order-${ID}-status`));
      expect(exists('order-refund-status') ? byId('order-refund-status').textContent : null).toEqual(status ? expect.stringContaining(status) : null);
      expect(exists('order-refund-ask')).toBe(mayAsk);
      view.unmount();
      jest.restoreAllMocks();
    }
  });
});

describe('退款申请 on 提货与发货 (officer)', () => {
  beforeEach(() => saveSession(loginAnswer({ role: 'officer' })));

  it('lists only orders waiting for a decision; 同意退款 sends nothing until confirmed, then approves and reads the list again', async () => {
    const decisions: unknown[] = [];
    let reads = 0;
    let waiting = true;
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${station.id}/manifest`]: ok({ stationId: station.id, date: '2026-11-30', sellers: [] }),
      [`GET /stations/${station.id}/orders`]: () => (
        reads++,
        ok({
          items: [...(waiting ? [orderOf(ID, { status: 'REFUND_REQUESTED', refund: refundOf('REQUESTED'), yours: false })] : []), orderOf(OTHER)],
          nextCursor: null,
        })
      ),
      [`POST /orders/${ID}/refund-decision`]: (options) => (
        decisions.push(bodyOf(options)),
        (waiting = false),
        ok(orderOf(ID, { status: 'REFUNDED', refund: refundOf('REFUNDED') }))
      ),
    });
    render(<FulfilPage />);
    await waitFor(() => byId(`refund-${ID}`));
    expect(byId(`refund-${ID}-reason`).textContent).toBe('买家说：买错了规格');
    expect(exists(`refund-${OTHER}`)).toBe(false);
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(button(`refund-${ID}-approve`));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(modal.mock.calls[0][0]?.content).toContain('¥176.00 将通过微信支付原路退回');
    expect(decisions).toEqual([]);
    fireEvent.click(button(`refund-${ID}-approve`));
    await waitFor(() => byId('refund-done'));
    expect(decisions).toEqual([{ decision: 'approve' }]);
    expect(byId('refund-done').textContent).toContain('已同意退款：¥176.00，已退款');
    await waitFor(() => byId('refund-empty'));
    expect(reads).toBe(2);
  });

  it('拒绝 needs a note the buyer reads: none or one character sends nothing; a note is sent with the refusal', async () => {
    const decisions: unknown[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET /stations/${station.id}/manifest`]: ok({ stationId: station.id, date: '2026-11-30', sellers: [] }),
      [`GET /stations/${station.id}/orders`]: ok({
        items: [orderOf(ID, { status: 'REFUND_REQUESTED', refund: refundOf('REQUESTED'), yours: false })],
        nextCursor: null,
      }),
      [`POST /orders/${ID}/refund-decision`]: (options) => (
        decisions.push(bodyOf(options)),
        ok(orderOf(ID, { refund: refundOf('REFUSED', '货已装车') }))
      ),
    });
    render(<FulfilPage />);
    await waitFor(() => byId(`refund-${ID}`));
    fireEvent.click(button(`refund-${ID}-refuse`));
    type(`refund-${ID}-note`, '不');
    fireEvent.click(button(`refund-${ID}-refuse-submit`));
    await waitFor(() => byId(`refund-${ID}-error`));
    expect(decisions).toEqual([]);
    type(`refund-${ID}-note`, '货已装车');
    fireEvent.click(button(`refund-${ID}-refuse-submit`));
    await waitFor(() => byId('refund-done'));
    expect(decisions).toEqual([{ decision: 'refuse', note: '货已装车' }]);
  });
});
