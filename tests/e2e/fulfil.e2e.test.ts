/**
 * @jest-environment node
 *
 * Fulfilment (issue 14) on the H5 build in Chromium, against the real stack. Orders are placed and paid
 * through the API (the stub's sheet route sends the SIGNED notification, as in market.e2e); the pages
 * do the rest:
 * - pickup: the buyer's order page shows the pickup code; the officer of 土桥村 types it on 提货与发货,
 *   sees the order and confirms; the buyer's page then says 已提货 (and the API: HANDED_OVER);
 * - shipping with tracking: one order shipped with its carrier and number, which its buyer sees;
 * - a consolidated shipment of two sellers: the officer ticks two paid shipping orders to 西宁市 in
 *   today's manifest, enters one carrier and tracking number: both orders carry it (read through the
 *   API); the buyer sees the tracking number and confirms receipt (已收货).
 *
 * Selectors: officer #pickup-code input, #pickup-look, #pickup-order, #pickup-confirm, #pickup-success,
 * #manifest-pack-<id>, #ship-carrier input, #ship-tracking input, #ship-submit, #ship-done;
 * buyer #order-pickup-code, #order-<id>-status, #order-shipment, #order-receive.
 * Screenshots: .tmp/e2e/fulfil-*.png.
 */
import { randomBytes } from 'node:crypto';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, stackApi, text, waitForText } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex').replace(/\d/g, 'x');

let webUrl: string;
const phone = phonesForSuite();
const { api, login } = stackApi(() => webUrl);
let stationId: string;
let officer: string;
const listings: string[] = [];

type Order = { id: string; status: string; shipment: { trackingNo: string; consignmentId: string | null } | null };

