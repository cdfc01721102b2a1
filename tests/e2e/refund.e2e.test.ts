/**
 * @jest-environment node
 *
 * A refund after payment (issue 14) on the H5 build in Chromium, against the real stack. The order is
 * placed and paid through the API (the stub's sheet route sends the SIGNED payment notification, as in
 * fulfil.e2e); the pages do the rest: the buyer asks 申请退款 with a reason on the order page; the
 * officer of 土桥村 sees it under 退款申请 on 提货与发货, confirms 同意退款 (money moves: a dialog
 * first); the stub makes the refund and sends its own signed REFUND.SUCCESS notification, which alone
 * marks the order refunded; the buyer's page then says 已退款, and the officer's day close shows the
 * refund in the non-cash panel beside the payments.
 *
 * Selectors: buyer #order-refund-ask, #order-refund-reason input, #order-refund-submit,
 * #order-refund-status, #order-<id>-status; officer #refund-<id>, #refund-<id>-approve, #refund-done,
 * #close-noncash-refunded. Screenshots: .tmp/e2e/refund-*.png.
 */
import { randomBytes } from 'node:crypto';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, stackApi, waitForText } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex').replace(/\d/g, 'x');

let webUrl: string;
const phone = phonesForSuite();
const { api, login } = stackApi(() => webUrl);

type Order = { id: string; status: string; totalFen: number };
type Ledger = { nonCash: { refundCount: number; refundedFen: number } };

describe('a refund after payment', () => {
  it('the buyer asks with a reason, the officer approves after a confirmation, the stub’s refund callback arrives: 已退款, and the day close shows it', async () => {
    webUrl = requireStack();
    const officer = await login('officer-tuqiao');
    const stationId = (await api<{ id: string }>(`/stations/by-code/${TUQIAO}`)).id;
    const sellerId = (
      await api<{ id: string }>(`/stations/${stationId}/sellers`, {
        method: 'POST',
        token: officer,
        body: { kind: 'cooperative', name: `退款合作社${tag}`, consent: true },
      })
    ).id;
    const listing = await api<{ id: string }>('/listings', {
      method: 'POST',
      token: officer,
      body: {
        sellerId,
        title: `蕨麻${tag}`,
        category: 'juema',
        unit: 'jin',
        priceFen: 4_500,
        stock: 10,
        delivery: { pickup: true, shipping: { feeFen: 1_200 } },
      },
    });
    const openid = freshOpenid('e2e-refund');
    const token = await login(openid);
    const res = await fetch(`${webUrl}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomBytes(8).toString('hex') },
      body: JSON.stringify({ items: [{ listingId: listing.id, quantity: 2 }], delivery: { mode: 'pickup' } }),
    });
    expect(res.status).toBe(201);
    const placed = (await res.json()) as Order;
    expect((await api<Order>(`/dev/wechatpay/orders/${placed.id}/confirm`, { method: 'POST', token })).status).toBe('PAID');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const before = await api<Ledger>(`/stations/${stationId}/ledger?date=${today}`, { token: officer });

    const buyer = await phone();
    await signInAs(buyer, webUrl, openid);
    await openRoute(buyer, webUrl, `packages/market/pages/order/index?id=${placed.id}`);
    await click(buyer, 'order-refund-ask');
    await buyer.locator('#order-refund-reason input').fill('家里临时有事，不要了');
    await click(buyer, 'order-refund-submit');
    await waitForText(buyer, '#order-refund-status', '等待服务站审核');
    await waitForText(buyer, `#order-${placed.id}-status`, '退款审核中');
    await shoot(buyer, 'refund-asked.png');

    const desk = await phone();
    await signInAs(desk, webUrl, 'officer-tuqiao');
    await openRoute(desk, webUrl, 'packages/officer/pages/fulfil/index');
    await waitForText(desk, `#refund-${placed.id}`, '家里临时有事，不要了');
    await click(desk, `refund-${placed.id}-approve`);
    // Money moves: the dialog first.
    await waitForText(desk, '.taro-modal__content', '¥90.00 将通过微信支付原路退回');
    await shoot(desk, 'refund-confirm.png');
    await desk.locator('.taro-model__confirm').click();
    await waitForText(desk, '#refund-done', '已同意退款：¥90.00，已退款');
    expect((await api<Order>(`/orders/${placed.id}`, { token })).status).toBe('REFUNDED');

    await openRoute(buyer, webUrl, `packages/market/pages/order/index?id=${placed.id}`);
    await waitForText(buyer, `#order-${placed.id}-status`, '已退款');
    await waitForText(buyer, '#order-refund-status', '已退款 ¥90.00');
    await shoot(buyer, 'refund-done.png');

    const after = await api<Ledger>(`/stations/${stationId}/ledger?date=${today}`, { token: officer });
    expect([after.nonCash.refundCount - before.nonCash.refundCount, after.nonCash.refundedFen - before.nonCash.refundedFen]).toEqual([1, 9_000]);
    await openRoute(desk, webUrl, 'packages/officer/pages/close/index');
    await waitForText(desk, '#close-noncash-refunded', `${after.nonCash.refundCount} 笔`);
    await shoot(desk, 'refund-close.png');
  });
});
