/** @jest-environment jsdom */
/**
 * Fulfilment pages (issue 14) with stubbed Taro components, through the real API client (Taro.request
 * answered by route): the officer's pickup counter (code typed, order shown, handover confirmed; a
 * wrong code says so), today's manifest (one ticked order shipped alone, two as one consignment), and
 * the buyer's order page (only its mode's steps, the pickup code with its QR code, 确认收货).
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { Manifest } from '../../../shared/schemas/fulfilment';
import type { Order } from '../../../shared/schemas/market';
import FulfilPage from '../../../miniprogram/src/packages/officer/pages/fulfil/index';
import OrderPage from '../../../miniprogram/src/packages/market/pages/order/index';
import { pickupCodeIn } from '../../../miniprogram/src/services/api-fulfil';
import { saveSession } from '../../../miniprogram/src/services/session';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import { errorBody, loginAnswer, officerMe, station } from './fixtures';
import { button, byId, exists, ok, routes, type, type RequestOptions } from './page-helpers';

const STATION = `/stations/${station.id}`;
const bodyOf = (options: RequestOptions) => (typeof options.data === 'string' ? JSON.parse(options.data) : options.data);
const AT = '2026-11-30T02:00:00.000Z';

function orderOf(id: string, fields: Partial<Order> = {}): Order {
  const mode = fields.delivery?.mode ?? 'pickup';
  return {
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
    steps:
      mode === 'pickup'
        ? [
            { status: 'PENDING_PAYMENT', done: true, at: AT },
            { status: 'PAID', done: true, at: AT },
            { status: 'READY_FOR_PICKUP', done: false, at: null },
            { status: 'HANDED_OVER', done: false, at: null },
          ]
        : [
            { status: 'PENDING_PAYMENT', done: true, at: AT },
            { status: 'PAID', done: true, at: AT },
            { status: 'SHIPPED', done: true, at: AT },
            { status: 'RECEIVED', done: false, at: null },
          ],
    shipment: null,
    ...fields,
  };
}
const address = { name: '王芳', phoneMasked: '138****5678', province: '青海省', city: '西宁市', county: '城中区', detail: '南大街1号' };
const PICKUP = 'or000000000000000000000001';
const PACK_A = 'or000000000000000000000002';
const PACK_B = 'or000000000000000000000003';
const manifest: Manifest = {
  stationId: station.id,
  date: '2026-11-30',
  sellers: [
    {
      sellerId: 'sl0123456789abcdef01234567',
      sellerName: '土桥牦牛合作社',
      handOver: [orderOf(PICKUP, { yours: false })],
      pack: [orderOf(PACK_A, { yours: false, delivery: { mode: 'shipping', address } })],
    },
    {
      sellerId: 'sl0123456789abcdef0123456b',
      sellerName: '乐都青稞合作社',
      handOver: [],
      pack: [orderOf(PACK_B, { yours: false, sellerName: '乐都青稞合作社', delivery: { mode: 'shipping', address } })],
    },
  ],
};

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
});
afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('the pickup code in what the officer typed or scanned', () => {
  it('takes 6 digits or this station’s QR text, nothing else', () => {
    expect(pickupCodeIn(' 042917 ', station.id)).toBe('042917');
    expect(pickupCodeIn(`yinong:pickup:${station.id}:042917`, station.id)).toBe('042917');
    expect(pickupCodeIn('yinong:pickup:st-other:042917', station.id)).toBeNull();
    expect(pickupCodeIn('42917', station.id)).toBeNull();
  });
});

describe('提货与发货 (officer)', () => {
  beforeEach(() => saveSession(loginAnswer({ role: 'officer' })));

  it('a typed code shows the order; 确认提货 hands it over and the manifest is read again; a wrong code says so', async () => {
    const confirmed: unknown[] = [];
    let manifestReads = 0;
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/manifest`]: () => (manifestReads++, ok(manifest)),
      [`POST ${STATION}/pickup-lookups`]: (options) =>
        bodyOf(options).code === '042917' ? ok(orderOf(PICKUP)) : { statusCode: 404, data: errorBody('NOT_FOUND') },
      [`POST ${STATION}/pickups`]: (options) => (confirmed.push(bodyOf(options)), ok(orderOf(PICKUP, { status: 'HANDED_OVER' }))),
    });
    render(<FulfilPage />);
    await waitFor(() => byId(`manifest-handover-${PICKUP}`));
    type('pickup-code', '111111');
    fireEvent.click(button('pickup-look'));
    await waitFor(() => byId('pickup-error'));
    expect(exists('pickup-order')).toBe(false);
    type('pickup-code', '042917');
    fireEvent.click(button('pickup-look'));
    await waitFor(() => byId('pickup-order'));
    expect(byId('pickup-order').textContent).toContain('牦牛肉干 × 2斤');
    fireEvent.click(button('pickup-confirm'));
    await waitFor(() => byId('pickup-success'));
    expect(confirmed).toEqual([{ code: '042917' }]);
    expect(byId('pickup-success').textContent).toContain('已交付：土桥牦牛合作社 ¥176.00');
    await waitFor(() => expect(manifestReads).toBe(2));
  });

  it('one ticked order is shipped alone; two ticked orders go as ONE consignment with one tracking number', async () => {
    const shipped: unknown[] = [];
    const consigned: unknown[] = [];
    routes({
      'GET /me': ok(officerMe),
      [`GET ${STATION}/manifest`]: ok(manifest),
      [`POST /orders/${PACK_A}/shipment`]: (options) => (shipped.push(bodyOf(options)), ok(orderOf(PACK_A, { status: 'SHIPPED' }))),
      [`POST ${STATION}/consignments`]: (options) => (consigned.push(bodyOf(options)), { statusCode: 201, data: {} }),
    });
    render(<FulfilPage />);
    await waitFor(() => byId(`manifest-pack-${PACK_A}`));
    expect(byId(`manifest-pack-${PACK_A}`).textContent).toContain('寄往青海省西宁市');
    // Printable on H5: the browser prints the page.
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(button('manifest-print'));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(byId(`manifest-pack-${PACK_A}`));
    type('ship-carrier', '顺丰');
    type('ship-tracking', 'SF100200300');
    fireEvent.click(button('ship-submit'));
    await waitFor(() => byId('ship-done'));
    expect(shipped).toEqual([{ carrier: '顺丰', trackingNo: 'SF100200300' }]);
    fireEvent.click(byId(`manifest-pack-${PACK_A}`));
    fireEvent.click(byId(`manifest-pack-${PACK_B}`));
    expect(byId('ship-submit').textContent).toContain('2单合并发货');
    type('ship-tracking', 'EMS987654321');
    fireEvent.click(button('ship-submit'));
    await waitFor(() => expect(consigned).toHaveLength(1));
    expect(consigned).toEqual([{ orderIds: [PACK_A, PACK_B], carrier: '顺丰', trackingNo: 'EMS987654321' }]);
  });
});

describe('the buyer’s order page after payment', () => {
  beforeEach(() => saveSession(loginAnswer({ role: 'buyer' })));

  it('a paid pickup order: its steps only (no 发货), the pickup code and its QR code', async () => {
    setRouterParams({ id: PICKUP });
    routes({
      [`GET /orders/${PICKUP}`]: ok(orderOf(PICKUP)),
      [`GET /orders/${PICKUP}/pickup-code`]: ok({
        orderId: PICKUP,
        stationId: station.id,
        code: '042917',
        qrText: 'x',
        qrImage: 'data:image/svg+xml;base64,PHN2Zy8+',
      }),
    });
    render(<OrderPage />);
    await waitFor(() => byId('order-pickup-code'));
    expect(byId('order-pickup-code').textContent).toBe('042917');
    // The QR image (the jsdom stub of <Image> keeps no src; the e2e and the route's test check the image).
    expect(exists('order-pickup-qr')).toBe(true);
    expect(exists('order-step-READY_FOR_PICKUP')).toBe(true);
    expect(exists('order-step-SHIPPED')).toBe(false);
    expect(exists('order-receive')).toBe(false);
  });

  it('a shipped order: carrier and tracking number, and 确认收货 asks the server', async () => {
    setRouterParams({ id: PACK_A });
    const shipment = { carrier: '顺丰', trackingNo: 'SF100200300', shippedAt: AT, consignmentId: null };
    const shippedOrder = orderOf(PACK_A, { status: 'SHIPPED', delivery: { mode: 'shipping', address }, shipment });
    let received = 0;
    routes({
      [`GET /orders/${PACK_A}`]: ok(shippedOrder),
      [`POST /orders/${PACK_A}/receipt`]: () => (received++, ok({ ...shippedOrder, status: 'RECEIVED' })),
    });
    render(<OrderPage />);
    await waitFor(() => byId('order-shipment'));
    expect(byId('order-shipment').textContent).toBe('顺丰 单号 SF100200300');
    expect(exists('order-pickup')).toBe(false);
    expect(exists('order-step-READY_FOR_PICKUP')).toBe(false);
    fireEvent.click(button('order-receive'));
    await waitFor(() => expect(received).toBe(1));
    await waitFor(() => expect(exists('order-receive')).toBe(false));
  });
});