/** A paid order of one unit by a fresh buyer (its openid, to sign in on the page): pickup, or shipped to 西宁市. */
async function paidOrder(listingId: string, mode: 'pickup' | 'shipping') {
  const openid = freshOpenid('e2e-fulfil');
  const token = await login(openid);
  const delivery =
    mode === 'pickup'
      ? { mode }
      : {
          mode,
          addressId: (
            await api<{ id: string }>('/me/addresses', {
              method: 'POST',
              token,
              body: { name: '卓玛', phone: '13900001111', province: '青海省', city: '西宁市', county: '城西区', detail: '五四西路 1 号' },
            })
          ).id,
        };
  const res = await fetch(`${webUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomBytes(8).toString('hex') },
    body: JSON.stringify({ items: [{ listingId, quantity: 1 }], delivery }),
  });
  const order = (await res.json()) as Order;
  expect(res.status).toBe(201);
  const paid = await api<Order>(`/dev/wechatpay/orders/${order.id}/confirm`, { method: 'POST', token });
  expect(paid.status).toBe('PAID');
  return { openid, token, orderId: order.id };
}

beforeAll(async () => {
  webUrl = requireStack();
  officer = await login('officer-tuqiao');
  stationId = (await api<{ id: string }>(`/stations/by-code/${TUQIAO}`)).id;
  for (const name of [`土桥合作社${tag}`, `青稞合作社${tag}`]) {
    const sellerId = (
      await api<{ id: string }>(`/stations/${stationId}/sellers`, {
        method: 'POST',
        token: officer,
        body: { kind: 'cooperative', name, consent: true },
      })
    ).id;
    const listing = await api<{ id: string }>('/listings', {
      method: 'POST',
      token: officer,
      body: {
        sellerId,
        title: `牦牛肉干${tag}`,
        category: 'yak_meat',
        unit: 'jin',
        priceFen: 8_800,
        stock: 10,
        delivery: { pickup: true, shipping: { feeFen: 1_200 } },
      },
    });
    listings.push(listing.id);
  }
});

describe('fulfilment at the station', () => {
  it('pickup: the buyer shows the code, the officer types it, sees the order and hands it over once', async () => {
    const { openid, token, orderId } = await paidOrder(listings[0], 'pickup');
    const buyer = await phone();
    await signInAs(buyer, webUrl, openid);
    await openRoute(buyer, webUrl, `packages/market/pages/order/index?id=${orderId}`);
    await buyer.waitForSelector('#order-pickup-code');
    const code = await text(buyer, '#order-pickup-code');
    expect(code).toMatch(/^\d{6}$/);
    await buyer.waitForSelector('#order-pickup-qr');
    await shoot(buyer, 'fulfil-pickup-code.png');

    const desk = await phone();
    await signInAs(desk, webUrl, 'officer-tuqiao');
    await openRoute(desk, webUrl, 'packages/officer/pages/fulfil/index');
    await desk.locator('#pickup-code input').fill(code);
    await click(desk, 'pickup-look');
    await waitForText(desk, '#pickup-order', `牦牛肉干${tag}`);
    await click(desk, 'pickup-confirm');
    await waitForText(desk, '#pickup-success', '已交付');
    await shoot(desk, 'fulfil-pickup-done.png');
    expect((await api<Order>(`/orders/${orderId}`, { token })).status).toBe('HANDED_OVER');
    // The code worked once: typed again, nothing is found.
    await desk.locator('#pickup-code input').fill(code);
    await click(desk, 'pickup-look');
    await desk.waitForSelector('#pickup-error');

    await openRoute(buyer, webUrl, `packages/market/pages/order/index?id=${orderId}`);
    await waitForText(buyer, `#order-${orderId}-status`, '已提货');
  });

  it('shipping with tracking: the officer ships one order with its carrier and number; its buyer sees them, and only the shipping steps', async () => {
    const { openid, token, orderId } = await paidOrder(listings[1], 'shipping');
    const desk = await phone();
    await signInAs(desk, webUrl, 'officer-tuqiao');
    await openRoute(desk, webUrl, 'packages/officer/pages/fulfil/index');
    await desk.locator(`#manifest-pack-${orderId}`).click();
    await desk.locator('#ship-carrier input').fill('顺丰速运');
    await desk.locator('#ship-tracking input').fill(`SF${tag}654321`);
    await click(desk, 'ship-submit');
    await waitForText(desk, '#ship-done', `已发货 1 单，单号 SF${tag}654321`);
    const shipped = await api<Order>(`/orders/${orderId}`, { token });
    expect([shipped.status, shipped.shipment?.trackingNo]).toEqual(['SHIPPED', `SF${tag}654321`]);

    const buyer = await phone();
    await signInAs(buyer, webUrl, openid);
    await openRoute(buyer, webUrl, `packages/market/pages/order/index?id=${orderId}`);
    await waitForText(buyer, '#order-shipment', `顺丰速运 单号 SF${tag}654321`);
    await waitForText(buyer, `#order-${orderId}-status`, '已发货');
    // A shipping order has no pickup code and no pickup steps.
    expect(await buyer.locator('#order-pickup-code').count()).toBe(0);
    await shoot(buyer, 'fulfil-shipped.png');
  });

  it('a consolidated shipment of two sellers: one tracking number for both orders; the buyer sees it and confirms receipt', async () => {
    const first = await paidOrder(listings[0], 'shipping');
    const second = await paidOrder(listings[1], 'shipping');
    const desk = await phone();
    await signInAs(desk, webUrl, 'officer-tuqiao');
    await openRoute(desk, webUrl, 'packages/officer/pages/fulfil/index');
    for (const { orderId } of [first, second]) {
      await desk.locator(`#manifest-pack-${orderId}`).click();
    }
    await waitForText(desk, '#ship-submit', '2单合并发货');
    await desk.locator('#ship-carrier input').fill('中国邮政');
    await desk.locator('#ship-tracking input').fill(`EMS${tag}123456`);
    await shoot(desk, 'fulfil-manifest.png');
    await click(desk, 'ship-submit');
    await waitForText(desk, '#ship-done', '已发货 2 单');
    const shipped = await Promise.all([first, second].map(({ orderId, token }) => api<Order>(`/orders/${orderId}`, { token })));
    expect(shipped.map((o) => [o.status, o.shipment?.trackingNo])).toEqual([
      ['SHIPPED', `EMS${tag}123456`],
      ['SHIPPED', `EMS${tag}123456`],
    ]);
    expect(shipped[0].shipment?.consignmentId).toEqual(shipped[1].shipment?.consignmentId);
    expect(shipped[0].shipment?.consignmentId).toMatch(/^cn/);

    const buyer = await phone();
    await signInAs(buyer, webUrl, first.openid);
    await openRoute(buyer, webUrl, `packages/market/pages/order/index?id=${first.orderId}`);
    await waitForText(buyer, '#order-shipment', `EMS${tag}123456`);
    await click(buyer, 'order-receive');
    await buyer.locator('.taro-model__confirm').click();
    await waitForText(buyer, `#order-${first.orderId}-status`, '已收货');
    await shoot(buyer, 'fulfil-received.png');
  });
});
